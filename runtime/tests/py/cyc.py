l = [1]
l.append(l)
d = {"a": 1}
d["self"] = d
print(l, d, [l, l])
t = ([],)
t[0].append(t)
print(t)
