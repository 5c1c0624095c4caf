#!/usr/bin/env python3
"""Build the Carpentries evaluation library.

Usage: carpentries_library.py CARPENTRIES_DIR OUT_DIR

Reads CARPENTRIES_DIR/catalog.json (four lessons of The Carpentries, CC BY 4.0) and writes
OUT_DIR/<lesson>/episodes/<file>.md for every episode except the held-out ones listed, one
catalog `file` a line, in eval/datasets/carpentries-held-out.txt (next to this script's folder).

Each episode's own `questions`, `objectives` and `keypoints` fenced divs are removed entirely,
because the evaluation questions and their reference answers are taken from them verbatim; every
other fenced div (challenge, solution, instructor, callout, ...) and the YAML front matter are
kept as they are. The instructor-training lesson's LICENSE.md is copied to OUT_DIR/LICENSE.md, so
that every document of the library inherits CC BY 4.0.

Exits with 2 and one line on stderr when OUT_DIR exists and is not empty, or an input is missing.
Prints the counts at the end.
"""

import json
import re
import shutil
import sys
from pathlib import Path

LESSONS = ("instructor-training", "lesson-development-training", "shell-novice", "git-novice")
REMOVED_DIVS = {"questions", "objectives", "keypoints"}
LICENSE_FROM = "instructor-training/LICENSE.md"
HELD_OUT = Path(__file__).resolve().parent.parent / "datasets" / "carpentries-held-out.txt"

# A Pandoc fenced div opens with three or more colons and a class name (``::: challenge``,
# ``:::{.callout}``) and closes with a line of colons alone. Divs nest.
# Fences inside a fenced code block are text (the lessons show examples of episode files).
OPEN = re.compile(r"^:{3,}\s*\{?\s*\.?([A-Za-z][\w-]*)")
CLOSE = re.compile(r"^:{3,}\s*$")
CODE = re.compile(r"^\s*(`{3,}|~{3,})")
CODE_CLOSE = re.compile(r"^\s*(`{3,}|~{3,})\s*$")


def fail(message):
    print(f"carpentries_library: {message}", file=sys.stderr)
    sys.exit(2)


def split_front_matter(text):
    """Returns (front matter including its fences, body); the front matter is '' when absent."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[: end + 5], text[end + 5 :]
    return "", text


def closes_code(fence, line):
    """Whether line closes the fenced code block that fence opened."""
    match = CODE_CLOSE.match(line)
    return bool(match) and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence)


def strip_divs(body, names):
    """Removes every fenced div whose class is in names, with everything nested in it, and the
    blank lines that follow it.

    Lines inside fenced code blocks are never taken for div fences. Returns the new text and the
    number of divs removed.
    """
    out = []
    code_fence = None  # the fence that opened the code block we are in
    depth = 0  # open divs, counting the removed one and those nested in it
    removing_at = None  # depth at which the div being removed was opened
    after_removed = False  # skipping the blank lines after a removed div
    removed = 0
    for line in body.splitlines(keepends=True):
        if after_removed and not line.strip():
            continue
        after_removed = False
        if code_fence is not None:
            if closes_code(code_fence, line):
                code_fence = None
        elif CODE.match(line):
            code_fence = CODE.match(line).group(1)
        elif OPEN.match(line):
            depth += 1
            if removing_at is None and OPEN.match(line).group(1).lower() in names:
                removing_at = depth
                removed += 1
        elif CLOSE.match(line):
            if depth == 0:
                raise ValueError("a closing fence without an opening one")
            depth -= 1
            if removing_at is not None and depth < removing_at:
                removing_at = None
                after_removed = True
                continue
        if removing_at is None:
            out.append(line)
    if depth != 0:
        raise ValueError("a fenced div is never closed")
    if code_fence is not None:
        raise ValueError("a fenced code block is never closed")
    return "".join(out), removed


def main(argv):
    if len(argv) != 3:
        fail("usage: carpentries_library.py CARPENTRIES_DIR OUT_DIR")
    source, out = Path(argv[1]), Path(argv[2])
    catalog_file = source / "catalog.json"
    if not catalog_file.is_file():
        fail(f"no catalog.json in {source}")
    if not HELD_OUT.is_file():
        fail(f"no held-out list at {HELD_OUT}")
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        fail(f"{out} exists and is not empty")

    catalog = json.loads(catalog_file.read_text(encoding="utf-8"))
    lessons = {lesson["lesson_id"]: lesson for lesson in catalog}
    missing = [name for name in LESSONS if name not in lessons]
    if missing:
        fail(f"catalog.json has no lesson {', '.join(missing)}")
    episodes = [episode for name in LESSONS for episode in lessons[name]["episodes"]]
    files = {episode["file"] for episode in episodes}
    held_out = {line.strip() for line in HELD_OUT.read_text(encoding="utf-8").splitlines() if line.strip()}
    unknown = sorted(held_out - files)
    if unknown:
        fail(f"held-out episode not in the catalog: {unknown[0]}")

    written = 0
    divs = 0
    words = 0
    per_lesson = {name: 0 for name in LESSONS}
    for episode in episodes:
        if episode["file"] in held_out:
            continue
        text = (source / episode["file"]).read_text(encoding="utf-8")
        front, body = split_front_matter(text)
        try:
            body, removed = strip_divs(body, REMOVED_DIVS)
        except ValueError as e:
            fail(f"{episode['file']}: {e}")
        if episode["questions"] and removed != len(REMOVED_DIVS):
            fail(f"{episode['file']}: {removed} questions, objectives or keypoints divs, expected 3")
        target = out / episode["file"]
        target.parent.mkdir(parents=True, exist_ok=True)
        body = body.lstrip("\n")
        target.write_text(front + "\n" + body if front else body, encoding="utf-8")
        written += 1
        divs += removed
        words += len(body.split())
        per_lesson[episode["file"].split("/")[0]] += 1
    shutil.copyfile(source / LICENSE_FROM, out / "LICENSE.md")

    print(f"episodes in the catalog: {len(episodes)}")
    print(f"held out: {len(held_out)}")
    for name in LESSONS:
        print(f"written {name}: {per_lesson[name]}")
    print(f"written: {written} episodes ({words} words), {divs} questions/objectives/keypoints divs removed")
    print(f"licence: {LICENSE_FROM} -> {out / 'LICENSE.md'}")


if __name__ == "__main__":
    main(sys.argv)
