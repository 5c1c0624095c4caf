#!/usr/bin/env python3
"""Build the XQuAD evaluation library.

Usage: xquad_library.py [--all] XQUAD_DIR OUT_DIR

Reads XQUAD_DIR/xquad.en.json (XQuAD, Artetxe et al. 2020, CC BY-SA 4.0: 48 English Wikipedia
articles of 5 paragraphs each, in SQuAD format) and writes every paragraph of the articles that
are not held out as OUT_DIR/<article-title-slug>/<n>.md, n = 1 to 5 in the article's order, with
YAML front matter (title "<Article title> (<n>)", language en, licence CC-BY-SA-4.0, source_url)
and the paragraph as the body. The held-out articles are listed, one SQuAD title a line
(e.g. Super_Bowl_50), in eval/datasets/xquad-held-out.txt (next to this script's folder).

With --all, no article is held out: all 240 paragraphs are written, the library that
xquad_questions.py --all asks every XQuAD question against (the cross-lingual measurement).

Exits with 2 and one line on stderr when OUT_DIR exists and is not empty, or an input is missing.
Prints the counts at the end.
"""

import json
import re
import sys
from pathlib import Path

HELD_OUT = Path(__file__).resolve().parent.parent / "datasets" / "xquad-held-out.txt"
SOURCE_URL = "https://github.com/google-deepmind/xquad"


def fail(message):
    print(f"xquad_library: {message}", file=sys.stderr)
    sys.exit(2)


def slug(title):
    """The folder name of an article: "Fresno,_California" -> "fresno-california"."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def display_title(title):
    return title.replace("_", " ")


def quoted(text):
    """A YAML double-quoted scalar (JSON's escapes are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def main(argv):
    everything = len(argv) == 4 and argv[1] == "--all"
    if everything:
        argv = argv[:1] + argv[2:]
    if len(argv) != 3:
        fail("usage: xquad_library.py [--all] XQUAD_DIR OUT_DIR")
    source, out = Path(argv[1]), Path(argv[2])
    english = source / "xquad.en.json"
    if not english.is_file():
        fail(f"no xquad.en.json in {source}")
    if not HELD_OUT.is_file():
        fail(f"no held-out list at {HELD_OUT}")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        fail(f"{out} exists and is not empty")

    articles = json.loads(english.read_text(encoding="utf-8"))["data"]
    titles = [article["title"] for article in articles]
    held_out = {line.strip() for line in HELD_OUT.read_text(encoding="utf-8").splitlines() if line.strip()}
    if everything:
        held_out = set()
    unknown = sorted(held_out - set(titles))
    if unknown:
        fail(f"held-out article not in xquad.en.json: {unknown[0]}")
    slugs = [slug(title) for title in titles]
    if len(set(slugs)) != len(slugs):
        fail("two articles have the same folder name")

    written = 0
    for article, folder in zip(articles, slugs):
        if article["title"] in held_out:
            continue
        for n, paragraph in enumerate(article["paragraphs"], 1):
            target = out / folder / f"{n}.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            title = f"{display_title(article['title'])} ({n})"
            front = (
                "---\n"
                f"title: {quoted(title)}\n"
                "language: en\n"
                "licence: CC-BY-SA-4.0\n"
                f"source_url: {SOURCE_URL}\n"
                "---\n\n"
            )
            target.write_text(front + paragraph["context"].strip() + "\n", encoding="utf-8")
            written += 1

    print(f"articles: {len(articles)}, held out: {len(held_out)}, written: {len(articles) - len(held_out)}")
    print(f"paragraphs written: {written}")


if __name__ == "__main__":
    main(sys.argv)
