# exp: manual
# micropython.schedule: a call queued by running code runs soon, even while
# the program is in a busy loop that never sleeps, and scheduled calls do
# not interrupt each other.
import micropython

hits = []


def nested(arg):
    hits.append(("nested", arg))


def first(arg):
    micropython.schedule(nested, arg + 1)  # queued, runs after this one returns
    hits.append(("first", arg))


micropython.schedule(first, 1)
n = 0
while len(hits) < 2 and n < 500000:
    n += 1
print(hits)
print("during the loop", n < 500000)
