# requires: wifi-virtual, loopback
# loopback: ws2812
# host: send 10e080
# The seed's networked colour demo: the board fetches three bytes (red,
# green, blue) from a server on the host and shows them on the first pixel
# of its WS2812 strip; the rig captures the data line and checks that the
# pixel got exactly those bytes (GRB on the wire), the rest dark.
import machine
import neopixel
import network
import socket
import time

w = network.WLAN(network.STA_IF)
w.active(True)
w.connect("farm-lab", "pyrite-lab-1")
while w.status() == network.STAT_CONNECTING:
    time.sleep_ms(20)
s = socket.socket()
s.settimeout(5)
s.connect((RIG_HOST, RIG_SEND_PORT))
rgb = b""
while len(rgb) < 3:
    part = s.recv(3 - len(rgb))
    if not part:
        break
    rgb += part
s.close()
n = FIXTURE["count"]
strip = neopixel.NeoPixel(machine.Pin(FIXTURE["pin"]), n)
strip[0] = (rgb[0], rgb[1], rgb[2])
strip.write()
# The record names the bytes the host sent (its "# host: send"), not what
# arrived, so a byte lost or changed on the way fails the colour check.
print("@ws2812 colour 10e080" + " 000000" * (n - 1))
print("got", len(rgb), "bytes from the host")
