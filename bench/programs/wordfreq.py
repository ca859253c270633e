"""Word frequencies over a synthetic corpus.

Models a text-statistics job: a deterministic corpus is generated from a
vocabulary with a Zipf-like skew, then normalised (lower-casing, stripping
punctuation), split, counted into dicts of words, bigrams and letter
frequencies, and summarised. Stresses str methods, str joins, dict get/set
with string keys and sorting of items.
"""

from collections import Counter, defaultdict

from _harness import main

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sta", "ven", "dor", "qui", "pha",
             "el", "on", "tri", "ber", "gus", "ay", "zo", "wex", "ith", "um"]
PUNCT = [",", ".", ";", "!", "?", ":", ""]


def make_vocabulary(size):
    words = []
    state = 7
    for i in range(size):
        n = 1 + i % 4
        parts = []
        for _ in range(n):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            parts.append(SYLLABLES[(state >> 10) % len(SYLLABLES)])
        w = "".join(parts)
        if i % 9 == 0:
            w = w.capitalize()
        words.append(w)
    return words


def make_corpus(words, nwords):
    state = 12345
    lines = []
    line = []
    for _ in range(nwords):
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        r = (state >> 8) & 0xFFFF
        # skew: small indices are much more frequent
        idx = (r * r) >> 22
        idx = idx * len(words) >> 10
        w = words[idx % len(words)]
        punct = PUNCT[(state >> 4) % len(PUNCT)] if (state & 7) == 0 else ""
        line.append(w + punct)
        if len(line) >= 12 + (state >> 20) % 6:
            lines.append(" ".join(line))
            line = []
    lines.append(" ".join(line))
    return "\n".join(lines)


def normalise(text):
    table = str.maketrans({c: " " for c in ",.;!?:"})
    return text.lower().translate(table)


def analyse(text):
    counts = {}
    bigrams = defaultdict(int)
    letters = Counter()
    longest = ""
    for line in normalise(text).splitlines():
        tokens = line.split()
        prev = None
        for tok in tokens:
            counts[tok] = counts.get(tok, 0) + 1
            if prev is not None:
                bigrams[prev + " " + tok] += 1
            prev = tok
            if len(tok) > len(longest) or (len(tok) == len(longest) and tok < longest):
                longest = tok
        letters.update(line.replace(" ", ""))
    return counts, bigrams, letters, longest


def run(nwords):
    words = make_vocabulary(400)
    text = make_corpus(words, nwords)
    counts, bigrams, letters, longest = analyse(text)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    top_bi = sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    common = "".join(ch for ch, _ in sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:8])
    hapax = sum(1 for c in counts.values() if c == 1)
    caps = sum(1 for w in text.split() if w[:1].isupper())
    return ["chars %d distinct %d hapax %d caps %d" % (len(text), len(counts), hapax, caps),
            "top " + " ".join("%s:%d" % kv for kv in top),
            "bigrams " + " ".join("%s:%d" % kv for kv in top_bi),
            "letters %s longest %s" % (common, longest)]


if __name__ == "__main__":
    main(run, normal=1300000, short=10000)
