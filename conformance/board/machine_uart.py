# exp: manual (board-specific: runs on an ESP8266 or vboard)
# UART(0) is the REPL; UART(1) transmits only (GPIO2)
from machine import UART
u0 = UART(0)
n = u0.write(b"via UART(0)\r\n")
print(n, u0.any())
u1 = UART(1, 115200)
print(u1)
print(u1.write(b"hello"))
try:
    u1.read()
except OSError:
    print("UART(1) cannot read")
try:
    UART(1, 9600, parity=0)
except ValueError:
    print("8N1 only")
try:
    UART(2)
except ValueError:
    print("no UART(2)")
