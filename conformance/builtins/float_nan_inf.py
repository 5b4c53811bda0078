# Comparisons with NaN and infinity.
nan = float('nan')
inf = float('inf')
print(nan == nan, nan != nan, nan < 1, nan > 1, nan is nan)
print(inf > 10 ** 30, -inf < -1e300, inf == inf, inf + 1 == inf)
print(inf - inf != inf - inf)
print([nan] == [nan])
print(str(inf), repr(-inf), str(nan))
print(float('1e400') == inf)
