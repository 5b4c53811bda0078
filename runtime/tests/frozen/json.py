# Shadowed: the runtime's C module json comes first in the import order.
shadowed = True
