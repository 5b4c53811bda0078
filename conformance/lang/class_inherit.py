# Single and multiple inheritance, overriding, isinstance/issubclass.
class Animal:
    def __init__(self, name):
        self.name = name
    def speak(self):
        return self.name + ' makes a sound'
    def kind(self):
        return 'animal'
class Dog(Animal):
    def speak(self):
        return self.name + ' barks'
class Puppy(Dog):
    def kind(self):
        return 'young ' + Animal.kind(self)
for a in (Animal('generic'), Dog('rex'), Puppy('bit')):
    print(a.speak(), '/', a.kind())
p = Puppy('x')
print(isinstance(p, Dog), isinstance(p, Animal), isinstance(Dog('d'), Puppy))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog))
class A:
    def who(self):
        return 'A'
class B:
    def who(self):
        return 'B'
    def only_b(self):
        return 'only B'
class C(A, B):
    pass
c = C()
print(c.who(), c.only_b())
class MyError(ValueError):
    pass
try:
    raise MyError('mine')
except ValueError as e:
    print(type(e).__name__, e.args)
