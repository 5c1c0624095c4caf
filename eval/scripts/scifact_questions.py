#!/usr/bin/env python3
"""Choose the SciFact claims and library abstracts and write the SciFact question sets.

Usage: scifact_questions.py SCIFACT_DIR OUT_DIR

From the repository root:

    python3 eval/scripts/scifact_questions.py ../shared/datasets/beir-scifact eval/datasets

Reads SCIFACT_DIR/corpus.jsonl, queries.jsonl, qrels/train.tsv and qrels/test.tsv (BEIR SciFact:
claims CC BY 4.0, abstracts ODC-By 1.0; Wadden et al. 2020) and writes, replacing them:

- OUT_DIR/scifact-calibration.jsonl (claims of qrels/train.tsv) and OUT_DIR/scifact-test.jsonl
  (claims of qrels/test.tsv);
- OUT_DIR/scifact-held-out.txt, the abstracts of the held-out claims, one corpus id a line;
- OUT_DIR/scifact-library.txt, the abstracts that scifact_library.py puts in the library.

Only claims with evidence are used. With random.Random(2020), 200 train and 150 test claims are
sampled; claims that cite a common abstract are grouped, and whole groups are held out while each
split stays within a third of its claims, so that a held-out abstract is never the evidence of a kept
claim. The library holds the kept claims' abstracts and 1,000 distractors. A held-out claim expects
abstain; a kept one is answerable from its qrels abstracts, with their evidence sentences as the
reference answer (or the claim itself, tag reference:claim, when the abstract cannot be split into
sentences that line up with the annotation). DROP and BEARING hold what was found by hand;
eval/datasets/README.md gives the details. Checked with Python 3.11.

Exits with 2 and one line on stderr when an input is missing. Prints the counts at the end.
"""

import collections
import csv
import json
import random
import re
import sys
from pathlib import Path

SEED = 2020
SIZES = {"train": 200, "test": 150}
SPLIT_FILE = {"train": "calibration", "test": "test"}
DISTRACTORS = 1000

# Held-out claims that a kept evidence abstract answers: left out of both sets.
DROP = {"791", "973"}
# Abstracts found by hand to support or contradict a held-out claim (corpus id: claim id): never distractors.
BEARING = {"27134527": "756", "5765455": "1261", "28651643": "308", "10559501": "1020", "17482507": "1050",
           "4417558": "737", "4465735": "118", "544971": "314"}

ABBREVIATIONS = {"e.g.", "i.e.", "al.", "vs.", "fig.", "figs.", "approx.", "ca.", "no.", "nos.", "ref.", "refs.",
                 "cf.", "etc.", "dr.", "mr.", "mrs.", "st.", "resp.", "spp.", "sp.", "var.", "eq.", "eqs.", "vol.",
                 "p.", "pp."}


def fail(message):
    print(f"scifact_questions: {message}", file=sys.stderr)
    sys.exit(2)


def read_jsonl(path):
    """The records of a JSON Lines file by their _id."""
    records = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            records[record["_id"]] = record
    return records


def read_qrels(path):
    """Claim id -> its cited corpus ids, in file order, without repeats."""
    docs = collections.defaultdict(list)
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            if row["corpus-id"] not in docs[row["query-id"]]:
                docs[row["query-id"]].append(row["corpus-id"])
    return dict(docs)


def sentences(text):
    """Splits after . ! ? followed by a space, except after abbreviations and initials."""
    out, start = [], 0
    for m in re.finditer(r"[.!?]\s+(?=\S)", text):
        end = m.start() + 1
        tokens = text[start:end].split()
        last = tokens[-1].lower() if tokens else ""
        if last in ABBREVIATIONS or re.fullmatch(r"[a-z]\.", last) or text[m.end()] in ",;:)]":
            continue
        out.append(text[start:end].strip())
        start = m.end()
    out.append(text[start:].strip())
    return [s for s in out if s]


def words(s):
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if len(w) > 3}


def evidence(claim, corpus):
    """The evidence sentences, or None when the split does not line up with the annotated indices.

    The split is accepted when every evidence index exists and, for every evidence abstract, the
    indexed sentences share a content word with the claim and at least as many as the same indices
    shifted by one either way.
    """
    claim_words = words(claim["text"])
    found = []
    for doc, evidence_sets in claim["metadata"].items():
        sents = sentences(corpus[doc]["text"])
        idx = sorted({i for s in evidence_sets for i in s["sentences"]})
        if max(idx) >= len(sents):
            return None

        def overlap(shift):
            shifted = [i + shift for i in idx]
            if min(shifted) < 0 or max(shifted) >= len(sents):
                return -1
            return len(claim_words & set().union(*(words(sents[i]) for i in shifted)))

        here = overlap(0)
        if here == 0 or here < overlap(-1) or here < overlap(1):
            return None
        found += [sents[i] for i in idx]
    return " ".join(found)


