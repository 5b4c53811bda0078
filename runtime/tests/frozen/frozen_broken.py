# Raises while it runs: the import must fail and leave no trace in
# sys.modules, so that a second import raises again.
value = 1
raise ValueError("broken at import")
