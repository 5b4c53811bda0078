# A subclass of float with a method.
class F(float):
    def half(self):
        return self / 2
print(F(3.0).half(), F(2.5) + 1, round(F(2.567), 2), F('1.5'))
