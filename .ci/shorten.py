#!/usr/bin/env python3
"""Shortens what the main wasm and the glue say to each other (run by
.ci/split, after wasm-opt, on the files every first visit downloads).

wasm-bindgen names each JavaScript function the wasm imports from the glue
after the Rust it binds plus a hash ("__wbg_push_c9f4893fc209f768"), and
the name is written twice: as a key in the glue and in the wasm's import
section. Hashes do not compress, so this gives every such import a short
name ("a", "b", ... "ab") in both files. It also drops the glue's functions
that no wasm imports any more: wasm-opt removed the code that called them
(the streams of .ci/unstream.py), but the glue was written before.

Usage: shorten.py MAIN_WASM GLUE_JS MODULE [OTHER_WASM...]
  MODULE: the import module the glue provides ("./<name>_bg.js");
  OTHER_WASM: the split parts, checked to import only from the loader.
Both files are rewritten in place. Fails, changing nothing, when the glue
is not laid out as wasm-bindgen writes it.
"""
import re
import string
import sys


def leb(data, i):
    """An unsigned LEB128 at i: (value, index after it)."""
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def encode(value):
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def limits(data, i):
    flags, i = leb(data, i)
    _, i = leb(data, i)
    if flags & 1:
        _, i = leb(data, i)
    return i


def imports(data):
    """The import section: (start, end of its content, entries), each entry
    (module, name, the bytes of what is imported)."""
    assert data[:4] == b"\0asm", "not a wasm file"
    i = 8
    while i < len(data):
        section = data[i]
        size, start = leb(data, i + 1)
        end = start + size
        if section == 2:
            count, j = leb(data, start)
            entries = []
            for _ in range(count):
                length, j = leb(data, j)
                module = data[j : j + length].decode()
                j += length
                length, j = leb(data, j)
                name = data[j : j + length].decode()
                j += length
                kind, desc = data[j], j
                j += 1
                if kind == 0:  # a function: its type
                    _, j = leb(data, j)
                elif kind == 1:  # a table: its type, then limits
                    j = limits(data, j + 1)
                elif kind == 2:  # a memory
                    j = limits(data, j)
                elif kind == 3:  # a global: its type and mutability
                    j += 2
                elif kind == 4:  # a tag
                    _, j = leb(data, j + 1)
                else:
                    sys.exit(f"[shorten] an import of unknown kind {kind}")
                entries.append((module, name, data[desc:j]))
            assert j == end, "the import section was not read to its end"
            return i, end, entries
        i = end
    return None, None, []


def short_names():
    """a, b, ... Z, aa, ab, ...: names no JavaScript keyword takes."""
    letters = string.ascii_letters
    for size in range(1, 4):
        for n in range(len(letters) ** size):
            name = ""
            for _ in range(size):
                n, r = divmod(n, len(letters))
                name = letters[r] + name
            if name not in {"do", "if", "in"}:
                yield name


def main():
    main_path, glue_path, module, *others = sys.argv[1:]
    data = open(main_path, "rb").read()
    at, end, entries = imports(data)
    if at is None:
        sys.exit("[shorten] the main wasm imports nothing")
    # The split parts import only what the split loader gives them (they
    # were split before wasm-bindgen ran): were one to import JavaScript,
    # its names would not be the glue's.
    for other in others:
        _, _, theirs = imports(open(other, "rb").read())
        strange = sorted({m for m, _, _ in theirs if m != "__wasm_split"})
        if strange:
            sys.exit(f"[shorten] {other} imports from {strange}: only the main wasm may import from the glue")
    wanted = [name for m, name, _ in entries if m == module]
    if not wanted:
        sys.exit(f"[shorten] the main wasm imports nothing from {module}")

    glue = open(glue_path, encoding="utf-8").read()
    # The object of the functions the glue provides under MODULE.
    block = re.search(r"\n    const import0 = \{\n.*?\n    \};\n", glue, re.S)
    if not block or f'"{module}": import0,' not in glue:
        sys.exit(f"[shorten] the glue has no import0 object provided as {module}: not wasm-bindgen's layout?")
    before, body, after = glue[: block.start()], block.group(0), glue[block.end() :]
    # The glue's functions: "        <name>: function(...", each ending at
    # the first line indented as far that closes it.
    entry = re.compile(r"^        ([A-Za-z_$][\w$]*): function\(.*?\n        \}[^\n]*\n", re.M | re.S)
    found = set()

    def keep(match):
        name = match.group(1)
        found.add(name)
        return match.group(0) if name in wanted else ""

    pruned = entry.sub(keep, body)
    missing = [name for name in wanted if name not in found]
    if missing:
        sys.exit(f"[shorten] the glue has no function for {missing[:3]}: not wasm-bindgen's layout?")

    names = dict(zip(wanted, short_names()))
    # The glue's keys: each name is a key once, at the start of its line.
    def rename(match):
        return "        " + names[match.group(1)] + ": function("

    pruned, count = re.subn(
        r"^        (" + "|".join(map(re.escape, wanted)) + r"): function\(", rename, pruned, flags=re.M
    )
    if count != len(wanted):
        sys.exit(f"[shorten] renamed {count} of the glue's {len(wanted)} keys")

    pruned = before + pruned + after
    section = bytearray(encode(len(entries)))
    for m, name, desc in entries:
        name = names.get(name, name) if m == module else name
        for text in (m, name):
            raw = text.encode()
            section += encode(len(raw)) + raw
        section += desc
    rewritten = data[:at] + bytes([2]) + encode(len(section)) + bytes(section) + data[end:]

    open(main_path, "wb").write(rewritten)
    open(glue_path, "w", encoding="utf-8").write(pruned)
    dropped = len(found) - len(wanted)
    print(
        f"[shorten] {len(wanted)} imports named short, {dropped} unused functions dropped from the glue "
        f"({len(data) - len(rewritten)} bytes off the wasm, {len(glue) - len(pruned)} off the glue, before minifying)"
    )


main()
