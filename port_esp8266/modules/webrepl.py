# webrepl: start and stop the board's WebREPL server (the server itself is
# C in the board layer, so a soft reset keeps a session open). It asks _net
# for the addresses rather than importing network, to stay small.
import _net
import _webrepl


def start(port=8266, password=None):
    if password is None:
        try:
            import webrepl_cfg

            password = webrepl_cfg.PASS
        except ImportError:
            print("WebREPL is not configured, run 'import webrepl_setup'")
            return
    _webrepl.start(port, password)
    for iface in (0, 1):  # STA_IF, AP_IF
        up = _net.status() == 5 if iface == 0 else _net.active(1)
        if up:
            print("WebREPL server started on http://%s:%d/" % (_net.ifconfig(iface)[0], port))
    print("Started webrepl in normal mode")


def stop():
    _webrepl.stop()
