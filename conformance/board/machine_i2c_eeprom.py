# exp: manual (board-specific: a 24C32 at 0x50 on SCL GPIO5, SDA GPIO4)
# requires: fixture:i2c-eeprom
from machine import Pin, SoftI2C, I2C
import time
i2c = SoftI2C(scl=Pin(5), sda=Pin(4), freq=400000)
print(i2c.scan())
i2c.writeto_mem(0x50, 0x0100, b"pyrite", addrsize=16)
time.sleep_ms(10)
print(i2c.readfrom_mem(0x50, 0x0100, 6, addrsize=16))
# page write wraps inside its 32-byte page
i2c.writeto_mem(0x50, 0x011e, b"ABCD", addrsize=16)
time.sleep_ms(10)
print(i2c.readfrom_mem(0x50, 0x011e, 2, addrsize=16), i2c.readfrom_mem(0x50, 0x0100, 2, addrsize=16))
# busy during the write cycle: the address is not acknowledged
i2c.writeto_mem(0x50, 0x0200, b"x", addrsize=16)
try:
    i2c.writeto(0x50, b"\x02\x00")
    print("acked while busy")
except OSError as e:
    print("busy", e.args[0])
time.sleep_ms(10)
print(i2c.writeto(0x50, b"\x02\x00", False))
print(i2c.readfrom(0x50, 1))
buf = bytearray(3)
i2c.readfrom_mem_into(0x50, 0x0100, buf, addrsize=16)
print(buf)
# primitives
i2c.start(); print(i2c.write(bytearray([0xa0, 0x01, 0x00]))); i2c.start()
print(i2c.write(b"\xa1")); r = bytearray(2); i2c.readinto(r); i2c.stop(); print(r)
try:
    i2c.readfrom(0x51, 1)
except OSError as e:
    print("no device", e.args[0])
slow = I2C(scl=Pin(5), sda=Pin(4), freq=100000)
print(slow.readfrom_mem(0x50, 0x0102, 4, addrsize=16))
