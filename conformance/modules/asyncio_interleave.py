# asyncio: tasks interleave at every await, in creation order; sleep's
# result; an empty gather; awaiting a coroutine directly.
import asyncio


async def ticker(n):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(0)
    return n


async def main():
    print(await asyncio.gather(ticker(2), ticker(3)))
    print(await asyncio.sleep(0.01, "slept"))
    print(await asyncio.gather())
    print(await ticker(1))


asyncio.run(main())
