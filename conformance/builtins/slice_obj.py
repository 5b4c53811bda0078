# slice objects: attributes, use for subscription.
s = slice(1, 5, 2)
print(s.start, s.stop, s.step, slice(3).start, slice(3).stop)
print(s, slice(None, None, -1))
print('abcdefg'[s], [0, 1, 2, 3, 4, 5][s], (9, 8, 7)[slice(None, None, -1)])
class G:
    def __getitem__(self, k):
        return k
print(G()[1:2], G()[::3], G()[1:2, 3])
