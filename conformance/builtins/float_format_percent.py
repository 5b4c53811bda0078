# %-formatting of floats with %f, %e, %g.
for v in (0.0, 1.5, -2.25, 1234.5, 0.000125, 1e20):
    print('%f|%.2f|%e|%.3e|%g|%.3g' % (v, v, v, v, v, v))
print('%8.3f|%-8.2f|%+.1f|%08.2f' % (3.14159, 2.5, 1.25, -1.5))
print('%.0f %.0f %.0f' % (0.5, 1.5, 2.5))
