# async with: __aenter__/__aexit__ awaited, exceptions passed to __aexit__,
# a true result swallows them; return and break leave through __aexit__.
class Sleep:
    def __await__(self):
        yield None


class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow

    async def __aenter__(self):
        print("enter", self.name)
        await Sleep()
        return self.name

    async def __aexit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        await Sleep()
        return self.swallow


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def main():
    async with CM("a") as x, CM("b") as y:
        print("body", x, y)
    async with CM("c", True):
        raise ValueError("swallowed")
    try:
        async with CM("d"):
            raise KeyError("k")
    except KeyError as e:
        print("caught", e)
    for i in range(3):
        async with CM("e%d" % i):
            if i == 1:
                break
    return "main done"


async def ret_in_with():
    async with CM("r") as r:
        return r + "!"


print(run(main()))
print(run(ret_in_with()))
