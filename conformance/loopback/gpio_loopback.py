# requires: loopback
# loopback: gpio
# A wire between two pins of the wiring map: each level driven on one is
# read on the other, both ways; the input's pull-up holds the line high
# when nothing drives it; a burst of toggles 100 us apart gives one
# interrupt per edge. The rig counts the edges on the wire: at least the
# ones this test is sure it made.
import machine
import time

a, b = FIXTURE['a'], FIXTURE['b']
out = machine.Pin(a, machine.Pin.OUT)
inp = machine.Pin(b, machine.Pin.IN)
for v in (1, 0, 1, 0):
    out.value(v)
    print('drive', v, 'read', inp.value())
edges = 3  # 1 -> 0 -> 1 -> 0, whatever the level before

# The other way round.
out.init(machine.Pin.IN)
back = machine.Pin(b, machine.Pin.OUT)
for v in (1, 0):
    back.value(v)
    print('back', v, 'read', out.value())
edges += 2  # the line was low: 0 -> 1 -> 0

# Nothing drives it: the pull-up holds it high.
back.init(machine.Pin.IN, machine.Pin.PULL_UP)
print('pull-up reads', back.value())
edges += 1  # 0 -> 1

# A burst: every edge an interrupt.
count = [0]


def seen(pin):
    count[0] += 1


inp = machine.Pin(b, machine.Pin.IN)
inp.irq(trigger=machine.Pin.IRQ_RISING | machine.Pin.IRQ_FALLING, handler=seen)
out = machine.Pin(a, machine.Pin.OUT, value=1)
BURST = 20
for i in range(BURST):
    out.value(i % 2)
    time.sleep_us(100)
edges += BURST - 1  # the first write may leave the level as it was
inp.irq(handler=None)
print('burst of', BURST, 'edges:', count[0], 'interrupts')
print('@gpio pin=%d edges=%d burst=%d irq=%d' % (a, edges, BURST, count[0]))
