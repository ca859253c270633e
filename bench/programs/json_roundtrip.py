"""JSON round trip: serialise and parse API-style documents both ways.

Models a web service's (de)serialisation layer: nested documents with
unicode text, escapes, ints, floats, booleans and nulls are encoded by a
hand-written encoder, parsed back by a hand-written recursive-descent
parser, and cross-checked against the standard ``json`` module in both
directions. Stresses string building and scanning, dicts, recursion.
"""

import json

from _harness import main

ESCAPES = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}


def encode(value, out):
    if value is None:
        out.append("null")
    elif value is True:
        out.append("true")
    elif value is False:
        out.append("false")
    elif isinstance(value, int):
        out.append(str(value))
    elif isinstance(value, float):
        out.append(repr(value))
    elif isinstance(value, str):
        encode_str(value, out)
    elif isinstance(value, list):
        out.append("[")
        first = True
        for item in value:
            if not first:
                out.append(", ")
            first = False
            encode(item, out)
        out.append("]")
    elif isinstance(value, dict):
        out.append("{")
        first = True
        for key in sorted(value):
            if not first:
                out.append(", ")
            first = False
            encode_str(key, out)
            out.append(": ")
            encode(value[key], out)
        out.append("}")
    else:
        raise TypeError(type(value).__name__)


def encode_str(s, out):
    parts = ['"']
    for ch in s:
        esc = ESCAPES.get(ch)
        if esc is not None:
            parts.append(esc)
        elif ch < " " or ch > "~":
            code = ord(ch)
            if code > 0xFFFF:
                code -= 0x10000
                parts.append("\\u%04x\\u%04x" % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)))
            else:
                parts.append("\\u%04x" % code)
        else:
            parts.append(ch)
    parts.append('"')
    out.append("".join(parts))


class Parser:
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def skip(self):
        text = self.text
        pos = self.pos
        while pos < len(text) and text[pos] in " \t\n\r":
            pos += 1
        self.pos = pos

    def value(self):
        self.skip()
        ch = self.text[self.pos]
        if ch == "{":
            return self.obj()
        if ch == "[":
            return self.arr()
        if ch == '"':
            return self.string()
        if self.text.startswith("true", self.pos):
            self.pos += 4
            return True
        if self.text.startswith("false", self.pos):
            self.pos += 5
            return False
        if self.text.startswith("null", self.pos):
            self.pos += 4
            return None
        return self.number()

    def obj(self):
        self.pos += 1
        result = {}
        self.skip()
        if self.text[self.pos] == "}":
            self.pos += 1
            return result
        while True:
            self.skip()
            key = self.string()
            self.skip()
            assert self.text[self.pos] == ":"
            self.pos += 1
            result[key] = self.value()
            self.skip()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "}":
                return result
            assert ch == ","

    def arr(self):
        self.pos += 1
        result = []
        self.skip()
        if self.text[self.pos] == "]":
            self.pos += 1
            return result
        while True:
            result.append(self.value())
            self.skip()
            ch = self.text[self.pos]
            self.pos += 1
            if ch == "]":
                return result
            assert ch == ","

    def string(self):
        text = self.text
        pos = self.pos + 1
        chunks = []
        while True:
            end = pos
            while text[end] != '"' and text[end] != "\\":
                end += 1
            chunks.append(text[pos:end])
            if text[end] == '"':
                self.pos = end + 1
                return "".join(chunks)
            esc = text[end + 1]
            if esc == "u":
                code = int(text[end + 2:end + 6], 16)
                pos = end + 6
                if 0xD800 <= code < 0xDC00 and text.startswith("\\u", pos):
                    low = int(text[pos + 2:pos + 6], 16)
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    pos += 6
                chunks.append(chr(code))
            else:
                chunks.append({"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f"}.get(esc, esc))
                pos = end + 2

    def number(self):
        text = self.text
        start = self.pos
        pos = start
        while pos < len(text) and text[pos] in "+-0123456789.eE":
            pos += 1
        self.pos = pos
        token = text[start:pos]
        if "." in token or "e" in token or "E" in token:
            return float(token)
        return int(token)


WORDS = ["alpha", "beta", "gamma", "delta", "epsilon", "über", "naïve", "café", "日本", "emoji\U0001F600",
         "quote\"d", "back\\slash", "tab\there", "new\nline", "zeta"]


def make_doc(i, state):
    state = (state * 1103515245 + 12345) & 0x7FFFFFFF
    items = []
    for k in range(3 + state % 6):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        items.append({
            "id": i * 100 + k,
            "label": WORDS[state % len(WORDS)] + "-" + str(k),
            "price": (state % 100000) / 8.0,
            "ratio": -((state >> 5) % 1000) / 64.0,
            "tags": [WORDS[(state >> s) % len(WORDS)] for s in range(0, (state >> 3) % 4 * 4, 4)],
            "active": (state >> 2) % 2 == 0,
            "parent": None if k == 0 else i * 100 + k - 1,
        })
    doc = {
        "user": {"id": i, "name": WORDS[i % len(WORDS)].title(), "score": state % 1000 - 500,
                 "big": 12345678901234567890 + i},
        "items": items,
        "meta": {"version": 3, "ok": True, "notes": [], "empty": {}},
    }
    return doc, state


def run(ndocs):
    state = 42
    total_chars = 0
    checks = 0
    digest = 0
    for i in range(ndocs):
        doc, state = make_doc(i, state)
        out = []
        encode(doc, out)
        mine = "".join(out)
        std = json.dumps(doc, sort_keys=True)
        if json.loads(mine) != doc or Parser(std).value() != doc or Parser(mine).value() != doc:
            raise AssertionError("round trip failed for document %d" % i)
        pretty = json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False)
        if Parser(pretty).value() != doc:
            raise AssertionError("pretty round trip failed for document %d" % i)
        checks += 4
        total_chars += len(mine) + len(pretty)
        digest = (digest * 33 + len(mine) * 7 + mine.count("\\u") + pretty.count("\n")) % 1000000007
        if mine != std:
            raise AssertionError("encoders disagree on document %d" % i)
    return ["docs %d checks %d chars %d digest %d" % (ndocs, checks, total_chars, digest)]


if __name__ == "__main__":
    main(run, normal=3500, short=40)
