# await chains: values yielded by an __await__ come out of send(); values
# sent in come back as the result of that yield.
class Sleep:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        r = yield self.n
        return r


async def child(x):
    v = await Sleep(x)
    return v * 2


async def parent():
    a = await child(1)
    b = await child(2)
    return a + b


c = parent()
print(type(c).__name__)
print(c.send(None))
print(c.send(10))
try:
    c.send(20)
except StopIteration as e:
    print("done", e.value)


async def noawait():
    return "plain"


try:
    noawait().send(None)
except StopIteration as e:
    print(e.value)


async def await_coro_object():
    inner = child(5)
    return await inner


c = await_coro_object()
print(c.send(None))
try:
    c.send(1)
except StopIteration as e:
    print(e.value)
