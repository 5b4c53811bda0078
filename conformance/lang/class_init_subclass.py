# __init_subclass__ gets each new subclass and the class keywords.
class Reg:
    subclasses = []
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        Reg.subclasses.append((cls.__name__, name))
class R1(Reg, name='one'):
    pass
class R2(R1):
    pass
print(Reg.subclasses)
