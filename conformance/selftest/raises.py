# Negative control: prints one line, then dies with an uncaught exception.
print('before the raise')
raise ValueError('boom')
