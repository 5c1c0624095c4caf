#!/usr/bin/env python3
"""Build the SciFact evaluation library.

Usage: scifact_library.py SCIFACT_DIR OUT_DIR

Reads SCIFACT_DIR/corpus.jsonl (BEIR SciFact: abstracts ODC-By 1.0, claims CC BY 4.0; Wadden et
al. 2020) and writes OUT_DIR/<corpus-id>.md for every abstract listed, one corpus id a line, in
eval/datasets/scifact-library.txt (next to this script's folder), with YAML front matter (the
abstract's title, language en) and the abstract as the body. The front matter names no licence:
Pathwise does not know the SPDX id ODC-By-1.0 and refuses a document whose licence it does not
know. An abstract listed in eval/datasets/scifact-held-out.txt is never written.

Exits with 2 and one line on stderr when OUT_DIR exists and is not empty, an input is missing, or
the two lists overlap. Prints the counts at the end.
"""

import json
import sys
from pathlib import Path

DATASETS = Path(__file__).resolve().parent.parent / "datasets"
LIBRARY = DATASETS / "scifact-library.txt"
HELD_OUT = DATASETS / "scifact-held-out.txt"


def fail(message):
    print(f"scifact_library: {message}", file=sys.stderr)
    sys.exit(2)


def ids(path):
    if not path.is_file():
        fail(f"no list at {path}")
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def quoted(text):
    """A YAML double-quoted scalar (JSON's escapes are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def main(argv):
    if len(argv) != 3:
        fail("usage: scifact_library.py SCIFACT_DIR OUT_DIR")
    source, out = Path(argv[1]), Path(argv[2])
    corpus_file = source / "corpus.jsonl"
    if not corpus_file.is_file():
        fail(f"no corpus.jsonl in {source}")
    library, held_out = ids(LIBRARY), set(ids(HELD_OUT))
    both = sorted(set(library) & held_out)
    if both:
        fail(f"abstract {both[0]} is both in the library and held out")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        fail(f"{out} exists and is not empty")

    wanted = set(library)
    abstracts = {}
    total = 0
    with corpus_file.open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            total += 1
            if doc["_id"] in wanted:
                abstracts[doc["_id"]] = doc
    missing = [i for i in library if i not in abstracts]
    if missing:
        fail(f"abstract {missing[0]} is not in corpus.jsonl")

    out.mkdir(parents=True, exist_ok=True)
    for corpus_id in library:
        doc = abstracts[corpus_id]
        title = " ".join(doc["title"].split()) or corpus_id
        front = f"---\ntitle: {quoted(title)}\nlanguage: en\n---\n\n"
        (out / f"{corpus_id}.md").write_text(front + doc["text"].strip() + "\n", encoding="utf-8")

    print(f"abstracts in corpus.jsonl: {total}")
    print(f"held out: {len(held_out)}")
    print(f"written: {len(library)}")


if __name__ == "__main__":
    main(sys.argv)
