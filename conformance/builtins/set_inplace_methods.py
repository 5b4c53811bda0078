# In-place set methods accepting any iterable.
s = {1, 2, 3, 4}
s.intersection_update([2, 3, 9])
print(sorted(s))
s.difference_update('x', [3])
print(sorted(s))
s.symmetric_difference_update(range(4))
print(sorted(s))
