# String building, slicing, searching and joining.
def run(n):
    parts = []
    for i in range(n):
        s = "item" + str(i)
        if s.endswith("7"):
            parts.append(s.upper())
        else:
            parts.append(s[2:])
    text = ",".join(parts)
    return len(text), text.count("ITEM"), text.find("em999")

# Repeated rather than longer: the strings stay within the benchmark heap.
for _ in range(200):
    r = run(20000)
print(r)
