# exp: manual (board-specific: GPIO0 wired to GPIO2)
# requires: fixture:loopback-gpio0-gpio2
# SoftSPI with MOSI on GPIO0 looped back to MISO on GPIO2: every mode and
# bit order reads back what it sends; no MISO reads zeros.
from machine import Pin, SoftSPI, SPI
spi = SoftSPI(baudrate=1000000, sck=Pin(14), mosi=Pin(0), miso=Pin(2))
print(spi.read(2, 0xa5), spi.read(1))
buf = bytearray(4)
spi.write_readinto(b"\x01\x80\x5a\xff", buf)
print(buf)
for pol in (0, 1):
    for ph in (0, 1):
        spi.init(polarity=pol, phase=ph)
        r = bytearray(2)
        spi.write_readinto(b"\x3c\xc3", r)
        print(pol, ph, r)
spi.init(polarity=0, phase=0, firstbit=SoftSPI.LSB)
r = bytearray(1)
spi.readinto(r, 0x81)
print(r)
spi.write(b"\x00")
print(SoftSPI(sck=Pin(14), mosi=Pin(0)).read(1))
try:
    SPI(0)
except ValueError:
    print("SPI(0) is the flash")
print(SPI(1, baudrate=2000000))
