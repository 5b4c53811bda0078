# asyncio.Lock: mutual exclusion in arrival order, async with, errors.
import asyncio


async def hold(lock, name, log):
    async with lock:
        log.append(name + " in")
        await asyncio.sleep(0.01)
        log.append(name + " out")


async def main():
    lock = asyncio.Lock()
    print(lock.locked())
    log = []
    await asyncio.gather(hold(lock, "a", log), hold(lock, "b", log), hold(lock, "c", log))
    print(log)
    print(lock.locked())
    print(await lock.acquire(), lock.locked())
    lock.release()
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError", e)

    # A waiter cancelled while queued for the lock does not get it.
    await lock.acquire()
    t1 = asyncio.create_task(lock.acquire())
    t2 = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0.01)
    t1.cancel()
    await asyncio.sleep(0.01)
    lock.release()
    await asyncio.sleep(0.01)
    print(t1.cancelled(), t2.done(), t2.result(), lock.locked())
    lock.release()

    # An exception inside "async with" releases the lock.
    try:
        async with lock:
            raise KeyError("k")
    except KeyError:
        print("released after error:", not lock.locked())


asyncio.run(main())
