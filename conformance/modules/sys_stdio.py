# sys.stdout/stdin/stderr are streams; stdout.write returns the length.
import sys

n = sys.stdout.write("written\n")
print(n)
print(sys.stdout.write(""))
print("via file", 1, 2, file=sys.stdout)
print("sep", "end", sep="-", end="!\n", file=sys.stdout)
for s in (sys.stdin, sys.stdout, sys.stderr):
    print(hasattr(s, "write"), hasattr(s, "read"), hasattr(s, "readline"))
try:
    sys.stdout.write(5)
except TypeError:
    print("TypeError")
