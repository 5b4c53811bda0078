# exp: manual
# requires: fs
# os.mount over a Python block device (MicroPython's extended protocol),
# VfsPyrite.mkfs, ilistdir, readonly mounts and umount.
import os


class RAMBlockDev:
    def __init__(self, block_size, num_blocks):
        self.block_size = block_size
        self.data = bytearray(block_size * num_blocks)
        self.erases = 0

    def readblocks(self, block_num, buf, offset=0):
        addr = block_num * self.block_size + offset
        for i in range(len(buf)):
            buf[i] = self.data[addr + i]

    def writeblocks(self, block_num, buf, offset=0):
        addr = block_num * self.block_size + offset
        for i in range(len(buf)):
            self.data[addr + i] &= buf[i]  # NOR flash: bits only clear

    def ioctl(self, op, arg):
        if op == 4:
            return len(self.data) // self.block_size
        if op == 5:
            return self.block_size
        if op == 6:
            addr = arg * self.block_size
            for i in range(self.block_size):
                self.data[addr + i] = 0xFF
            self.erases += 1
            return 0


bdev = RAMBlockDev(256, 12)
try:
    os.mount(bdev, "/ram")
except OSError as e:
    print("unformatted", e.errno)
os.VfsPyrite.mkfs(bdev)
vfs = os.VfsPyrite(bdev)
os.mount(vfs, "/ram")
print("ram" in os.listdir("/"))
print(os.listdir("/ram"), os.statvfs("/ram")[:3])
with open("/ram/hello.txt", "w") as f:
    f.write("hello from RAM")
os.mkdir("/ram/sub")
print(sorted(os.listdir("/ram")))
print(sorted(os.ilistdir("/ram")))
print(open("/ram/hello.txt").read(), bdev.erases > 0)
try:
    os.mount(bdev, "/ram")
except OSError as e:
    print("mounted twice", e.errno)
try:
    os.rename("/ram/hello.txt", "/moved.txt")
except OSError as e:
    print("across filesystems", e.errno)
os.umount("/ram")
print("ram" in os.listdir("/"))
try:
    open("/ram/hello.txt")
except OSError as e:
    print("after umount", e.errno)
# The data lives in the device: a readonly mount shows it and refuses changes.
os.mount(bdev, "/ram", readonly=True)
print(open("/ram/hello.txt").read())
for fn, args in ((open, ("/ram/new.txt", "w")), (os.mkdir, ("/ram/d",)), (os.remove, ("/ram/hello.txt",))):
    try:
        fn(*args)
    except OSError as e:
        print("readonly", e.errno)
os.umount("/ram")
# Filling the device: ENOSPC, and the files written before stay whole.
os.mount(bdev, "/ram")
try:
    with open("/ram/big.bin", "wb") as f:
        for i in range(20):
            f.write(bytes(200))
except OSError as e:
    print("full", e.errno)
print(open("/ram/hello.txt").read())
os.remove("/ram/big.bin")
print(sorted(os.listdir("/ram")), os.statvfs("/ram")[3])
os.umount("/ram")
try:
    os.umount("/ram")
except OSError as e:
    print("umount again", e.errno)
