# exp: manual (board-specific: GPIO0 wired to GPIO2)
# requires: fixture:loopback-gpio0-gpio2
# PWM on GPIO0 measured on GPIO2 with time_pulse_us: whole pulses (each
# measurement first waits for the other level).
from machine import Pin, PWM, time_pulse_us
import time
inp = Pin(2, Pin.IN)
def pulse(level):
    time_pulse_us(inp, 1 - level, 100000)
    return time_pulse_us(inp, level, 100000)
p = PWM(Pin(0), freq=50, duty=256)
print(p.freq(), p.duty(), p.duty_u16(), p.duty_ns())
print(abs(pulse(1) - 5000) < 400, abs(pulse(0) - 15000) < 400)
p.duty_u16(49152)
print(p.duty(), abs(pulse(1) - 15000) < 400)
p.freq(100)
print(p.freq(), p.duty_u16(), abs(pulse(1) - 7500) < 400)
p.duty_ns(2000000)
print(p.duty(), abs(pulse(1) - 2000) < 400)
# the waveform goes on while the program sleeps
p.duty(512)
time.sleep_ms(30)
print(abs(pulse(0) - 5000) < 400)
p.deinit()
level = inp()
time.sleep_ms(30)
print(inp() == level)
try:
    PWM(Pin(0), freq=5000)
except ValueError:
    print("freq refused")
