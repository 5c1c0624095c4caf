#!/usr/bin/env python3
"""Write the XQuAD question sets.

Usage: xquad_questions.py [--all] XQUAD_DIR OUT_DIR

From the repository root:

    python3 eval/scripts/xquad_questions.py ../shared/datasets/xquad eval/datasets

Reads XQUAD_DIR/xquad.<language>.json for en, es, de, ar, zh, vi and hi (XQuAD, Artetxe et al.
2020, CC BY-SA 4.0) and the held-out articles listed, one SQuAD title a line, in
OUT_DIR/xquad-held-out.txt, and writes OUT_DIR/xquad-calibration.jsonl and
OUT_DIR/xquad-test.jsonl, replacing them.

Numbering the articles of xquad.en.json from 0, even-numbered articles go to the calibration set and
odd-numbered ones to the test set. For each paragraph, its first question is asked in all seven
languages (id xq-<question id>-<language>). In a kept article the question is answerable from the
paragraph's file of the library that xquad_library.py builds (<article-title-slug>/<n>.md), with the
English answer as the reference answer; in a held-out article it expects abstain.

With --all, writes OUT_DIR/xquad-all.jsonl instead: every question of every paragraph (1,190) in
all seven languages, each answerable from its paragraph in the library that
xquad_library.py --all builds, split "test" (a measurement, never a set to fit on).

Exits with 2 and one line on stderr when an input is missing. Prints the counts at the end.
"""

import collections
import json
import re
import sys
from pathlib import Path

LANGUAGES = ("en", "es", "de", "ar", "zh", "vi", "hi")
HELD_OUT = "xquad-held-out.txt"


def fail(message):
    print(f"xquad_questions: {message}", file=sys.stderr)
    sys.exit(2)


def slug(title):
    """The folder name of an article, as xquad_library.py writes it: "Fresno,_California" -> "fresno-california"."""
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def item(qid, question, sources, expect, reference, language):
    return dict(id=qid, question=question, expected_sources=sources, expect=expect,
                reference_answer=reference, language=language, tags=["xquad", language])


def main(argv):
    everything = len(argv) == 4 and argv[1] == "--all"
    if everything:
        argv = argv[:1] + argv[2:]
    if len(argv) != 3:
        fail("usage: xquad_questions.py [--all] XQUAD_DIR OUT_DIR")
    source, out = Path(argv[1]), Path(argv[2])
    for language in LANGUAGES:
        if not (source / f"xquad.{language}.json").is_file():
            fail(f"no xquad.{language}.json in {source}")
    if everything:
        write_all(source, out)
        return
    if not (out / HELD_OUT).is_file():
        fail(f"no {HELD_OUT} in {out}")

    data = {language: json.loads((source / f"xquad.{language}.json").read_text(encoding="utf-8"))["data"]
            for language in LANGUAGES}
    questions = {language: {qa["id"]: qa for article in data[language]
                            for paragraph in article["paragraphs"] for qa in paragraph["qas"]}
                 for language in LANGUAGES}
    held_out = set((out / HELD_OUT).read_text(encoding="utf-8").split())
    unknown = sorted(held_out - {article["title"] for article in data["en"]})
    if unknown:
        fail(f"held-out article not in xquad.en.json: {unknown[0]}")

    sets = {"calibration": [], "test": []}
    for i, article in enumerate(data["en"]):
        split = "calibration" if i % 2 == 0 else "test"
        for n, paragraph in enumerate(article["paragraphs"], 1):
            first = paragraph["qas"][0]
            for language in LANGUAGES:
                qid = f"xq-{first['id']}-{language}"
                text = " ".join(questions[language][first["id"]]["question"].split())
                if article["title"] in held_out:
                    sets[split].append(item(qid, text, [], "abstain", "", language))
                else:
                    sources = [f"{slug(article['title'])}/{n}.md"]
                    reference = first["answers"][0]["text"].strip()
                    sets[split].append(item(qid, text, sources, "answer", reference, language))

    for split, items in sets.items():
        with open(out / f"xquad-{split}.jsonl", "w", encoding="utf-8") as f:
            for entry in items:
                f.write(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n")
        expect = collections.Counter(entry["expect"] for entry in items)
        kept = {entry["expected_sources"][0].split("/")[0] for entry in items if entry["expected_sources"]}
        print(f"{split}: {len(items)} questions, answer {expect['answer']}, abstain {expect['abstain']}, "
              f"kept articles {len(kept)}")


def write_all(source, out):
    """Every question of every paragraph in every language, answerable from its paragraph's file."""
    data = {language: json.loads((source / f"xquad.{language}.json").read_text(encoding="utf-8"))["data"]
            for language in LANGUAGES}
    questions = {language: {qa["id"]: qa for article in data[language]
                            for paragraph in article["paragraphs"] for qa in paragraph["qas"]}
                 for language in LANGUAGES}
    items = []
    for article in data["en"]:
        for n, paragraph in enumerate(article["paragraphs"], 1):
            for qa in paragraph["qas"]:
                for language in LANGUAGES:
                    if qa["id"] not in questions[language]:
                        fail(f"question {qa['id']} missing from xquad.{language}.json")
                    text = " ".join(questions[language][qa["id"]]["question"].split())
                    entry = item(f"xq-{qa['id']}-{language}", text, [f"{slug(article['title'])}/{n}.md"], "answer",
                                 qa["answers"][0]["text"].strip(), language)
                    entry["split"] = "test"
                    items.append(entry)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "xquad-all.jsonl", "w", encoding="utf-8") as f:
        for entry in items:
            f.write(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"all: {len(items)} questions, {len(items) // len(LANGUAGES)} in each of {len(LANGUAGES)} languages")


if __name__ == "__main__":
    main(sys.argv)
