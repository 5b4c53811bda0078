s = "héllo wörld ☺"
print(len(s), s[1], s[-1], s[1:4], s[::-1], s[::3], list(s[:3]))
print(s.find("ö"), s.index("w"), s.rfind("l"), s.upper(), s.split(" "))
print(f"{s:>16}|", f"{'é':^5}|", "ü".center(5, "*"), "{:<4}|".format("ñ"), "%-4s|" % "ç")
for ch in "añb":
    print(ch, ord(ch), end="; ")
print()
print(repr("é☺"), ascii_ok := len("☺") == 1, chr(233), "\u00e9" == "é", "é".encode() if False else "")
print(sorted(["é", "e", "f"]), "é" in s, s.count("l"), s.replace("ö", "o"), s.startswith("hé"))
