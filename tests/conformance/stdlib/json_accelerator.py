# The _json accelerator (scanner, encoder, scanstring, encode_basestring): values,
# escapes, non-ASCII positions, every decode error with its position, hooks,
# encoder options, subclasses, circular references.
import json, _json
print(json.decoder.c_scanstring is not None, json.scanner.c_make_scanner, json.encoder.c_make_encoder)
for s in ['"\\uZZZZ"', '"\\u12"', '"\\u1234', '"ab\\ud800\\uZZZZ"', '"\\ud800\\u12"', '"\\x"', '"abc', '"a\\', '[1,]', '{"a":1,}', '[', '{', '{"a" 1}', '-', '-x', '1e', '1.', '[1 2]', '"\x01"', 'nul', 'NaN', '-Infinity', '[-Infinity, Infinity, NaN, 1e5, 1E+2, 0.5e-3, -0, 10]', '{"a":{"b":[]}}  ', ' 1 x', '"\\ud83d\\ude00 é\\n\\t\\"\\/\\b\\f\\r"', '["日本", {"ключ": "значение"}, "😀"]', '{"a": 1, "a": 2, "b": [true, false, null]}', '123456789012345678901234567890', '-0.0', '1E400', '[1e-400]', '{"x": "\\u00e9\\u0041"}', ' [ ] ', '{ }', '"x" ', '[ 1 , 2 ,3 ]', 'tru', 'true', 'falsey', 'Infinit', '"\t"', '{"a":"b" , "c" : [ {} ] }', '[[[[[]]]]]', '"é', '[1, "é", 2', '{"é": 1, 2: 3}']:
    try:
        print(repr(s), '->', repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(repr(s), 'ERR', e, e.pos)
print(json.loads('"\t"', strict=False), json.loads('[1.5, 2]', parse_float=str, parse_int=lambda x: int(x) * 2))
print(json.loads('{"a": [1, {"b": 2}]}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=lambda p: p))
print(json.loads('[NaN, Infinity]', parse_constant=lambda c: c.lower()))
print(_json.scanstring('"abc" tail', 1), _json.scanstring('xx"é\\u00e9"', 3))
for bad in [('"abc"', 10), ('"abc"', -1), (5, 1)]:
    try:
        _json.scanstring(*bad)
    except Exception as e:
        print(type(e).__name__, e)
sc = _json.make_scanner(json.JSONDecoder())
print(sc('[1, 2] ', 0), sc('  xx "é" 1', 6), sc.strict)
for i in (20, -1):
    try:
        sc('abc', i)
    except Exception as e:
        print(type(e).__name__, e, getattr(e, 'value', None))
doc = {"b": [1, 2.5, -3, 2**70, True, None, "é\n\"\\😀\x01"], "a": {"z": [], "y": {}}, "c": (1, 2), 3: 4, 1.5: 'x', None: 1, False: 2}
print(json.dumps(doc))
print(json.dumps(doc, ensure_ascii=False))
print(json.dumps({k: v for k, v in doc.items() if isinstance(k, str)}, sort_keys=True, separators=(',', ':')))
print(json.dumps(doc, indent=1, ensure_ascii=False))
print(json.dumps([float('inf'), float('-inf'), float('nan'), 1e16, 0.1, -0.0]))
print(json.dumps({(1, 2): 1, 'b': 2, 3: 4}, skipkeys=True))
for bad in [{'a': 1, 2: 3}, [float('nan')], {(1,): 2}, {1j}]:
    try:
        print(json.dumps(bad, sort_keys=True, allow_nan=False))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
a = []; a.append(a)
try: json.dumps(a)
except ValueError as e: print(e)
d = {}; d['x'] = d
try: json.dumps(d)
except ValueError as e: print(e)
class C: pass
print(json.dumps([C(), C()], default=lambda o: 'C'))
import enum
class IE(enum.IntEnum):
    A = 5
class FS(float):
    def __repr__(self): return 'nope'
class SS(str): pass
class DD(dict):
    def items(self): return [('q', 1)]
print(json.dumps([IE.A, FS(2.5), SS('s'), {IE.A: 1}, DD(a=5), OrderedDictTest if False else 0]))
enc = _json.make_encoder(None, lambda o: str(o), lambda s: '<'+s+'>', None, ':', ',', False, False, True)
print(enc({'a': [1, 2.5, 'x'], 3: None, 1.5: 2, True: False}, 0))
try: _json.make_encoder([], None, None, None, ':', ',', 0, 0, 0)
except TypeError as e: print(e)
print(_json.encode_basestring_ascii('é😀"\\\x1f'), _json.encode_basestring('é😀"\\\x1f'))
print(json.dumps("plain"), json.dumps(12), json.dumps(None))
big = {"items": [{"id": i, "name": "n%d" % i, "vals": [i * 0.5, -i]} for i in range(50)]}
print(json.loads(json.dumps(big)) == big, json.loads(json.dumps(big, indent=2)) == big)
