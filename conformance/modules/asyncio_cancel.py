# asyncio: cancellation. CancelledError is a BaseException, is thrown into
# the coroutine at its await, may be caught, and propagates through awaits.
import asyncio


async def sleeper(name):
    try:
        await asyncio.sleep(1)
        print(name, "woke")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        print(name, "cleanup")


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn caught it")
    return "kept going"


async def waiter(t):
    try:
        return await t
    except asyncio.CancelledError:
        print("waiter saw cancel")
        raise


async def main():
    print(issubclass(asyncio.CancelledError, BaseException))
    print(issubclass(asyncio.CancelledError, Exception))
    t = asyncio.create_task(sleeper("s1"))
    await asyncio.sleep(0.01)
    print(t.cancel(), t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("await raised CancelledError")
    print(t.done(), t.cancelled(), t.cancel())

    # Cancelled before it ever ran: the body never starts.
    t = asyncio.create_task(sleeper("s2"))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("s2 cancelled before start", t.cancelled())

    # A task that swallows the cancellation finishes normally.
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.01)
    t.cancel()
    print(await t, t.cancelled())

    # Cancelling a task that awaits another task cancels the inner one too.
    inner = asyncio.create_task(sleeper("inner"))
    outer = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.01)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled", outer.cancelled(), inner.cancelled())

    # result() and exception() of a cancelled task raise CancelledError.
    for name in ("result", "exception"):
        try:
            getattr(t if False else inner, name)()
        except asyncio.CancelledError:
            print(name, "raised CancelledError")

    # gather: cancelling it cancels the children.
    g = asyncio.gather(sleeper("g1"), sleeper("g2"))
    await asyncio.sleep(0.01)
    print(g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled")

    # gather with return_exceptions collects cancellations and errors.
    async def boom():
        raise ValueError("boom")

    c = asyncio.create_task(sleeper("c"))
    g = asyncio.gather(c, boom(), asyncio.sleep(0.02, "ok"), return_exceptions=True)
    await asyncio.sleep(0.01)
    c.cancel()
    res = await g
    print([type(r).__name__ for r in res], res[2])

    # Without return_exceptions the first error propagates; others go on.
    slow = asyncio.create_task(asyncio.sleep(0.02, "slow done"))
    try:
        await asyncio.gather(boom(), slow)
    except ValueError as e:
        print("gather raised", e, slow.done())
    print(await slow)


asyncio.run(main())


async def leftover():
    # Tasks still pending when main returns are cancelled by run().
    asyncio.create_task(sleeper("left"))
    await asyncio.sleep(0.01)
    print("main done")


asyncio.run(leftover())
print("after run")
