# match and case are soft keywords: still names everywhere else.
import re

match = re.match(r"(\w+)", "hello world")
print(match.group(1))
case = [1, 2]
case[0] = 5
print(case)
match = [3]
print(match[0])


def match(*a):
    return a


match(1, 2)
print(match(3))
print([match for match in range(2)])
