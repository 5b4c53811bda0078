# exp: manual (board-specific: two DS18B20 on GPIO12)
# requires: fixture:ds18b20
from machine import Pin
import onewire, ds18x20, time
ow = onewire.OneWire(Pin(12))
print(ow.reset())
roms = ow.scan()
print(sorted(bytes(r).hex() for r in roms))
print([ow.crc8(r) for r in roms])
print(onewire.OneWire(Pin(12)).crc8(b"\x28\x61\x64\x12\x3c\x7b\x01"))
ds = ds18x20.DS18X20(ow)
roms = ds.scan()
r0 = [r for r in roms if r[1] == 0x61][0]
print(ds.read_temp(r0))
ds.convert_temp()
time.sleep_ms(750)
print(sorted(ds.read_temp(r) for r in roms))
sp = ds.read_scratch(r0)
print(len(sp), ow.crc8(sp))
# raw bytes: READ SCRATCHPAD by hand
ow.select_rom(r0)
ow.writebyte(0xBE)
print(ow.readbyte() | ow.readbyte() << 8)
ow.reset()
ow.writebyte(0xCC); ow.writebyte(0xB4)
print(ow.readbit())
