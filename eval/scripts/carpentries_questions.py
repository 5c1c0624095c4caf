#!/usr/bin/env python3
"""Write the Carpentries question sets.

Usage: carpentries_questions.py CARPENTRIES_DIR OUT_DIR

From the repository root:

    python3 eval/scripts/carpentries_questions.py ../shared/datasets/carpentries eval/datasets

Reads CARPENTRIES_DIR/catalog.json (four lessons of The Carpentries, CC BY 4.0) and the held-out
episodes listed, one catalog `file` a line, in OUT_DIR/carpentries-held-out.txt, and writes
OUT_DIR/carpentries-calibration.jsonl (instructor-training, shell-novice) and
OUT_DIR/carpentries-test.jsonl (lesson-development-training, git-novice), replacing them.

Every catalog question of an episode becomes one item, id cp-<lesson>-<episode order>-q<k>, in
catalog order. A question of a kept episode is answerable from that episode, with the episode's
key points (Markdown links reduced to their text) as its reference answer. A question of a held-out
episode expects abstain, unless it was found by hand to be answered by kept episodes (RELABEL
below: answerable, tag `relabelled`, with those episodes and a reference answer written from them).
The questions in DROP are left out of both sets. eval/datasets/README.md gives the reasons.

Exits with 2 and one line on stderr when an input is missing. Prints the counts at the end.
"""

import json
import re
import sys
from pathlib import Path

SHORT = {"instructor-training": "it", "lesson-development-training": "ldt", "shell-novice": "shell",
         "git-novice": "git"}
CALIBRATION = {"instructor-training", "shell-novice"}
HELD_OUT = "carpentries-held-out.txt"
IT, LDT, SH, GIT = ("instructor-training/episodes/", "lesson-development-training/episodes/",
                    "shell-novice/episodes/", "git-novice/episodes/")

# Questions left out of both sets, with the reason.
DROP = {
    "cp-it-06-q2": 'refers to "this feedback" of the previous question; kept episodes answer it only in part',
    "cp-it-14-q1": 'kept episodes say only that certification ends with "checkout", which includes a teaching '
                   "demonstration; the full requirements are only in the held-out episode",
    "cp-it-13-q1": "same wording as cp-it-12-q1, which names both episodes as sources",
    "cp-it-20-q1": "asks about the reader's own teaching; no text can answer it",
    "cp-it-25-q1": "asks for the reader's opinion of the training",
    "cp-ldt-01-q2": "asks who the trainers of a particular event are",
    "cp-ldt-01-q3": "asks who the participants of a particular event are",
    "cp-ldt-02-q2": "asks which lesson the reader wants to develop",
    "cp-ldt-10-q4": "not one of the episode's questions: the catalog took it from an example episode file shown "
                    "in a code block, which the library keeps verbatim",
    "cp-ldt-11-q2": "kept episodes answer it only in part (the Incubator, Slack, GitHub skill-ups); the held-out "
                    "episode has the list of channels",
    "cp-ldt-13-q2": "asks for the reader's opinion of the training",
}

