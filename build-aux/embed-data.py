#!/usr/bin/env python3
# embed-data.py: a data file as a C byte array
#
#   embed-data.py INPUT OUTPUT.c SYMBOL
#
# writes `const unsigned char SYMBOL[]` (the bytes, then a NUL) and
# `const size_t SYMBOL_length` (without the NUL). Used for the checklist,
# so that reading it needs no GResource and thus no GIO.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import sys


def main(src, out, symbol):
    with open(src, "rb") as f:
        data = f.read()
    lines = []
    for i in range(0, len(data), 16):
        lines.append("  " + ", ".join(f"0x{b:02x}" for b in data[i:i + 16]) + ",")
    with open(out, "w", encoding="ascii") as f:
        f.write(f"/* Generated from {src.rsplit('/', 1)[-1]} by embed-data.py: do not edit */\n")
        f.write("#include <stddef.h>\n\n")
        f.write(f"extern const unsigned char {symbol}[];\n")
        f.write(f"extern const size_t {symbol}_length;\n\n")
        f.write(f"const unsigned char {symbol}[] = {{\n")
        f.write("\n".join(lines))
        f.write("\n  0x00\n};\n\n")
        f.write(f"const size_t {symbol}_length = {len(data)};\n")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.stderr.write("usage: embed-data.py INPUT OUTPUT.c SYMBOL\n")
        sys.exit(2)
    main(*sys.argv[1:])
