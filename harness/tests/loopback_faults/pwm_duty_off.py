# requires: loopback
# loopback: pwm
# A negative control for the rig, not a conformance test: the board drives
# 40 % duty while its record says 25 % were asked for (what a firmware that
# scales duty wrongly does). The rig's check must fail naming duty_error,
# and nothing about the frequency, which is right.
import machine
import time

a, b = FIXTURE['a'], FIXTURE['b']
pwm = machine.PWM(machine.Pin(a), freq=1000, duty=410)
time.sleep_ms(20)
pwm.deinit()
print('@pwm pin=%d freq=1000 duty_pct=25.0' % a)
print('sent')
