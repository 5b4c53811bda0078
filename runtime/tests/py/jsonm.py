import json
d = {"a": 1, "b": [1, 2.5, None, True, False], "c": {"x": "y\n\"q\""}, "é": "ü☺", 5: -3}
s = json.dumps(d)
print(s)
print(json.loads(s) == {"a": 1, "b": [1, 2.5, None, True, False], "c": {"x": "y\n\"q\""}, "é": "ü☺", "5": -3})
print(json.dumps([1, [2, {"k": []}], {}], indent=2))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True), json.dumps([1, 2], separators=(",", ":")))
print(json.loads('  {"n": -12.5e2, "s": "\\u00e9\\ud83d\\ude00", "l": [], "t": true}  '))
print(json.dumps("plain"), json.dumps(10 ** 20), json.dumps(1e100), json.dumps(float("nan")))
for bad in ("", "[1,]", "{'a': 1}", "[1 2]", "tru", "1 2"):
    try:
        json.loads(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    json.dumps({1, 2})
except TypeError as e:
    print(e)
