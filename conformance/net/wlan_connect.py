# requires: wifi-virtual
# The station against the virtual access points (fixtures/wifi/virtual.json):
# scan, a wrong password, an unknown network, a good association, its
# addresses and signal, disconnect, and reconnecting with the saved settings.
import network
import time


def settle(w):
    t0 = time.ticks_ms()
    while w.status() == network.STAT_CONNECTING and time.ticks_diff(time.ticks_ms(), t0) < 5000:
        time.sleep_ms(20)
    return w.status()


w = network.WLAN(network.STA_IF)
w.active(True)
print("active", w.active())
print("scan", sorted(ap[0] for ap in w.scan()))
w.connect("farm-lab", "not-the-password")
print("wrong password ->", settle(w) == network.STAT_WRONG_PASSWORD)
w.connect("no-such-net", "whatever1")
print("unknown ssid ->", settle(w) == network.STAT_NO_AP_FOUND)
w.connect("farm-lab", "pyrite-lab-1")
print("good ->", settle(w) == network.STAT_GOT_IP, w.isconnected())
ip, mask, gw, dns = w.ifconfig()
print("ip on loopback", ip.startswith("127."), mask, gw)
print("rssi", w.status("rssi"), "essid", w.config("essid"))
print("mac", len(w.config("mac")))
w.disconnect()
print("after disconnect", w.status(), w.isconnected())
w.connect()  # the saved settings
print("saved ->", settle(w) == network.STAT_GOT_IP)
try:
    network.WLAN(7)
except ValueError as e:
    print("ValueError", e)
