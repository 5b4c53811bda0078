# requires: loopback
# loopback: pwm
# PWM on one pin of a wire, measured twice: by the board on the wired
# partner (time_pulse_us; its figures go into the record) and by the rig
# on the capture, each against the request with the error.
import machine
import time

a, b = FIXTURE['a'], FIXTURE['b']
FREQ, DUTY = 1000, 256  # duty out of 1024: 25 %
pwm = machine.PWM(machine.Pin(a), freq=FREQ, duty=DUTY)
time.sleep_ms(20)
inp = machine.Pin(b, machine.Pin.IN)
# Whole pulses: the first call ends where a high begins.
machine.time_pulse_us(inp, 0, 100000)
high = machine.time_pulse_us(inp, 1, 100000)
low = machine.time_pulse_us(inp, 0, 100000)
time.sleep_ms(10)
pwm.deinit()
print('@pwm pin=%d freq=%d duty_pct=%s board_high_us=%d board_low_us=%d'
      % (a, FREQ, DUTY * 100 / 1024, high, low))
period = high + low
print('board: period within 5 %:', abs(period - 1000000 // FREQ) <= 50)
print('board: duty within 3 points:', abs(high * 100 / period - DUTY * 100 / 1024) <= 3)
