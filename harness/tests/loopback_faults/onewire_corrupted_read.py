# requires: loopback
# loopback: onewire
# A negative control for the rig, not a conformance test: one read slot of
# a DS18B20 scratchpad read is held low for 70 us (what a glitch on the
# line does), so a 1 bit reads as 0 on the wire. The rig's decode of the
# capture must fail the scratchpad's CRC8, naming it.
import machine
import onewire
import time

pin = machine.Pin(FIXTURE['pin'])
ow = onewire.OneWire(pin)
rom = ow.scan()[0]
ow.reset()
ow.select_rom(rom)
ow.writebyte(0xBE)
data = bytearray(9)
for i in range(9):
    v = 0
    for k in range(8):
        if i == 0 and k == 4:
            # Byte 0 of the scratchpad (0x50 at power-on, +85 C) has bit
            # 4 set: the glitch turns it into a 0.
            pin.init(machine.Pin.OPEN_DRAIN, value=0)
            time.sleep_us(70)
            pin.value(1)
            time.sleep_us(10)
            bit = 0
        else:
            bit = ow.readbit()
        v |= bit << k
    data[i] = v
print('board crc ok:', ow.crc8(data) == 0)
