# TypeError and RuntimeError messages of the await protocol.
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


def check(coro):
    try:
        run(coro)
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)


async def await_value(x):
    return await x


class BadAwait:
    def __await__(self):
        return 5


class CoroAwait:
    def __await__(self):
        return noop()


async def noop():
    pass


check(await_value(1))
check(await_value(BadAwait()))
c = noop()
check(await_value(CoroAwait()))
c.close()


async def stop():
    raise StopIteration


check(stop())


class NoANext:
    def __aiter__(self):
        return 5


class BadANext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


async def afor(x):
    async for i in x:
        pass


check(afor(5))
check(afor(NoANext()))
check(afor(BadANext()))


class BadEnter:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *a):
        pass


class BadExit:
    async def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return 3


async def awith(x):
    async with x:
        pass


check(awith(5))
check(awith(BadEnter()))
check(awith(BadExit()))

c = noop()
run(c)
check(c)
try:
    c.throw(ValueError)
except RuntimeError as e:
    print(e)
try:
    noop().send(1)
except TypeError as e:
    print(e)
try:
    iter(c)
except TypeError as e:
    print(e)
