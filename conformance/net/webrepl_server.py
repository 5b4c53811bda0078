# WebREPL's start and stop from Python: passwords of the wrong length are
# refused as MicroPython refuses them, a good one starts the server (the
# sessions themselves are tested from the rig: port_esp8266/tests).
import network
import webrepl

# With the station down, start() names no address (addresses vary by board).
network.WLAN(network.STA_IF).disconnect()
for bad in ("abc", "abcdefghij", ""):
    try:
        webrepl.start(port=8267, password=bad)
    except ValueError as e:
        print("ValueError", e)
webrepl.start(port=8267, password="pyr1te")
import _webrepl

print("running", _webrepl.running())
webrepl.stop()
print("running", _webrepl.running())
