# exp: manual (board-specific: runs on an ESP8266 or vboard)
# machine's functions and constants that need no wiring
import machine
print(machine.PWRON_RESET, machine.WDT_RESET, machine.SOFT_RESET, machine.DEEPSLEEP_RESET, machine.HARD_RESET)
print(machine.reset_cause() in (0, 1, 4, 5, 6))
f0 = machine.freq()
machine.freq(160000000)
print(machine.freq())
machine.freq(80000000)
print(machine.freq())
try:
    machine.freq(100000000)
except ValueError:
    print("ValueError")
machine.freq(f0)
print(len(machine.unique_id()), type(machine.unique_id()))
s = machine.disable_irq()
machine.enable_irq(s)
machine.idle()
machine.lightsleep(5)
a = machine.ADC(0).read()
print(0 <= a <= 1024)
try:
    machine.Pin(7)
except ValueError:
    print("flash pin refused")
