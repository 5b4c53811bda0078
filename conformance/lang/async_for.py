# async for over an object with __aiter__/__anext__: else, break, continue.
class Sleep:
    def __await__(self):
        yield None


class Counter:
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Sleep()
        return self.i


def run(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return e.value, steps


async def loop():
    out = []
    async for x in Counter(3):
        out.append(x)
    else:
        out.append("else")
    async for x in Counter(5):
        if x == 2:
            continue
        if x == 4:
            break
        out.append(x)
    else:
        out.append("no else after break")
    async for a in Counter(2):
        async for b in Counter(2):
            out.append((a, b))
    return out


print(run(loop()))


async def in_try():
    try:
        async for x in Counter(2):
            raise ValueError(x)
    except ValueError as e:
        return "caught %s" % e


print(run(in_try()))
