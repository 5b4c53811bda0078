# re: errors raised by bad patterns (re.error with msg, pattern and pos)
# and by mismatched types.
import re

print(issubclass(re.error, Exception))
for p in ["(", "(a", "a)", "[a", "[", "*", "+a", "a**", "a{3,2}", ")", "\\", r"\q", r"(a)\2",
          "[z-a]", r"a|*", r"(?P<1>a)", r"(?P=n)", r"(?P<n>a)(?P<n>b)", r"\x4", r"(?<x)", "a(?i)"]:
    try:
        re.compile(p)
        print(repr(p), "compiled")
    except re.error as e:
        print(repr(p), "|", e, "|", e.msg, e.pos, e.pattern == p)
for args in [(r"\d", b"1"), (rb"\d", "1"), (r"\d", 5)]:
    try:
        re.match(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    re.compile(re.compile("a"), re.I)
except ValueError as e:
    print("ValueError", e)
