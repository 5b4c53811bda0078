t = str.maketrans("abc", "xyz", "d")
print("aabbccdd".translate(t), "hello".translate({ord("l"): "L", ord("o"): None}))
print("Hello World".istitle(), "Hello world".istitle(), "abc".isascii(), "é".isascii(), "a\tb".isprintable())
print("{x}-{y}".format_map({"x": 1, "y": "two"}))
