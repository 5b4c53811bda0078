# async generators: async for, __anext__, asend, athrow, aclose, finally.
class Sleep:
    def __await__(self):
        r = yield "tick"
        return r


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def agen(n):
    for i in range(n):
        await Sleep()
        yield i * 10
    print("agen end")


async def guarded():
    try:
        yield 1
        await Sleep()
        yield 2
    finally:
        print("finally")
        await Sleep()
        print("finally after await")


async def main():
    r = []
    async for v in agen(3):
        r.append(v)
    g = agen(5)
    r.append(await g.__anext__())
    r.append(await g.asend(None))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        r.append("stop")
    print(r)
    g = guarded()
    print(await g.__anext__())
    print(await g.__anext__())
    await g.aclose()
    g = guarded()
    print(await g.asend(None))
    try:
        await g.athrow(ValueError("thrown in"))
    except ValueError as e:
        print("athrow raised", e)
    print(type(g).__name__, g.__aiter__() is g)
    return "ok"


print(run(main()))
