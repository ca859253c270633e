"""Template rendering: a small Jinja-like engine rendering HTML reports.

Models a web framework's view layer: templates with ``{{ expr|filter }}``,
``{% for %}``, ``{% if %}``/``{% else %}`` are compiled once into node
trees, then rendered many times against nested dict/list contexts with
HTML escaping. Stresses string scanning, str.join, dict lookups, dotted
attribute resolution and recursive rendering.
"""

from _harness import main

PAGE = """<html><head><title>{{ title|upper }}</title></head>
<body>
<h1>{{ title }} &mdash; {{ customer.name|escape }}</h1>
<p>Account {{ customer.id }} since {{ customer.since }}</p>
{% if customer.vip %}<p class="vip">Valued customer, tier {{ customer.tier }}</p>{% else %}<p>Standard account</p>{% endif %}
<table>
{% for line in lines %}<tr class="{% if line.odd %}odd{% else %}even{% endif %}">
  <td>{{ line.index }}</td><td>{{ line.sku|upper }}</td><td>{{ line.name|escape|title }}</td>
  <td>{{ line.qty }}</td><td>{{ line.price|money }}</td><td>{{ line.total|money }}</td>
  {% if line.tags %}<td>{% for tag in line.tags %}<span>{{ tag }}</span>{% endfor %}</td>{% endif %}
</tr>
{% endfor %}</table>
<p>Total: {{ summary.total|money }} ({{ summary.count }} lines)</p>
{% for note in notes %}<p class="note">{{ note|escape }}</p>{% endfor %}
</body></html>
"""

FILTERS = {
    "upper": lambda v: str(v).upper(),
    "title": lambda v: str(v).title(),
    "escape": lambda v: str(v).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"),
    "money": lambda v: "%d.%02d" % divmod(v, 100),
}


class Text:
    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text

    def render(self, ctx, out):
        out.append(self.text)


class Var:
    __slots__ = ("path", "filters")

    def __init__(self, expr):
        parts = [p.strip() for p in expr.split("|")]
        self.path = parts[0].split(".")
        self.filters = [FILTERS[f] for f in parts[1:]]

    def render(self, ctx, out):
        value = lookup(ctx, self.path)
        for f in self.filters:
            value = f(value)
        out.append(value if isinstance(value, str) else str(value))


class For:
    __slots__ = ("var", "path", "body")

    def __init__(self, var, path, body):
        self.var = var
        self.path = path.split(".")
        self.body = body

    def render(self, ctx, out):
        for item in lookup(ctx, self.path):
            inner = dict(ctx)
            inner[self.var] = item
            for node in self.body:
                node.render(inner, out)


class If:
    __slots__ = ("path", "then", "otherwise")

    def __init__(self, path, then, otherwise):
        self.path = path.split(".")
        self.then = then
        self.otherwise = otherwise

    def render(self, ctx, out):
        for node in (self.then if lookup(ctx, self.path) else self.otherwise):
            node.render(ctx, out)


def lookup(ctx, path):
    value = ctx[path[0]]
    for part in path[1:]:
        value = value[part]
    return value


def tokenize(src):
    pos = 0
    tokens = []
    while pos < len(src):
        a = src.find("{{", pos)
        b = src.find("{%", pos)
        starts = [x for x in (a, b) if x >= 0]
        if not starts:
            tokens.append(("text", src[pos:]))
            break
        start = min(starts)
        if start > pos:
            tokens.append(("text", src[pos:start]))
        if start == a:
            end = src.index("}}", start)
            tokens.append(("var", src[start + 2:end].strip()))
        else:
            end = src.index("%}", start)
            tokens.append(("tag", src[start + 2:end].strip()))
        pos = end + 2
    return tokens


def parse(tokens, i, stop):
    nodes = []
    while i < len(tokens):
        kind, value = tokens[i]
        if kind == "text":
            nodes.append(Text(value))
        elif kind == "var":
            nodes.append(Var(value))
        else:
            words = value.split()
            if words[0] in stop:
                return nodes, i, words[0]
            if words[0] == "for":
                body, i, _ = parse(tokens, i + 1, ("endfor",))
                nodes.append(For(words[1], words[3], body))
            elif words[0] == "if":
                then, i, ended = parse(tokens, i + 1, ("else", "endif"))
                otherwise = []
                if ended == "else":
                    otherwise, i, _ = parse(tokens, i + 1, ("endif",))
                nodes.append(If(words[1], then, otherwise))
            else:
                raise SyntaxError(value)
        i += 1
    return nodes, i, None


def compile_template(src):
    nodes, _, _ = parse(tokenize(src), 0, ())
    return nodes


def make_context(n, state):
    names = ["widget", "gadget <pro>", "gizmo & co", "doohickey", "thingamajig", "sprocket"]
    lines = []
    total = 0
    for i in range(8 + n % 17):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        qty = 1 + state % 9
        price = 100 + (state >> 8) % 10000
        tags = ["t%d" % ((state >> k) % 5) for k in range((state >> 3) % 3)]
        lines.append({"index": i + 1, "sku": "sku-%05d" % (state % 100000), "name": names[state % len(names)],
                      "qty": qty, "price": price, "total": qty * price, "odd": i % 2 == 1, "tags": tags})
        total += qty * price
    customer = {"name": "Customer \"%d\" <%s>" % (n, "x" * (n % 5)), "id": 1000 + n, "since": 1990 + n % 30,
                "vip": n % 3 == 0, "tier": n % 4}
    notes = ["Thanks & goodbye" if n % 2 else "Payment due in <30> days"] * (n % 3)
    return {"title": "invoice %d" % n, "customer": customer, "lines": lines,
            "summary": {"total": total, "count": len(lines)}, "notes": notes}, state


def run(pages):
    template = compile_template(PAGE)
    state = 99
    length = 0
    byte_sum = 0
    vip = 0
    last = ""
    for n in range(pages):
        ctx, state = make_context(n, state)
        out = []
        for node in template:
            node.render(ctx, out)
        html = "".join(out)
        length += len(html)
        byte_sum += sum(html.encode())
        vip += html.count('class="vip"')
        last = html
    return ["pages %d chars %d bytesum %d vip %d" % (pages, length, byte_sum, vip),
            "last " + last.splitlines()[2]]


if __name__ == "__main__":
    main(run, normal=15000, short=60)
