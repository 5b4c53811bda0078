# asyncio.wait_for: result in time, timeout (TimeoutError, the inner task
# cancelled), a task that ignores cancellation, no timeout at all.
import asyncio


async def slow(delay, value):
    try:
        await asyncio.sleep(delay)
        return value
    except asyncio.CancelledError:
        print("slow", value, "cancelled")
        raise


async def ignores_cancel():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        return "ignored"


async def main():
    print(await asyncio.wait_for(slow(0.01, "fast"), 0.5))
    try:
        await asyncio.wait_for(slow(1, "late"), 0.02)
    except asyncio.TimeoutError as e:
        print("timeout:", type(e).__name__, repr(str(e)))
    print(asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(slow(0.01, "none"), None))
    print(await asyncio.wait_for(ignores_cancel(), 0.02))


asyncio.run(main())