def group_claims(split_of, all_qrels):
    """Claims connected through shared cited abstracts, each group sorted, in order of their first claim."""
    groups, seen = [], set()
    for q in sorted(split_of, key=int):
        if q in seen:
            continue
        group, todo = set(), [q]
        while todo:
            c = todo.pop()
            if c in group:
                continue
            group.add(c)
            todo += [o for o in split_of if o not in group and set(all_qrels[o]) & set(all_qrels[c])]
        seen |= group
        groups.append(sorted(group, key=int))
    return groups


def main(argv):
    if len(argv) != 3:
        fail("usage: scifact_questions.py SCIFACT_DIR OUT_DIR")
    source, out = Path(argv[1]), Path(argv[2])
    inputs = [source / "corpus.jsonl", source / "queries.jsonl"] + [source / "qrels" / f"{s}.tsv" for s in SIZES]
    for path in inputs:
        if not path.is_file():
            fail(f"no {path.relative_to(source)} in {source}")
    if not out.is_dir():
        fail(f"no folder {out}")

    corpus = read_jsonl(source / "corpus.jsonl")
    claims = read_jsonl(source / "queries.jsonl")
    qrels = {split: read_qrels(source / "qrels" / f"{split}.tsv") for split in SIZES}
    all_qrels = {q: docs for split in SIZES for q, docs in qrels[split].items()}

    # Sample the claims with evidence.
    rng = random.Random(SEED)
    chosen = {}
    for split, size in SIZES.items():
        eligible = sorted((q for q in qrels[split] if claims[q]["metadata"]), key=int)
        chosen[split] = sorted(rng.sample(eligible, size), key=int)
    split_of = {q: split for split in SIZES for q in chosen[split]}

    # A held-out abstract must not be the evidence of a kept claim, so claims that share an abstract are
    # held out together or not at all: hold out groups in seeded order while each split stays within a
    # third of its claims.
    groups = group_claims(split_of, all_qrels)
    rng.shuffle(groups)
    target = {split: round(size / 3) for split, size in SIZES.items()}
    held = {split: set() for split in SIZES}
    for group in groups:
        need = collections.Counter(split_of[q] for q in group)
        if all(len(held[split]) + n <= target[split] for split, n in need.items()):
            for q in group:
                held[split_of[q]].add(q)
    kept_docs = {d for q in split_of if q not in held[split_of[q]] for d in all_qrels[q]}
    held_docs = {d for split in SIZES for q in held[split] for d in all_qrels[q]}
    if held_docs & kept_docs:
        fail("a held-out abstract is the evidence of a kept claim")

    # Distractors: other abstracts, never one cited (in any qrels) by a claim that shares a cited abstract
    # with a held-out claim, which could hold the same finding, nor one in BEARING.
    siblings = {d for docs in all_qrels.values() if set(docs) & held_docs for d in docs}
    pool = sorted((d for d in corpus if d not in kept_docs | held_docs | siblings), key=int)
    rng.shuffle(pool)
    distractors = [d for d in pool if d not in BEARING][:DISTRACTORS]
    library = sorted(kept_docs | set(distractors), key=int)

    for split in SIZES:
        items = []
        counts = collections.Counter()
        for q in chosen[split]:
            if q in DROP:
                continue
            claim = claims[q]
            labels = {s["label"] for evidence_sets in claim["metadata"].values() for s in evidence_sets}
            if len(labels) != 1:
                fail(f"claim {q} has labels {sorted(labels)}, expected one")
            label = labels.pop()
            tags = ["scifact", label]
            text = " ".join(claim["text"].split())
            if q in held[split]:
                item = dict(id=f"sf-{q}", question=text, expected_sources=[], expect="abstain",
                            reference_answer="", language="en", tags=tags)
            else:
                reference = evidence(claim, corpus)
                if reference is None:
                    reference = text
                    tags = tags + ["reference:claim"]
                item = dict(id=f"sf-{q}", question=text, expected_sources=[f"{d}.md" for d in all_qrels[q]],
                            expect="answer", reference_answer=reference, language="en", tags=tags)
            items.append(item)
            counts[(item["expect"], label, "reference:claim" in tags)] += 1
        with open(out / f"scifact-{SPLIT_FILE[split]}.jsonl", "w", encoding="utf-8") as f:
            for item in items:
                f.write(json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n")
        print(f"{SPLIT_FILE[split]}: {len(items)} claims")
        for (expect, label, claim_reference), n in sorted(counts.items()):
            print(f"  {expect} {label}{' reference:claim' if claim_reference else ''}: {n}")
    (out / "scifact-held-out.txt").write_text("".join(d + "\n" for d in sorted(held_docs, key=int)),
                                               encoding="utf-8")
    (out / "scifact-library.txt").write_text("".join(d + "\n" for d in library), encoding="utf-8")

    print(f"claim groups: {len(groups)}, of more than one claim: {sum(len(g) > 1 for g in groups)}")
    print(f"held-out claims: train {len(held['train'])}, test {len(held['test'])}")
    print(f"kept evidence abstracts: {len(kept_docs)}, held-out abstracts: {len(held_docs)}, "
          f"siblings excluded: {len(siblings - held_docs)}")
    print(f"distractors: {len(distractors)}, library: {len(library)}")


if __name__ == "__main__":
    main(sys.argv)
