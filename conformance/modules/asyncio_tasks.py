# asyncio: tasks awaited one by one, and current_task().
import asyncio


async def nested():
    async def leaf(x):
        await asyncio.sleep(0)
        return x * 2

    tasks = [asyncio.create_task(leaf(i)) for i in range(4)]
    total = 0
    for t in tasks:
        total += await t
    return total


print(asyncio.run(nested()))


async def current():
    t = asyncio.current_task()
    print(isinstance(t, asyncio.Task), t.done())


asyncio.run(current())
