# network: the WiFi interfaces (network.WLAN), frozen into the firmware,
# over the board's _net core (port_esp8266/mod_net.c).
import _net

STA_IF = 0
AP_IF = 1

STAT_IDLE = 0
STAT_CONNECTING = 1
STAT_WRONG_PASSWORD = 2
STAT_NO_AP_FOUND = 3
STAT_CONNECT_FAIL = 4
STAT_GOT_IP = 5

AUTH_OPEN = 0
AUTH_WEP = 1
AUTH_WPA_PSK = 2
AUTH_WPA2_PSK = 3
AUTH_WPA_WPA2_PSK = 4

MODE_11B = 1
MODE_11G = 2
MODE_11N = 3

_names = {"hostname": "mpy-esp8266"}
_ap = {"essid": "Pyrite-AP", "password": "", "channel": 1, "authmode": AUTH_OPEN}


def hostname(name=None):
    if name is None:
        return _names["hostname"]
    _names["hostname"] = str(name)


class WLAN:
    def __init__(self, interface=STA_IF):
        if interface not in (STA_IF, AP_IF):
            raise ValueError("invalid WLAN interface identifier")
        if not _net.present():
            raise OSError(19)  # ENODEV: this firmware has no WiFi
        self._if = interface

    def __repr__(self):
        return "<WLAN %s>" % ("STA_IF" if self._if == STA_IF else "AP_IF")

    def _need_sta(self):
        if self._if != STA_IF:
            raise OSError("STA required")

    def active(self, *state):
        return _net.active(self._if, *state)

    def connect(self, ssid=None, key=None, *, bssid=None):
        self._need_sta()
        if not _net.active(STA_IF):
            raise OSError("STA must be active")
        if ssid is None:
            saved = _net.settings()
            if saved is None:
                raise OSError("no saved network to connect to")
            ssid, key = saved[0], saved[1]
        _net.connect(ssid, "" if key is None else key)

    def disconnect(self):
        self._need_sta()
        _net.disconnect()

    def isconnected(self):
        if self._if == STA_IF:
            return _net.status() == STAT_GOT_IP
        return False  # no stations join a virtual access point

    def status(self, param=None):
        if param is None:
            return _net.status() if self._if == STA_IF else STAT_IDLE
        if param == "rssi":
            self._need_sta()
            return _net.rssi()
        raise ValueError("unknown status param")

    def scan(self):
        self._need_sta()
        return _net.scan()

    def ifconfig(self, config=None):
        if config is None:
            return _net.ifconfig(self._if)
        _net.ifconfig(self._if, config)

    def config(self, *args, **kwargs):
        if args and kwargs:
            raise TypeError("either position or keyword args")
        if kwargs:
            for k, v in kwargs.items():
                self._set(k, v)
            return None
        if len(args) != 1:
            raise TypeError("can query only one param")
        return self._get(args[0])

    def _get(self, name):
        if name == "mac":
            return _net.mac(self._if)
        if name in ("essid", "ssid"):
            return _net.ssid() if self._if == STA_IF else _ap["essid"]
        if name in ("hostname", "dhcp_hostname"):
            return _names["hostname"]
        if self._if == AP_IF and name in ("channel", "authmode", "password"):
            if name == "password":
                raise ValueError("can't query password")
            return _ap[name]
        if name == "channel":
            for ap in _net.scan():
                if ap[0] == _net.ssid().encode():
                    return ap[2]
            return 0
        raise ValueError("unknown config param")

    def _set(self, name, value):
        if name in ("hostname", "dhcp_hostname"):
            _names["hostname"] = str(value)
        elif self._if == AP_IF and name in ("essid", "ssid", "password", "key", "channel", "authmode"):
            key = {"ssid": "essid", "key": "password"}.get(name, name)
            _ap[key] = value
            _net.ap_config(_ap["essid"], _ap["password"], _ap["channel"])
        elif name == "mac":
            raise OSError("can't set MAC on this board")
        else:
            raise ValueError("unknown config param")
