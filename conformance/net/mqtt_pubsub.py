# requires: wifi-virtual
# host: mqtt-echo
# MQTT through a real broker: the board publishes on rig/in, the rig's
# libcurl client answers on rig/out; then QoS 1 to the board's own topic.
import network
import time
from mqtt import MQTTClient

w = network.WLAN(network.STA_IF)
w.active(True)
w.connect("farm-lab", "pyrite-lab-1")
while w.status() == network.STAT_CONNECTING:
    time.sleep_ms(20)
got = []
c = MQTTClient("pyrite-board", RIG_HOST, RIG_BROKER_PORT, keepalive=30)
c.set_callback(lambda t, m: got.append((t, m)))
c.connect()
c.subscribe("rig/out")
c.subscribe("board/self", qos=1)
t0 = time.ticks_ms()
while not got and time.ticks_diff(time.ticks_ms(), t0) < 8000:
    c.publish("rig/in", "hello from the board")  # until the rig's subscriber is there
    for _ in range(10):
        c.check_msg()
        time.sleep_ms(30)
print(got[0])
got.clear()
c.publish("board/self", b"qos one", qos=1)
while not got:
    c.wait_msg()
print(got[0])
c.ping()
c.disconnect()
