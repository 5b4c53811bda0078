# Imported by frozen_probe (a frozen module importing another).
import frozen_probe  # circular: frozen_probe is already in sys.modules


def double(x):
    return x * 2


def probe_name():
    return frozen_probe.__name__
