# __delattr__ hooks del obj.x; __index__ lets an object index sequences.
class Rec:
    def __init__(self):
        object.__setattr__(self, "log", [])

    def __setattr__(self, name, value):
        self.log.append("set " + name)
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self.log.append("del " + name)
        object.__delattr__(self, name)


r = Rec()
r.a = 1
del r.a
print(r.log, hasattr(r, "a"))
try:
    del r.zz
except AttributeError as e:
    print("AttributeError", e)


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


print([10, 20, 30][Idx(1)], "abc"[Idx(-1)], (1, 2)[Idx(0)], bytes(b"xy")[Idx(1)])
