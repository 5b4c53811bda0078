# isdigit, isalpha, isspace, isupper, islower, isalnum on edge cases.
for s in ('123', 'abc', 'aB1', '  \t\n', 'ABC', 'abc1', '', 'A B', '1.5', '_'):
    print(repr(s), s.isdigit(), s.isalpha(), s.isspace(), s.isupper(), s.islower(), s.isalnum())
