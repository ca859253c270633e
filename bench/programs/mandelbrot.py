"""Mandelbrot: escape-time rendering of the Mandelbrot set into a bitmap.

Models an image renderer that packs pixels into bytes the way the PBM format
does, then hashes the bitmap. Stresses float multiply-add loops with early
exits, integer bit operations and bytearray building.
"""

from _harness import main


def render(size, max_iter):
    rows = []
    inv = 2.0 / size
    for y in range(size):
        ci = y * inv - 1.0
        row = bytearray()
        bits = 0
        nbits = 0
        for x in range(size):
            cr = x * inv - 1.5
            zr = zi = 0.0
            zr2 = zi2 = 0.0
            inside = 1
            for _ in range(max_iter):
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    inside = 0
                    break
            bits = (bits << 1) | inside
            nbits += 1
            if nbits == 8:
                row.append(bits)
                bits = 0
                nbits = 0
        if nbits:
            row.append(bits << (8 - nbits))
        rows.append(bytes(row))
    return rows


def run(size):
    rows = render(size, 50)
    h = 0
    ones = 0
    for row in rows:
        for byte in row:
            h = (h * 31 + byte) & 0xFFFFFFFF
            ones += bin(byte).count("1")
    return ["size %d" % size, "pixels inside %d" % ones, "hash %08x" % h]


if __name__ == "__main__":
    main(run, normal=900, short=60)
