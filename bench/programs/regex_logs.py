"""Regular expressions: parsing and redacting web-server access logs.

Models log processing: synthetic access-log lines are parsed with a verbose
regex with named groups, user agents and paths are classified with
alternations, e-mail addresses and tokens are redacted with ``re.sub``
and a callback, and ``findall``/``finditer``/``split`` extract fields.
Stresses the ``re`` engine, match objects, group access and str building.
"""

import re

from _harness import main

LINE_RE = re.compile(r"""
    (?P<ip>\d{1,3}(?:\.\d{1,3}){3})\s+-\s+(?P<user>[\w.-]+|-)\s+
    \[(?P<day>\d{2})/(?P<mon>[A-Z][a-z]{2})/(?P<year>\d{4}):(?P<time>\d{2}:\d{2}:\d{2})\s[+-]\d{4}\]\s+
    "(?P<method>GET|POST|PUT|DELETE|HEAD)\s(?P<path>\S+)\sHTTP/(?P<ver>1\.[01]|2)"\s+
    (?P<status>\d{3})\s+(?P<size>\d+|-)\s+"(?P<referer>[^"]*)"\s+"(?P<agent>[^"]*)"
    """, re.VERBOSE)
EMAIL_RE = re.compile(r"\b([A-Za-z0-9._%+-]+)@([A-Za-z0-9.-]+\.[A-Za-z]{2,})\b")
TOKEN_RE = re.compile(r"(token|key|session)=([0-9a-f]{8,})", re.IGNORECASE)
BOT_RE = re.compile(r"bot|crawler|spider|curl|wget", re.IGNORECASE)
STATIC_RE = re.compile(r"\.(?:css|js|png|jpe?g|gif|svg|ico)(?:\?|$)")
NUM_RE = re.compile(r"\d+")

METHODS = ["GET", "GET", "GET", "POST", "PUT", "DELETE", "HEAD"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
PATHS = ["/", "/index.html", "/static/app.js", "/static/site.css", "/img/logo.png", "/api/v1/items/{n}",
         "/api/v1/users/{n}?token={hex}", "/search?q=foo+bar&page={n}", "/login?next=/account",
         "/photos/{n}.jpeg", "/download/report-{n}.pdf?key={hex}"]
AGENTS = ["Mozilla/5.0 (X11; Linux x86_64) Firefox/118.0", "Mozilla/5.0 (Macintosh) Safari/605.1.15",
          "Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.4.0", "Wget/1.21",
          "Mozilla/5.0 (compatible; ExampleSpider/1.0)", "python-requests/2.31"]
USERS = ["-", "alice", "bob.smith", "carol-x", "dave_99"]


def make_lines(count):
    state = 4321
    lines = []
    for i in range(count):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        s = state
        ip = "%d.%d.%d.%d" % (10 + s % 200, (s >> 3) % 256, (s >> 7) % 256, (s >> 11) % 256)
        path = PATHS[(s >> 5) % len(PATHS)].replace("{n}", str((s >> 9) % 5000)).replace("{hex}", "%010x" % s)
        status = (200, 200, 200, 304, 404, 500, 301)[(s >> 13) % 7]
        size = "-" if status == 304 else str((s >> 2) % 50000)
        ref = "-" if s % 3 else "mailto:%s@example%d.org" % (USERS[(s >> 4) % 4 + 1], s % 9)
        line = '%s - %s [%02d/%s/2023:%02d:%02d:%02d +0000] "%s %s HTTP/1.1" %d %s "%s" "%s"' % (
            ip, USERS[s % len(USERS)], 1 + s % 28, MONTHS[(s >> 6) % 12], (s >> 8) % 24, (s >> 10) % 60,
            (s >> 12) % 60, METHODS[(s >> 14) % len(METHODS)], path, status, size, ref,
            AGENTS[(s >> 16) % len(AGENTS)])
        if i % 50 == 7:
            line = line.replace("HTTP/1.1", "HTCPCP/1.0")  # malformed on purpose
        lines.append(line)
    return lines


def redact(text):
    text = EMAIL_RE.sub(lambda m: m.group(1)[:1] + "***@" + m.group(2), text)
    return TOKEN_RE.sub(lambda m: m.group(1).lower() + "=<redacted>", text)


def run(count):
    lines = make_lines(count)
    status = {}
    bytes_by_method = {}
    bots = static = bad = 0
    hours = [0] * 24
    api_ids = 0
    redacted_len = 0
    for line in lines:
        m = LINE_RE.match(line)
        if m is None:
            bad += 1
            continue
        d = m.groupdict()
        status[d["status"]] = status.get(d["status"], 0) + 1
        if d["size"] != "-":
            bytes_by_method[d["method"]] = bytes_by_method.get(d["method"], 0) + int(d["size"])
        if BOT_RE.search(d["agent"]):
            bots += 1
        if STATIC_RE.search(d["path"]):
            static += 1
        hours[int(m.group("time")[:2])] += 1
        if d["path"].startswith("/api/"):
            api_ids += sum(int(x) for x in NUM_RE.findall(d["path"]))
        redacted_len += len(redact(line))
    fields = sum(len(re.split(r"[\s\[\]\"]+", line)) for line in lines[:1000])
    busiest = max(range(24), key=lambda h: (hours[h], -h))
    return ["lines %d bad %d bots %d static %d" % (len(lines), bad, bots, static),
            "status " + " ".join("%s=%d" % kv for kv in sorted(status.items())),
            "bytes " + " ".join("%s=%d" % kv for kv in sorted(bytes_by_method.items())),
            "busiest hour %d api-ids %d redacted %d fields %d" % (busiest, api_ids, redacted_len, fields)]


if __name__ == "__main__":
    main(run, normal=110000, short=800)
