# exp: manual (board-specific: runs on an ESP8266 or vboard)
# Timer callbacks, RTC datetime and memory, WDT feeding
import machine, time
hits = []
t = machine.Timer(-1)
t.init(mode=machine.Timer.PERIODIC, period=20, callback=lambda tm: hits.append(1))
time.sleep_ms(210)
t.deinit()
n = len(hits)
print(8 <= n <= 11)
time.sleep_ms(60)
print(len(hits) == n)
once = []
t.init(mode=machine.Timer.ONE_SHOT, period=10, callback=lambda tm: once.append(tm))
time.sleep_ms(80)
print(len(once), once[0] is t)
rtc = machine.RTC()
rtc.datetime((2024, 2, 29, 3, 23, 59, 58, 0))
time.sleep_ms(2100)
d = rtc.datetime()
print(d[:3], d[4:7])
rtc.memory(b"kept across resets")
print(rtc.memory())
w = machine.WDT(timeout=300)
for i in range(5):
    time.sleep_ms(100)
    w.feed()
print("fed")
