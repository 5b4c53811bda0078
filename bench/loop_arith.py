# A tight loop of integer arithmetic on locals.
def run(n):
    total = 0
    i = 0
    while i < n:
        total += (i * 7) % 13 - (i >> 2)
        i += 1
    return total

print(run(12000000))
