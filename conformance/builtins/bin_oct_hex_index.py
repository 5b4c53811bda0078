# bin(), oct() and hex() accept objects with __index__.
class I:
    def __index__(self):
        return 10
print(bin(I()), oct(I()), hex(I()))
