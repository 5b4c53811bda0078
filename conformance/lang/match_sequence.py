# Sequence patterns: lists, tuples and ranges match, str/bytes/dict do not;
# star captures, nesting, an open sequence after case and a tuple subject.
def seq(x):
    match x:
        case []:
            return "empty"
        case [x]:
            return "one %r" % (x,)
        case [1, 2, *rest]:
            return "1,2 then %r" % (rest,)
        case [first, *_, last]:
            return "first %r last %r" % (first, last)
        case _:
            return "not a sequence: " + type(x).__name__


for v in [[], [9], (9,), [1, 2, 3, 4], [1, 2], [5, 6, 7], (8, 9), range(3), "ab", b"ab", {1: 2}, {1, 2}]:
    print(repr(v), "->", seq(v))


def cmd(line):
    match line.split():
        case ["go", ("north" | "south") as direction]:
            return "going " + direction
        case ["drop", *objects] if objects:
            return "dropping " + ", ".join(objects)
        case ["quit" | "exit"]:
            return "bye"
        case [verb, *_]:
            return "unknown verb " + verb
        case []:
            return "nothing"


for line in ["go north", "go up", "drop a b", "drop", "quit", "exit", "", "jump high"]:
    print(repr(line), cmd(line))
match 1, [2, (3, 4)]:
    case a, [b, (c, d)]:
        print("nested", a, b, c, d)
match (1, 2, 3):
    case 1, *mid, 3:
        print("open sequence", mid)
