# bytes.partition and rpartition.
print(b'a=b'.partition(b'='), b'a=b=c'.rpartition(b'='), b'ab'.partition(b'='))