# Questions of held-out episodes that kept episodes answer: answerable, with those episodes as sources.
RELABEL = {
    "cp-it-02-q1": ([IT + "05-memory.md", IT + "04-expertise.md"],
        "Learning involves memory: short-term (working) memory holds only a few items for a few seconds, so new "
        "information is retained when small amounts are interspersed with practice that moves it into long-term "
        "memory, which is why going slowly and frequent formative assessment matter. Novices lack a mental model of "
        "a domain, competent practitioners have one that works well enough for most situations, and experts' "
        "mental models are densely connected."),
    "cp-it-02-q2": ([IT + "04-expertise.md", IT + "21-management.md"],
        "Carpentries workshops target novices, typically researchers whose primary goal is not to learn programming "
        "but to do better and more efficient research; participants come from a variety of backgrounds and skill "
        "levels, and some have avoided programming because they believe the time investment will be excessive."),
    "cp-it-02-q3": ([IT + "04-expertise.md", IT + "05-memory.md"],
        "By helping them form a functional mental model: novices lack a mental model of the domain or have a very "
        "incomplete one, while competent practitioners have mental models that work well enough for most situations. "
        "Guided practice, which focuses on specific skills step by step with feedback at each step, helps novices "
        "build it without cognitive overload."),
    "cp-it-06-q1": ([IT + "21-management.md", LDT + "preparing.md"],
        "Collect feedback throughout the workshop with minute cards (sticky notes or a virtual form where learners "
        "say what is working well and what could be improved, e.g. at the end of each session) and check in with "
        "sticky notes or reactions during teaching; at the end, hold a wrap-up feedback session and make time for "
        "the post-workshop survey."),
    "cp-it-11-q1": ([IT + "01-welcome.md", IT + "13-second-welcome.md", IT + "20-performance.md"],
        "Teaching is a skill that requires practice and feedback: practise teaching (for example short "
        "participatory live-coding demonstrations), give and receive constructive feedback, reflect on your "
        "practice, and incorporate the changes the feedback suggests the next time you teach."),
    "cp-it-18-q1": ([LDT + "preparing.md", IT + "21-management.md"],
        "Create a teaching plan (welcome, introductions and motivation; setup; segments of teaching and exercises; "
        "checkpoints to check in with learners; visual aids; resources) and a plan for collecting feedback, and when "
        "you teach with others, plan the workshop together with your instructional team."),
    "cp-it-23-q1": ([LDT + "preparing.md"],
        "Start with a welcome, introductions and motivation: introduce yourself, the aims and objectives of the "
        "lesson and how it will help learners, then check that everyone's setup is ready before the first segment "
        "of teaching."),
    "cp-ldt-02-q1": ([LDT + "objectives.md", LDT + "formative-assessment.md", LDT + "audience.md"],
        "Follow an iterative backward design process: identify the target audience, define the desired learning "
        "outcomes (objectives), design assessments for those outcomes, and only then write the explanatory "
        "content."),
    "cp-ldt-05-q3": ([GIT + "10-open.md"],
        "In open access data repositories: specialised repositories for particular research domains (e.g. OpenNeuro "
        "for neuroscience, the European Nucleotide Archive for genomics) and generalist repositories such as "
        "figshare, Zenodo or Dryad."),
    "cp-ldt-08-q1": ([LDT + "formative-assessment.md"],
        "Because lessons are designed backwards: the objectives and assessments come first, and creating all the "
        "assessments before writing the explanatory content makes sure you know exactly what knowledge you expect "
        "from learners at each point of the lesson."),
    "cp-ldt-08-q2": ([IT + "08-motivation.md", IT + "04-expertise.md"],
        "Avoid demotivating behaviour: do not talk contemptuously about any tool or practice, dive into complex "
        "technical discussions with one or two advanced learners, pretend to know more than you do, use 'just' or "
        "other dismissive words, take over a learner's keyboard, or express surprise that someone does not know "
        "something."),
    "cp-ldt-08-q3": ([LDT + "objectives.md"],
        "Use the lesson's learning objectives: writing them defines the lesson's scope and helps with difficult "
        "decisions about what to cut. Trying to fit too much content into a lesson is counter-productive, and "
        "learners need foundational knowledge and conceptual understanding before higher-level skills."),
    "cp-shell-02-q1": ([SH + "03-create.md"],
        "Change your working directory with `cd`, for example `cd thesis`; `..` refers to the parent directory "
        "(one level up) and `.` to the current directory."),
    "cp-shell-02-q2": ([SH + "01-intro.md", SH + "03-create.md"],
        "Use `ls` (short for listing), which lists the contents of the current directory; given a file or "
        "directory as an argument it lists only that file or directory."),
    "cp-shell-02-q3": ([SH + "03-create.md"],
        "With a path: a relative path such as `thesis` (without a leading slash, unlike `/what/ever/thesis`) is "
        "interpreted from the current working directory; `..` refers to the parent directory and `.` to the "
        "current directory."),
    "cp-shell-05-q1": ([SH + "06-script.md"],
        "Use a `for` loop, which runs the same commands once for each file, e.g. `for datafile in \"$@\"` ... "
        "`bash goostats.sh $datafile stats-$datafile` ... `done` saved in a script and run as "
        "`bash do-stats.sh NENE*A.txt NENE*B.txt`; wildcards such as `*` select many files at once."),
    "cp-git-05-q1": ([GIT + "04-changes.md", GIT + "07-github.md"],
        "`git log` lists all commits in reverse chronological order with each commit's full identifier, author, "
        "date and message; `git diff ID1..ID2` shows the differences between two commits and `git checkout ID` "
        "shows the files as they were at a commit."),
    "cp-git-05-q2": ([GIT + "04-changes.md"],
        "Use `git diff`: without arguments it shows the differences between the working directory and the staging "
        "area, and `git diff --staged` shows what has been staged; it is good practice to review changes this way "
        "before committing them."),
    "cp-git-05-q3": ([GIT + "09-conflict.md", GIT + "07-github.md"],
        "Check out the old version by its commit identifier, e.g. `git checkout 439dc8c0 guacamole.jpg` (or "
        "`git checkout HEAD guacamole.jpg` for the last committed version), then add and commit it; `git log` "
        "shows the identifiers."),
    "cp-git-08-q1": ([GIT + "07-github.md", GIT + "09-conflict.md", GIT + "01-basics.md"],
        "Keep the repository on a shared remote such as GitHub: people work in parallel in their own copies, "
        "`git push` sends their commits to the remote and `git pull` brings in the others'; when two people change "
        "the same lines Git reports a conflict, which they resolve before committing."),
}
# A kept question that a second episode answers as well.
EXTRA_SOURCES = {"cp-it-12-q1": [IT + "13-second-welcome.md"]}
# Key points the catalog took from an example episode shown in a code block, not the episode's own.
NOT_KEYPOINTS = {
    "Use `.md` files for episodes when you want static content",
    "Use `.Rmd` files for episodes when you need to generate output",
    "Run `sandpaper::check_lesson()` to identify any issues with your lesson",
    "Run `sandpaper::build_lesson()` to preview your lesson locally",
}


