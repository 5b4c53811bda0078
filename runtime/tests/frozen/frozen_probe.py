# A module frozen into the Check test frozen_modules: proves the generated
# table imports and runs, with module-level state, classes and a second
# frozen module imported from this one.
import frozen_helper

GREETING = "hello from " + __name__
_count = 0


def bump():
    global _count
    _count += 1
    return _count


class Box:
    def __init__(self, v):
        self.v = v

    def twice(self):
        return frozen_helper.double(self.v)
