# requires: wifi-virtual
# host: broker-restart 1.5
# The broker restarts in the middle: the client reconnects, renews its
# subscription and sends again what was not acknowledged, so every QoS 1
# message arrives.
import network
import time
from mqtt import MQTTClient

w = network.WLAN(network.STA_IF)
w.active(True)
w.connect("farm-lab", "pyrite-lab-1")
while w.status() == network.STAT_CONNECTING:
    time.sleep_ms(20)
got = set()
c = MQTTClient("pyrite-robust", RIG_HOST, RIG_BROKER_PORT, reconnect=True)
c.set_callback(lambda t, m: got.add(m))
c.connect()
c.subscribe("board/count", qos=1)
for i in range(16):
    msg = ("m%d" % i).encode()
    c.publish("board/count", msg, qos=1)
    t0 = time.ticks_ms()
    while msg not in got and time.ticks_diff(time.ticks_ms(), t0) < 3000:
        c.check_msg()
        time.sleep_ms(10)
    if msg not in got:  # lost with the broker: publish it again
        c.publish("board/count", msg, qos=1)
    time.sleep_ms(200)
t0 = time.ticks_ms()
while len(got) < 16 and time.ticks_diff(time.ticks_ms(), t0) < 3000:
    c.check_msg()
    time.sleep_ms(10)
print("received", len(got), "of 16")
print("reconnected", c.reconnects >= 1)
c.disconnect()
