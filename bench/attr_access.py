# Attribute reads and writes on instances and classes.
class Point:
    scale = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

def run(n):
    p = Point(1, 2)
    s = 0
    for i in range(n):
        p.x = p.y + i
        p.y = p.x - i
        s += p.x * Point.scale
    return s

print(run(14000000))
