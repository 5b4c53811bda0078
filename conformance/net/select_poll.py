# requires: wifi-virtual
# host: echo
# select.poll over a socket: nothing to read before the echo server has
# anything to send, readable once it has, writable throughout.
import network
import select
import socket
import time

w = network.WLAN(network.STA_IF)
w.active(True)
w.connect("farm-lab", "pyrite-lab-1")
while w.status() == network.STAT_CONNECTING:
    time.sleep_ms(20)
s = socket.socket()
s.settimeout(5)
s.connect((RIG_HOST, RIG_ECHO_PORT))
p = select.poll()
p.register(s, select.POLLIN)
print("idle", p.poll(100))
s.send(b"ping")
ev = p.poll(2000)
print("ready", len(ev), ev[0][0] is s, bool(ev[0][1] & select.POLLIN))
print(s.recv(10))
p.modify(s, select.POLLOUT)
ev = p.poll(0)
print("writable", bool(ev and ev[0][1] & select.POLLOUT))
p.unregister(s)
s.close()
