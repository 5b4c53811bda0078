# f-strings: expressions, format specs, conversions, nesting quotes.
name = 'board'
n = 42
print(f'hello {name}')
print(f'{n} + 1 = {n + 1}')
print(f'[{n:5}] [{n:<5}] [{name:>8}]')
print(f'{n:x} {n:04d}')
print(f'{name!r}')
print(f'{{braces}} {n}')
items = [1, 2]
print(f'{items} {len(items)} {items[0]}')
d = {'k': 'v'}
print(f"{d['k']}")
width = 6
print(f'[{name:>{width}}]')
print(f'{"nested"}')
print(f'{n * 2}' f'-{n // 2}')
print(f'{2 ** 70}')
print(f'{0.5} {1.25}')
