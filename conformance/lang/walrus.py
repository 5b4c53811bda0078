# Assignment expressions (:=).
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print('long list', n)
i = 0
while (v := data[i]) != 9:
    i += 1
print('found 9 at', i, v)
print([y for x in data if (y := x * 2) > 6])
print((z := 5) + z)
def chunks(s):
    pos = 0
    out = []
    while (piece := s[pos:pos + 2]):
        out.append(piece)
        pos += 2
    return out
print(chunks('abcde'))
