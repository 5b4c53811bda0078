# re: sub/subn (templates and callables), split, findall, finditer and
# the handling of empty matches (CPython 3.7+ rules).
import re

print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home and ann@work"))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>|\g<0>|\g<1>>", "ab cd"))
print(re.sub(r"a", r"\n\t\\", "bab"), re.sub("a", "\\0", "a") == "\x00")
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c3"))
print(re.sub(r"x", "-", "axbxcx", 2), re.sub(r"x", "-", "axbxcx", count=1))
print(re.subn(r"x", "-", "axbxcx"), re.subn(r"z", "-", "abc"))
print(re.sub(r"(a)|b", r"[\1]", "ab"))
print(re.sub("x*", "-", "abxd"), re.sub("", "-", "abc"), re.sub(r"\b", "|", "hi there"))
print(re.sub("a|(b)", lambda m: m.group(1) or "A", "cab"))
print(re.sub(rb"\d", b"#", b"a1b22"), re.subn(rb"(\d)", rb"<\1>", b"x9"))
print(re.compile(r"\s+").sub(" ", "a   b \t c"), re.compile("o").subn("0", "foo boo", 3))

print(re.split(r"[,;]\s*", "a, b;c,d"), re.split(r"([,;])", "a,b;c"))
print(re.split(r",", "a,b,c,d", 2), re.split(r",", "a,b,c,d", maxsplit=1))
print(re.split(r"x*", "axbc"), re.split(r"\b", "a b"), re.split(r"(a)|b", "1a2b3"))
print(re.split(r"\d", "no digits"), re.split(r"\d", ""), re.split(rb"-", b"x-y"))

print(re.findall(r"(\d)(\w)", "1a 2b 3c"), re.findall(r"(\d)x?", "1 2x"), re.findall(r"a(b)?", "a ab"))
print(re.findall(r"", "ab"), re.findall(r"a*", "baa"), re.compile(r"\d").findall("a1b2c3", 2, 5))
print([m.span() for m in re.finditer(r"\d+", "a12b345c6")], [m.group() for m in re.finditer(r"x*", "axb")])
it = re.compile("o").finditer("foo")
print(next(it).start(), next(it).start(), list(it))
print(re.escape("a.b*c"), re.escape("[x]{1}(y)|z^$\\"), re.escape("über 1-2"), re.escape(b"a.b"))

for repl in (r"\3", r"\g<9>", r"\g<nope>", r"\q", "\\"):
    try:
        re.sub(r"(a)(b)", repl, "ab")
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.sub("a", lambda m: 1, "a")
except TypeError as e:
    print("TypeError", e)
