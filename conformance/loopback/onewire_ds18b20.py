# requires: loopback
# loopback: onewire
# timeout: 30
# The DS18B20s of the wiring map: presence, a ROM search (CRC8 and family
# 0x28 checked here and by the rig on the wire), then a conversion at each
# resolution (9 to 12 bits) read back with MATCH ROM. The rig decodes the
# line: reset and presence timing, slot widths, every scratchpad's CRC8,
# and each temperature against the device's temp_c in the wiring map.
import ds18x20
import machine
import onewire
import time

ow = onewire.OneWire(machine.Pin(FIXTURE['pin']))
print('presence:', ow.reset())
roms = ow.scan()
text = ''
for rom in roms:
    text += (',' if text else '') + ''.join('%02x' % b for b in rom)
print('@onewire roms=' + text)
print('devices found:', len(roms) == len(FIXTURES))
for rom in roms:
    print('rom crc ok:', ow.crc8(rom) == 0, 'family 0x28:', rom[0] == 0x28)

sensor = ds18x20.DS18X20(ow)
WAIT_MS = {9: 94, 10: 188, 11: 375, 12: 750}
for bits in (9, 10, 11, 12):
    config = ((bits - 9) << 5) | 0x1F
    for rom in roms:
        sensor.write_scratch(rom, bytearray((0x4B, 0x46, config)))
    sensor.convert_temp()
    time.sleep_ms(WAIT_MS[bits])
    ok = True
    for rom in roms:
        scratch = sensor.read_scratch(rom)
        ok = ok and scratch[4] == config and ow.crc8(scratch) == 0
        t = sensor.read_temp(rom)
        ok = ok and -55 <= t <= 125
    print(bits, 'bits: resolution set, CRC ok, plausible:', ok)
