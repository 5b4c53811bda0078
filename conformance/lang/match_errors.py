# Errors of match statements: SyntaxErrors at compile time, TypeErrors
# from class patterns at run time.
class P:
    __match_args__ = ("x",)

    def __init__(self):
        self.x = 1


class Q:
    __match_args__ = ["x"]


sources = [
    "match P():\n case P(1, 2): pass",
    "match P():\n case P(x=1, x=2): pass",
    "match P():\n case P(1, x=2): pass",
    "match 1:\n case 5(): pass",
    "match 1:\n case int(1, 2): pass",
    "match {1: 2}:\n case {1: 2, 1: 3}: pass",
    "match 1:\n case x:\n  pass\n case 2: pass",
    "match 1:\n case _:\n  pass\n case 2: pass",
    "match 1:\n case 1 | x: pass",
    "match 1:\n case x | 1: pass",
    "match 1:\n case [x, x]: pass",
    "match 1:\n case [*a, *b]: pass",
    "match 1:\n case a.b(x=1, 2): pass",
    "match Q():\n case Q(1): pass",
    "match 1:\n case 1 as _: pass",
    "match 1:\n case len(): pass",
]
for src in sources:
    try:
        exec(src, {"P": P, "Q": Q})
        print("ok")
    except (SyntaxError, TypeError) as e:
        print(type(e).__name__, e.msg if isinstance(e, SyntaxError) else e)
