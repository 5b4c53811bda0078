# hashlib: SHA-1 and SHA-256 against known digests, incremental updates
# across block boundaries, copy(), attributes and errors.
import hashlib

for data in (b"", b"abc", b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", b"a" * 1000):
    print(len(data), hashlib.sha1(data).hexdigest(), hashlib.sha256(data).hexdigest())
h = hashlib.sha256()
for k in range(200):
    h.update(bytes([k % 256]) * (k % 7))
print(h.hexdigest())
whole = bytes(range(256)) * 3
for cut in (0, 1, 55, 56, 63, 64, 65, 127, 128, 700):
    a = hashlib.sha256(whole[:cut])
    a.update(whole[cut:])
    b = hashlib.sha1(whole[:cut])
    b.update(bytearray(whole[cut:]))
    print(cut, a.digest() == hashlib.sha256(whole).digest(), b.hexdigest() == hashlib.sha1(whole).hexdigest())
h = hashlib.sha1(b"ab")
c = h.copy()
c.update(b"c")
print(h.hexdigest(), c.hexdigest(), h.digest()[:4], len(h.digest()), len(hashlib.sha256().digest()))
print(h.name, h.digest_size, h.block_size, hashlib.sha256().name, hashlib.sha256().digest_size)
print(hashlib.sha256(string=b"abc").hexdigest()[:16], hashlib.sha256(memoryview(b"abc")).hexdigest()[:16])
h = hashlib.sha256(b"x")
d1 = h.digest()
print(d1 == h.digest(), hashlib.sha256(b"x").hexdigest() == h.hexdigest())
for bad in ("text", 42, None):
    try:
        hashlib.sha256().update(bad)
    except TypeError as e:
        print("TypeError", e)
