# asyncio.Event: waiters wake when it is set, in the order they waited.
import asyncio


async def wait_event(ev, name):
    print(name, "waiting", ev.is_set())
    r = await ev.wait()
    print(name, "got", r)


async def main():
    ev = asyncio.Event()
    print(ev.is_set())
    tasks = [asyncio.create_task(wait_event(ev, n)) for n in ("w1", "w2")]
    await asyncio.sleep(0.01)
    print("setting")
    ev.set()
    print(ev.is_set())
    await asyncio.gather(*tasks)
    # Waiting on a set event returns at once.
    print(await ev.wait())
    ev.clear()
    print(ev.is_set())
    # A cancelled waiter leaves the queue; the others still wake.
    a = asyncio.create_task(wait_event(ev, "a"))
    b = asyncio.create_task(wait_event(ev, "b"))
    await asyncio.sleep(0.01)
    a.cancel()
    await asyncio.sleep(0.01)
    ev.set()
    await asyncio.sleep(0.01)
    print(a.cancelled(), b.done())


asyncio.run(main())
