# Nested classes get a dotted __qualname__, also in their repr.
class Outer:
    class Inner:
        class Deep:
            pass


def f():
    class Local:
        def m(self):
            class InM:
                pass

            return InM

    return Local


print(Outer.__qualname__, Outer.Inner.__qualname__, Outer.Inner.Deep.__qualname__)
print(f().__qualname__, f()().m().__qualname__)
print(Outer.Inner.__name__, repr(Outer.Inner), Outer.Inner.Deep)