def fail(message):
    print(f"carpentries_questions: {message}", file=sys.stderr)
    sys.exit(2)


def plain(text):
    """Markdown links reduced to their text."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", text)


def item(qid, question, sources, expect, reference, tags):
    return dict(id=qid, question=question, expected_sources=sources, expect=expect,
                reference_answer=reference, language="en", tags=tags)


def build(catalog, held_out):
    """The items of each split, in catalog order."""
    sets = {"calibration": [], "test": []}
    seen = set()
    for lesson in catalog:
        name = lesson["lesson_id"]
        split = "calibration" if name in CALIBRATION else "test"
        for episode in lesson["episodes"]:
            keypoints = [plain(k) for k in episode["keypoints"] if k not in NOT_KEYPOINTS]
            for k, question in enumerate(episode["questions"], 1):
                qid = f"cp-{SHORT[name]}-{episode['order']:02d}-q{k}"
                seen.add(qid)
                if qid in DROP:
                    continue
                tags = [name, "carpentries"]
                if episode["file"] in held_out and qid in RELABEL:
                    sources, reference = RELABEL[qid]
                    sets[split].append(item(qid, question, sources, "answer", reference, tags + ["relabelled"]))
                elif episode["file"] in held_out:
                    sets[split].append(item(qid, question, [], "abstain", "", tags))
                else:
                    sources = [episode["file"]] + EXTRA_SOURCES.get(qid, [])
                    sets[split].append(item(qid, question, sources, "answer", " ".join(keypoints), tags))
    unknown = sorted((set(DROP) | set(RELABEL) | set(EXTRA_SOURCES)) - seen)
    if unknown:
        fail(f"question not in the catalog: {unknown[0]}")
    return sets


def main(argv):
    if len(argv) != 3:
        fail("usage: carpentries_questions.py CARPENTRIES_DIR OUT_DIR")
    source, out = Path(argv[1]), Path(argv[2])
    catalog_file = source / "catalog.json"
    if not catalog_file.is_file():
        fail(f"no catalog.json in {source}")
    if not (out / HELD_OUT).is_file():
        fail(f"no {HELD_OUT} in {out}")

    catalog = json.loads(catalog_file.read_text(encoding="utf-8"))
    unknown = sorted({lesson["lesson_id"] for lesson in catalog} - set(SHORT))
    if unknown:
        fail(f"unexpected lesson in catalog.json: {unknown[0]}")
    held_out = set((out / HELD_OUT).read_text(encoding="utf-8").split())

    for split, items in build(catalog, held_out).items():
        with open(out / f"carpentries-{split}.jsonl", "w", encoding="utf-8") as f:
            for entry in items:
                f.write(json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n")
        answer = sum(entry["expect"] == "answer" for entry in items)
        relabelled = sum("relabelled" in entry["tags"] for entry in items)
        print(f"{split}: {len(items)} questions, answer {answer} (relabelled {relabelled}), "
              f"abstain {len(items) - answer}")
    print(f"dropped: {len(DROP)}")


if __name__ == "__main__":
    main(sys.argv)
