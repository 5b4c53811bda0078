# asyncio: errors raised by the API and errors from tasks.
import asyncio


async def bad():
    await asyncio.sleep(0)
    raise ValueError("from task")


async def main():
    t = asyncio.create_task(bad())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError", e)
    try:
        await t
    except ValueError as e:
        print("awaited:", e)
    print(type(t.exception()).__name__, t.done())
    try:
        asyncio.run(bad())
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        asyncio.create_task(42)
    except TypeError as e:
        print("TypeError", e)
    return "main"


try:
    asyncio.run(bad())
except ValueError as e:
    print("run raised", e)
print(asyncio.run(main()))
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError", e)
coro = bad()
try:
    asyncio.create_task(coro)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError", e)
