"""Takes the stream adapters' dead closures out of the main wasm's table.

Leptos always brings server functions' browser support, whose stream
adapters (the wasm-streams crate) are exported to JavaScript; .ci/split
removes those exports. But the linker had already put the closures those
adapters make (a promise per read or write) into the function table, and a
table entry keeps a function, and all it calls, alive: about 8 KB of
code, 2.7 KB after brotli, that nothing can reach once the exports are gone.

Reads the text form of the wasm (wasm-dis, names kept), points each table
entry whose function is one of those closures at one stub that traps, and
writes the text back; wasm-opt then drops the code no longer reached. The
table keeps its size and every other entry its index. Should such a
closure ever be called after all, the stub traps and the page shows its
error message rather than doing something wrong.

Which entries: those whose (mangled) name holds one of the adapters' own
types, `IntoUnderlyingSource`, `IntoUnderlyingByteSource` or
`IntoUnderlyingSink`. Not every name that merely ends in `wasm_streams`:
that is the crate that first instantiated a generic function, such as
`Rc::<Task>::new`, which every `spawn_local` shares.

Usage: python3 .ci/unstream.py in.wat out.wat
"""

import sys

STUB = "$__unreachable_stream_closure"

source, target = sys.argv[1], sys.argv[2]
lines = open(source, encoding="utf-8").read().split("\n")
tables = [i for i, line in enumerate(lines) if line.startswith(" (elem ") and " func $" in line]
replaced = 0
for i in tables:
    words = lines[i].split(" ")
    for w, word in enumerate(words):
        if word.startswith("$") and "IntoUnderlying" in word:
            words[w] = STUB
            replaced += 1
    lines[i] = " ".join(words)
if replaced:
    lines.insert(tables[-1] + 1, f" (func {STUB} unreachable)")
    print(f"[split] {replaced} table entries of unreachable stream closures dropped")
else:
    print("[split] no stream closures in the table (nothing to drop)")
open(target, "w", encoding="utf-8").write("\n".join(lines))
