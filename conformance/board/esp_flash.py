# exp: manual (board-specific: runs on an ESP8266 or vboard)
# esp: flash identity and raw access in the user area
import esp
size = esp.flash_size()
print(size in (512 * 1024, 1024 * 1024, 2048 * 1024, 4096 * 1024))
print(esp.flash_id() & 0xff in (0xef, 0xe0, 0xc8, 0x5e, 0x20, 0x68))
start = esp.flash_user_start()
print(start % 4096 == 0, start < size)
sector = (size - 4096) // 4096
esp.flash_erase(sector)
print(esp.flash_read(sector * 4096, 4))
esp.flash_write(sector * 4096, b"\x12\x34\x56\x78")
print(esp.flash_read(sector * 4096, 4))
esp.flash_write(sector * 4096, b"\xf0\xf0\xf0\xf0")
print(esp.flash_read(sector * 4096, 4))
buf = bytearray(2)
esp.flash_read(sector * 4096 + 1, buf)
print(buf)
esp.flash_erase(sector)
print(esp.flash_read(sector * 4096, 2))
try:
    esp.flash_write(sector * 4096 + 1, b"ab")
except OSError:
    print("unaligned refused")
esp.osdebug(None)
print(esp.osdebug())
