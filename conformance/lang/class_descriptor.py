# User descriptors: __get__ on instance and class access, data descriptors
# (__set__/__delete__) win over the instance dict, __set_name__ at class creation.
class Field:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        print("set_name", owner.__name__, name)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")

    def __set__(self, obj, value):
        if value < 0:
            raise ValueError("negative")
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print("delete", self.name)


class Lazy:
    def __get__(self, obj, objtype=None):
        return "lazy on " + ("class" if obj is None else objtype.__name__)


class Item:
    price = Field()
    qty = Field()
    info = Lazy()


it = Item()
print(it.price)
it.price = 5
it.qty = 2
print(it.price * it.qty, it.__dict__)
try:
    it.qty = -1
except ValueError as e:
    print("ValueError", e)
del it.price
print(type(Item.price).__name__, Item.info, it.info)
it.__dict__["info"] = "own"
print(it.info)
