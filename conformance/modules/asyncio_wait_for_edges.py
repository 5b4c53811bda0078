# asyncio.wait_for: zero and negative timeouts, errors from the awaited
# coroutine.
import asyncio


async def slow(delay, value):
    try:
        await asyncio.sleep(delay)
        return value
    except asyncio.CancelledError:
        print("slow", value, "cancelled")
        raise


async def main():
    t = asyncio.create_task(slow(1, "task"))
    try:
        await asyncio.wait_for(t, 0)
    except TimeoutError:
        print("zero timeout", t.cancelled())
    try:
        await asyncio.wait_for(slow(0.01, "err"), -1)
    except TimeoutError:
        print("negative timeout")

    async def fails():
        await asyncio.sleep(0.01)
        raise OSError("io")

    try:
        await asyncio.wait_for(fails(), 1)
    except OSError as e:
        print("inner error", e)


asyncio.run(main())
