# random: the sequence differs from CPython's (not a Mersenne Twister), so
# this checks properties: seeding repeats, ranges, types, and errors.
import random

random.seed(42)
a = [random.random() for _ in range(5)]
random.seed(42)
print(a == [random.random() for _ in range(5)])
random.seed("text")
b = random.getrandbits(30)
random.seed("text")
print(b == random.getrandbits(30))
print(all(0.0 <= random.random() < 1.0 for _ in range(200)))
print(all(1 <= random.randint(1, 6) <= 6 for _ in range(200)), {random.randint(1, 3) for _ in range(200)} == {1, 2, 3})
print(all(random.randrange(10) in range(10) for _ in range(100)), all(random.randrange(5, 10) in range(5, 10) for _ in range(100)))
print(all(random.randrange(0, 20, 5) in (0, 5, 10, 15) for _ in range(100)), all(random.randrange(10, 0, -3) in (10, 7, 4, 1) for _ in range(100)))
print(all(0 <= random.getrandbits(k) < 2**k for k in (1, 8, 31, 32, 33, 64, 100) for _ in range(20)))
print(random.getrandbits(0), type(random.getrandbits(70)).__name__)
print(all(2.0 <= random.uniform(2, 5) <= 5.0 for _ in range(100)), all(-1 <= random.uniform(1, -1) <= 1 for _ in range(100)))
seq = ["a", "b", "c"]
print(all(random.choice(seq) in seq for _ in range(50)), {random.choice(seq) for _ in range(200)} == set(seq))
print(random.choice("xyz") in "xyz", random.choice(range(3)) in (0, 1, 2))
lst = list(range(10))
random.shuffle(lst)
print(sorted(lst) == list(range(10)), type(random.random()).__name__, type(random.randint(1, 2)).__name__)
smp = random.sample(range(100), 5)
print(len(smp), len(set(smp)), all(0 <= x < 100 for x in smp))
for bad in (lambda: random.randint(5, 1), lambda: random.randrange(0), lambda: random.randrange(1, 1),
            lambda: random.randrange(0, 10, 0), lambda: random.choice([]), lambda: random.getrandbits(-1),
            lambda: random.sample([1, 2], 3)):
    try:
        bad()
        print("no error")
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__)
