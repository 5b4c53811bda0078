# Generator functions feeding one another.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1

def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x

def run(n):
    total = 0
    for x in evens(numbers(n)):
        total += x
    return total

print(run(16000000))
