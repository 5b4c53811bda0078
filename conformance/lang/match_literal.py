# match with literal, capture, wildcard, or- and as-patterns and guards.
def describe(x):
    match x:
        case None:
            return "none"
        case True:
            return "true"
        case 0 | 0.0:
            return "zero"
        case -1:
            return "minus one"
        case "":
            return "empty str"
        case "a" | "b" as letter:
            return "letter " + letter
        case n if isinstance(n, int) and n > 100:
            return "big %d" % n
        case _:
            return "other %r" % (x,)


for v in [None, True, False, 0, 0.0, -1, "", "a", "b", "c", 500, 7, 2.5]:
    print(repr(v), "->", describe(v))
match 5:
    case x:
        pass
print("bound", x)
