# async for inside list, set and dict comprehensions of an async def,
# nested with plain for and await; driven by hand with send(None).
class Tick:
    def __await__(self):
        yield "tick"
        return 1


class ARange:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await Tick()
        self.i += 1
        return self.i - 1


async def agen(n):
    for i in range(n):
        await Tick()
        yield i * 10


async def double(x):
    await Tick()
    return 2 * x


async def main():
    a = [x async for x in ARange(3)]
    b = {x: x * x async for x in agen(3) if x}
    c = {x % 2 async for x in ARange(4)}
    e = [x + y async for x in ARange(2) for y in (100, 200)]
    f = [(x, y) for x in range(2) async for y in agen(2)]
    g = [await double(x) async for x in agen(2)]
    k = [[y async for y in ARange(x)] async for x in ARange(3)]
    return a, b, c, e, f, g, k


def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as s:
            return ticks, s.value


print(run(main()))
