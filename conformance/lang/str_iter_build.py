# Iterating over a string and building new ones character by character.
s = 'Hello, Board'
up = ''
for ch in s:
    if 'a' <= ch <= 'z':
        up += ch.upper()
    else:
        up += ch
print(up)
rev = ''
for ch in s:
    rev = ch + rev
print(rev)
vowels = 0
for ch in s.lower():
    if ch in 'aeiou':
        vowels += 1
print(vowels)
counts = {}
for ch in 'mississippi':
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
