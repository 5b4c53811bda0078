# requires: loopback
# loopback: i2c
# The 24C32 EEPROM of the wiring map: scan, byte and page writes, a write
# that runs past a page end (the part wraps within its 32-byte page), one
# split at the page boundary, sequential reads rolling over from 0xFFF to
# 0x000, upper address bits ignored, and ENODEV from an absent address.
# The rig captures SCL/SDA: transactions, the SCL frequency actually made
# against the one asked for, tLOW/tHIGH, and the scan against the wiring map.
import errno
import machine
import time

FREQ = 100000
i2c = machine.SoftI2C(scl=machine.Pin(FIXTURE['scl']), sda=machine.Pin(FIXTURE['sda']), freq=FREQ)
addr = FIXTURE['addr']

found = i2c.scan()
text = ''
for a in found:
    text += ',' + str(a) if text else str(a)
print('@i2c freq=%d scan=%s' % (FREQ, text))
print('scan finds the eeprom:', addr in found)


def wait_ready():
    # ACK polling: the part ignores its address while it writes.
    for _ in range(50):
        try:
            i2c.writeto(addr, b'')
            return True
        except OSError:
            time.sleep_ms(1)
    return False


def write(mem, data):
    i2c.writeto_mem(addr, mem, data, addrsize=16)
    return wait_ready()


def read(mem, n):
    return i2c.readfrom_mem(addr, mem, n, addrsize=16)


# One byte.
print('byte written:', write(0x0010, b'\x41'))
print('byte read:', read(0x0010, 1))

# A whole page, page aligned.
page = bytes(range(0x20, 0x40))
write(0x0040, page)
print('page round trip:', read(0x0040, 32) == page)

# Eight bytes from 0x5C: the last four wrap to the start of the page.
write(0x005C, b'ABCDEFGH')
print('page wrap:', read(0x005C, 4), read(0x0040, 4))

# The same eight bytes written in two parts split at the boundary land
# across it, and one sequential read crosses it.
write(0x007C, b'abcd')
write(0x0080, b'efgh')
print('across the boundary:', read(0x007C, 8))

# Sequential reads roll over from 0xFFF to 0x000.
write(0x0FFE, b'YZ')
write(0x0000, b'01')
print('address wrap:', read(0x0FFE, 4))

# Address bits above A11 are ignored: 0x1010 is 0x0010.
print('upper bits ignored:', read(0x1010, 1))

# Nobody at an address outside the wiring map.
absent = 0x77
try:
    i2c.readfrom(absent, 1)
    print('absent address: no error')
except OSError as e:
    print('absent address: ENODEV' if e.args[0] == errno.ENODEV else 'absent address: errno %d' % e.args[0])
