"""Tells the service worker of this deploy (run by .ci/build, last before
esbuild; the pages themselves, with their Content Security Policy, are
finished by the pre-render program, src/prerender.rs).

The service worker is told the files of the pages' code split off the main
wasm (.ci/split), which no page names, and gets a version: a hash of
index.html, which names every other hashed file of this build, and of those
names. A new deploy therefore has a new sw.js, which the browser installs;
it caches the new files and removes the old cache. Run again on a finished
build (a test makes a second deploy this way), it stamps it afresh.
"""
import hashlib
import json
import pathlib
import re
import sys

dist = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "dist")
html = (dist / "index.html").read_text(encoding="utf-8")

# The code of pages opened later (.ci/split): named by no page, so the
# service worker is told of it, and caches it with the rest for offline use.
later = sorted(p.name for p in dist.glob("__wasm_split-*.js"))
# Each language's words and content are split parts named by its code
# (`split_lang_<code>`, `split_lang_<code>_apart`: `Language::part`), so the
# languages are read off the built files, never listed here. Not another
# language's words and content: a reader downloads only their own, and the
# app fetches those for offline use.
language_part = re.compile(r"^split_lang_([a-z]{2,3})(_apart)?-")
def another_language(name):
    found = language_part.match(name)
    return found is not None and found.group(1) != "en"


later += sorted(p.name for p in dist.glob("*.wasm") if p.name not in html and not another_language(p.name))
# Each other language's parts, by its code: the worker keeps those of the
# languages of the pages open when it installs (a reader's first visit
# fetched them before there was a worker to keep them).
own = {}
for p in sorted(dist.glob("split_lang_*.wasm")):
    code = language_part.match(p.name).group(1)
    if code != "en":
        own.setdefault(code, []).append(p.name)
for code in sorted(own):
    if not (dist / f"index.{code}.html").exists():
        sys.exit(f"{dist} has split_lang_{code} parts but no index.{code}.html")
version = "v-" + hashlib.sha256(
    (html + " ".join(later) + json.dumps(own, sort_keys=True)).encode("utf-8")
).hexdigest()[:16]
worker = dist / "sw.js"
text = worker.read_text(encoding="utf-8")
# (Run again on a finished build, sw.js is minified: `LATER=[...]`.)
listed = json.dumps(later)
text, n = re.subn(r"\bLATER\s*=\s*\[[^\]]*\]", lambda m: "LATER = " + listed, text)
if n != 1:
    sys.exit("sw.js has no `const LATER = [];` to fill in")
listed = json.dumps(own, sort_keys=True)
text, n = re.subn(r"\bLANGUAGE_PARTS\s*=\s*\{[^}]*\}", lambda m: "LANGUAGE_PARTS = " + listed, text)
if n != 1:
    sys.exit("sw.js has no `const LANGUAGE_PARTS = {};` to fill in")
stamped, n = re.subn(r"(const VERSION = ')dev(';)", rf"\g<1>{version}\g<2>", text)
if n == 0:
    stamped, n = re.subn(r"v-[0-9a-f]{16}", version, text)
if n != 1:
    sys.exit("sw.js has no `const VERSION = 'dev';` (or earlier stamp) to stamp")
worker.write_text(stamped, encoding="utf-8")
print(f"[build] service worker version {version}")
