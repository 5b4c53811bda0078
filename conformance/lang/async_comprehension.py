# await inside comprehensions of an async def; a generator expression that
# awaits is an async generator.
class Value:
    def __init__(self, v):
        self.v = v

    def __await__(self):
        yield None
        return self.v


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def main():
    a = [await Value(i * i) for i in range(4)]
    b = {await Value(k): k for k in "ab"}
    c = {await Value(i % 2) for i in range(5)}
    g = (await Value(i) for i in range(3))
    print(type(g).__name__)
    d = []
    async for x in g:
        d.append(x)
    return a, b, c, d


print(run(main()))
