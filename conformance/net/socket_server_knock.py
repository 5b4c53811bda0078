# requires: wifi-virtual
# host: knock 7301
# The board as a TCP server: the rig connects to it on port 7301, says
# "knock", and answers the board's line with "host got: ...".
import network
import socket
import time

w = network.WLAN(network.STA_IF)
w.active(True)
w.connect("farm-lab", "pyrite-lab-1")
while w.status() == network.STAT_CONNECTING:
    time.sleep_ms(20)
srv = socket.socket()
srv.bind(("0.0.0.0", 7301))
srv.listen(1)
srv.settimeout(10)
c, addr = srv.accept()
print("client on loopback", addr[0].startswith("127."))
c.settimeout(5)
print("heard", c.readline())
c.sendall(b"board says hi\n")
print("answer", c.readline())
c.close()
srv.close()
