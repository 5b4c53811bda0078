# str.isidentifier: letters, '_' and digits (not first); non-ASCII letters count.
print([s.isidentifier() for s in ["abc", "_x1", "1a", "", "a-b", "été", "a b", "__init__", "x"]])
