# requires: wifi-virtual
# host: http
# The frozen http client against the rig's HTTP server: a plain body, a
# chunked one, a POST with JSON and a header, and a 404.
import network
import time
import http

w = network.WLAN(network.STA_IF)
w.active(True)
w.connect("farm-lab", "pyrite-lab-1")
while w.status() == network.STAT_CONNECTING:
    time.sleep_ms(20)
base = "http://%s:%d" % (RIG_HOST, RIG_HTTP_PORT)
r = http.get(base + "/hello")
print(r.status_code, r.reason, r.headers["content-type"], r.text)
r = http.get(base + "/chunked")
print(r.status_code, r.content)
r = http.post(base + "/echo", json={"n": 1}, headers={"X-Test": "pyrite"})
print(r.status_code, r.headers["x-test"], r.json())
print(http.get(base + "/nothing").status_code)
try:
    http.get("https://example.invalid/")
except ValueError as e:
    print("ValueError", e)
