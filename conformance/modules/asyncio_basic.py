# asyncio: run, create_task, sleep, gather and the order tasks run in.
import asyncio


async def worker(name, delay, log):
    log.append("start " + name)
    await asyncio.sleep(delay)
    log.append("end " + name)
    return name.upper()


async def main():
    log = []
    t = asyncio.create_task(worker("a", 0.03, log))
    print(type(t).__name__, t.done())
    res = await asyncio.gather(worker("b", 0.01, log), worker("c", 0.05, log))
    print(res, t.done())
    print(await t, t.result(), t.done(), t.cancelled())
    print(log)
    return 42


print(asyncio.run(main()))
