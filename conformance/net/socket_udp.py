# requires: wifi-virtual
# UDP on the board: a datagram to its own address and back, with the
# sender's address reported by recvfrom.
import network
import socket
import time

w = network.WLAN(network.STA_IF)
w.active(True)
w.connect("farm-open")
while w.status() == network.STAT_CONNECTING:
    time.sleep_ms(20)
me = w.ifconfig()[0]
a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind((me, 7302))
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b.bind((me, 7303))
b.sendto(b"datagram", (me, 7302))
a.settimeout(2)
data, addr = a.recvfrom(64)
print(data, addr == (me, 7303))
a.close()
b.close()
