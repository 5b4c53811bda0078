# with statements whose items are grouped in brackets (Python 3.10).
class Ctx:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, *exc):
        print("exit", self.name)


with (Ctx("a") as a, Ctx("b") as b):
    print(a, b)
with (
    Ctx("c") as c,
    Ctx("d"),
):
    print(c)
with (Ctx("e")) as e:
    print(e)
with (Ctx("f"), Ctx("g")):
    pass
