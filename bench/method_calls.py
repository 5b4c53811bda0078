# Method calls on an instance, with attribute reads and writes.
class Counter:
    def __init__(self):
        self.count = 0

    def add(self, n):
        self.count += n
        return self

    def value(self):
        return self.count

def run(n):
    c = Counter()
    for i in range(n):
        c.add(i & 3)
    return c.value()

print(run(18000000))
