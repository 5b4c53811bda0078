# json: dumps (separators, indent, sort_keys, escapes) and loads, with the
# errors CPython raises (JSONDecodeError is a ValueError with a position).
import json

data = {"b": [1, 2.5, None, True, False], "a": "x\"y\\z\n\u00e9", "c": {"n": -3, "e": []}, "d": {}}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps([1, [2, {"k": []}]], indent=1))
print(json.dumps({"a": 1}, indent="\t"), json.dumps([], indent=2), json.dumps({}, indent=2))
print(json.dumps("é\u2603\x01"), json.dumps("é", ensure_ascii=False), json.dumps(1e100), json.dumps(0.1))
print(json.dumps({1: "i", 2.5: "f", None: "n", True: "t"}), json.dumps((1, 2)), json.dumps(-0.0))
print(json.dumps(float("inf")), json.dumps(float("nan")), json.dumps(10**20))
print(json.loads('{"a": [1, 2.5, -3e2, null, true, false], "b": "\\u00e9\\n\\"", "c": {}}'))
print(json.loads(" [ ] "), json.loads("1"), json.loads('"s"'), json.loads("-0.5"), json.loads("1E3"), json.loads("12345678901234567890"))
print(json.loads('"\\ud83d\\ude00"') == "\U0001F600", json.loads("NaN") != json.loads("NaN"), json.loads("-Infinity"))
print(json.loads(b'{"x": 1}'), json.loads('{"a": 1, "a": 2}'))
print(issubclass(json.JSONDecodeError, ValueError))
for bad in ["", "[1,]", "{", '{"a" 1}', "[1 2]", "tru", '"abc', "{1: 2}", "[1] x", '"\\x"', "01", "{'a': 1}", "[", "-"]:
    try:
        json.loads(bad)
        print(repr(bad), "accepted")
    except json.JSONDecodeError as e:
        print(repr(bad), "|", e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads('{\n  "a": 1,\n  "b": ]\n}')
except ValueError as e:
    print(type(e).__name__, e)
for bad in [{"a": {1, 2}}, {(1, 2): 3}, b"x"]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    json.loads(5)
except TypeError as e:
    print("TypeError", e)
