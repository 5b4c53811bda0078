# A generator expression with async for is an async generator, even in a
# plain function; errors inside the loop propagate; misplaced ones are
# SyntaxErrors.
class Counter:
    def __init__(self, stop):
        self.i = 0
        self.stop = stop

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.i += 1
        if self.i == self.stop:
            raise ValueError("stop at %d" % self.stop)
        return self.i


def plus_one(it):
    return (x + 1 async for x in it)


async def main():
    g = plus_one(Counter(10))
    out = []
    async for v in g:
        out.append(v)
        if v == 3:
            break
    try:
        [x async for x in Counter(3)]
    except ValueError as e:
        out.append(str(e))
    return type(g).__name__, out


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as s:
        return s.value


print(run(main()))
try:
    plus_one(None)
except TypeError as e:
    print(e)
for src in ["[x async for x in y]", "def f(y):\n    return {x async for x in y}"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(e.msg)
