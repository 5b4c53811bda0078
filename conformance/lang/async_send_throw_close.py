# coroutine.send / throw / close, with throw and close delegated down the
# await chain.
class Sleep:
    def __await__(self):
        r = yield "tick"
        return r


async def thrower():
    try:
        await Sleep()
    except ValueError as e:
        print("inner caught", e)
        return "recovered"


c = thrower()
print(c.send(None))
try:
    c.throw(ValueError("boom"))
except StopIteration as e:
    print("value", e.value)


async def deeper():
    return await thrower()


c = deeper()
c.send(None)
try:
    c.throw(ValueError("down two levels"))
except StopIteration as e:
    print("value", e.value)

c = thrower()
c.send(None)
try:
    c.throw(KeyError("not caught"))
except KeyError as e:
    print("propagated", e)


async def closer():
    try:
        await Sleep()
    finally:
        print("cleanup")


c = closer()
c.send(None)
c.close()
print("closed")
c.close()
print("closed twice")


async def stubborn():
    try:
        await Sleep()
    finally:
        await Sleep()


c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print(e)

c = closer()
c.close()
print("never started, nothing printed")
