# exp: manual (board-specific: GPIO0 wired to GPIO2)
# requires: fixture:loopback-gpio0-gpio2
from machine import Pin
import time
out = Pin(0, Pin.OUT, value=0)
inp = Pin(2, Pin.IN)
print(inp.value(), inp())
out.on(); print(inp.value())
out.off(); print(inp.value())
out(1); print(inp())
out.value(0)
edges = []
inp.irq(handler=lambda p: edges.append(p.value()), trigger=Pin.IRQ_RISING | Pin.IRQ_FALLING)
for i in range(3):
    out.on(); time.sleep_ms(2)
    out.off(); time.sleep_ms(2)
print(edges)
inp.irq(handler=None)
rises = []
inp.irq(handler=lambda p: rises.append(1), trigger=Pin.IRQ_RISING)
out.on(); out.off(); time.sleep_ms(5)
print(len(rises))
inp.irq(handler=None)
# open drain with pull-up: released reads 1, driven reads 0
od = Pin(0, Pin.OPEN_DRAIN, Pin.PULL_UP)
od.value(1); print(inp.value())
od.value(0); print(inp.value())
od.value(1)
Pin(0, Pin.IN)
up = Pin(2, Pin.IN, Pin.PULL_UP)
print(up.value())
