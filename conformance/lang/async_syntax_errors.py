# SyntaxError messages for misplaced await / async for / async with.
sources = [
    "await x",
    "def f():\n    await x",
    "async def f():\n    yield from x",
    "async def f():\n    yield 1\n    return 2",
    "def f():\n    async for x in y: pass",
    "def f():\n    async with x: pass",
    "[await x for x in y]",
    "class A:\n    await x",
    "lambda: await x",
    "async def f():\n    lambda: await x",
    "def f():\n    [await x for x in y]",
    "async def f():\n    return [await x for x in y]",
    "async def f():\n    return (await x for x in y)",
    "async def f():\n    async with a as b, c:\n        async for x in b:\n            await x",
]
for src in sources:
    try:
        exec(src)
        print("ok")
    except SyntaxError as e:
        print(e.msg, e.lineno)
