# exp: manual
# asyncio on MicroPython-class boards: sleep_ms and wait_for_ms (no
# CPython equivalent), the module frozen into the firmware.
import asyncio


async def beat(name, period, n, log):
    for i in range(n):
        await asyncio.sleep_ms(period)
        log.append(name + str(i))


async def main():
    log = []
    await asyncio.gather(beat("a", 20, 3, log), beat("b", 50, 2, log))
    print(log)
    print(await asyncio.sleep_ms(5, "value"))
    print(await asyncio.wait_for_ms(asyncio.sleep_ms(5, "in time"), 200))
    try:
        await asyncio.wait_for_ms(asyncio.sleep_ms(500), 20)
    except asyncio.TimeoutError:
        print("timed out")


asyncio.run(main())
print(asyncio.__name__, type(asyncio).__name__)
