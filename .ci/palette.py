#!/usr/bin/env python3
"""Re-saves the app's icons (public/icon-*.png) with a small palette.

The icons are drawn as SVG (public/icon*.svg) and rasterised once with
headless Chromium, which writes 8-bit RGBA. They hold two colours, the
green and the cream, plus the anti-aliased edges between them and, in the
rounded corners, the green fading out. So every pixel is one of: the green
at some opacity, or an opaque mix of green and cream. This maps each to the
nearest of 24 steps of each (49 colours with the transparent one) and
writes an indexed PNG: the 192 px icon, which a first visit downloads, goes
from 4,980 to about 1,760 bytes and looks the same.

    python3 .ci/palette.py public/icon-192.png [more.png ...]   (in place)
"""
import struct
import sys
import zlib

GREEN = (43, 106, 93)  # #2b6a5d
CREAM = (246, 241, 234)  # #f6f1ea
STEPS = 24


def chunks(data):
    i = 8
    while i < len(data):
        (length,) = struct.unpack(">I", data[i : i + 4])
        yield data[i + 4 : i + 8], data[i + 8 : i + 8 + length]
        i += 12 + length


def read_rgba(path):
    """Rows of (r, g, b, a) from an 8-bit RGB or RGBA PNG."""
    data = open(path, "rb").read()
    idat = b""
    for kind, body in chunks(data):
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            if depth != 8 or colour not in (2, 6):
                raise SystemExit(f"{path}: expected an 8-bit RGB or RGBA PNG")
        elif kind == b"IDAT":
            idat += body
    raw = zlib.decompress(idat)
    bpp = 4 if colour == 6 else 3
    stride = width * bpp
    prev = bytearray(stride)
    rows, k = [], 0
    for _ in range(height):
        kind, line = raw[k], bytearray(raw[k + 1 : k + 1 + stride])
        k += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[x : x + bpp]) + ((255,) if bpp == 3 else ()) for x in range(0, stride, bpp)])
        prev = line
    return width, height, rows


def nearest(pixel):
    r, g, b, a = pixel
    if a < 255:
        step = round(a / 255 * STEPS)
        return (0, 0, 0, 0) if step == 0 else GREEN + (min(255, round(255 * step / STEPS)),)
    span = sum(CREAM) - sum(GREEN)
    t = min(1.0, max(0.0, (r + g + b - sum(GREEN)) / span))
    step = round(t * STEPS)
    return tuple(round(GREEN[i] + (CREAM[i] - GREEN[i]) * step / STEPS) for i in range(3)) + (255,)


def write_indexed(path, width, height, rows):
    palette, index = [], {}
    lines = []
    for row in rows:
        line = bytearray([0])  # palette images compress best unfiltered
        for pixel in row:
            colour = nearest(pixel)
            if colour not in index:
                index[colour] = len(palette)
                palette.append(colour)
            line.append(index[colour])
        lines.append(bytes(line))
    # Opaque colours need no entry in tRNS: put the translucent ones first.
    order = sorted(range(len(palette)), key=lambda i: palette[i][3] == 255)
    remap = bytes(order.index(i) for i in range(len(palette)))
    palette = [palette[i] for i in order]
    lines = [line[:1] + line[1:].translate(remap.ljust(256, b"\0")) for line in lines]
    alpha = bytes(colour[3] for colour in palette).rstrip(b"\xff")

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 3, 0, 0, 0))
    png += chunk(b"PLTE", b"".join(bytes(colour[:3]) for colour in palette))
    if alpha:
        png += chunk(b"tRNS", alpha)
    png += chunk(b"IDAT", zlib.compress(b"".join(lines), 9)) + chunk(b"IEND", b"")
    open(path, "wb").write(png)
    return len(palette), len(png)


for path in sys.argv[1:]:
    width, height, rows = read_rgba(path)
    colours, size = write_indexed(path, width, height, rows)
    print(f"{path}: {colours} colours, {size} bytes")
