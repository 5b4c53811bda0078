# requires: loopback
# loopback: ws2812
# The board writes known patterns to the WS2812 strip of its wiring map;
# the rig captures the data line and checks T0H/T0L/T1H/T1L and the reset
# gap against the WS2812B windows and each pixel's colour (GRB on the wire)
# against the '@ws2812' records printed here. The last pattern is written
# again with the CPU at 160 MHz: the bit timing must not depend on it.
import machine
import neopixel
import time

n = FIXTURE['count']
strip = neopixel.NeoPixel(machine.Pin(FIXTURE['pin']), n)


def alternating(i):
    if i % 2 == 0:
        return (0xAA, 0x55, 0xAA)
    return (0x55, 0xAA, 0x55)


def ramp(i):
    step = 255 // n
    return (i * step, 255 - i * step, (i * 2 * step) % 256)


def primary(i):
    return ((255, 0, 0), (0, 255, 0), (0, 0, 255))[i % 3]


patterns = (
    ('all-zeros', lambda i: (0, 0, 0)),
    ('all-ones', lambda i: (255, 255, 255)),
    ('alternating', alternating),
    ('ramp', ramp),
    ('primaries', primary),
    ('primaries-160MHz', primary),
)

for label, colour in patterns:
    if label.endswith('160MHz'):
        machine.freq(160000000)
    pixels = [colour(i) for i in range(n)]
    for i in range(n):
        strip[i] = pixels[i]
    strip.write()
    # The line stays low past the WS2812B's 50 us latch before the next frame.
    time.sleep_us(300)
    text = ''
    for c in pixels:
        text += ' %02x%02x%02x' % c
    print('@ws2812 ' + label + text)
    print(label, 'written', strip[n - 1])
machine.freq(80000000)
