import random
random.seed(1)
a=[random.randint(1,6) for _ in range(1000)]
print(min(a), max(a), all(0<=random.random()<1 for _ in range(100)))
l=list(range(10))
random.shuffle(l)
print(sorted(l)==list(range(10)), random.choice("abc") in "abc", 0 <= random.getrandbits(70) < 2**70, random.randrange(0,10,5) in (0,5))
