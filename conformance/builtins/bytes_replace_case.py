# bytes.replace, upper, lower and the is* predicates.
print(b'hello'.replace(b'l', b'L'), b'hello'.upper(), b'HeLLo'.lower())
print(b'123'.isdigit(), b'abc'.isalpha(), b' \n'.isspace(), b'a1'.isdigit())
