# requires: loopback
# loopback: uart
# UART(1) sends on GPIO2 (its only pin on the ESP8266); the rig decodes the
# capture of that pin at the baud rate asked for and compares the bytes and
# the bit time. Needs a wire on GPIO2; its other end is made an input.
import machine
import time

assert 2 in (FIXTURE['a'], FIXTURE['b']), 'UART(1) transmits on GPIO2 only'
BAUD = 115200
text = b'Pyrite UART1 \x00\x55\xaa\xff\n'
other = FIXTURE['a'] if FIXTURE['b'] == 2 else FIXTURE['b']
machine.Pin(other, machine.Pin.IN)  # the wire's other end listens
uart = machine.UART(1, BAUD)
uart.write(text)
time.sleep_ms(5)  # let the last byte leave the FIFO
hexs = ''
for c in text:
    hexs += '%02x' % c
print('@uart pin=2 baud=%d hex=%s' % (BAUD, hexs))
print('sent', len(text), 'bytes')
