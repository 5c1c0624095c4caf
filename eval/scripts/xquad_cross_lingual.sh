#!/usr/bin/env bash
# Cross-lingual retrieval and answers on all of XQuAD, per question language.
#
# Usage: eval/scripts/xquad_cross_lingual.sh XQUAD_DIR [WORK_DIR]
#
# From the repository root, after ./mvnw package:
#
#     eval/scripts/xquad_cross_lingual.sh ../shared/datasets/xquad
#
# Builds the library of all 240 English paragraphs (xquad_library.py --all), writes every XQuAD question in
# its seven languages (xquad_questions.py --all: 8,330 questions), ingests the library and runs `eval` on the
# questions once per configuration, then prints each run's table per question language: the expected paragraph
# in the top 5 retrieved and the questions answered citing it, with their 95% Wilson intervals.
#
# Configurations:
#   bundled       the bundled English embedding model, no dictionaries
#   dictionaries  the same model, questions translated with the FreeDict dictionaries installed in
#                 /usr/share/dictd (Debian's dict-freedict-* packages) and CC-CEDICT there as cedict_ts.u8
#                 (docs/library.md); PATHWISE_RETRIEVAL_DICTIONARIES_FOLDER names another folder; none
#                 installed: same as bundled
#   multilingual  only when PATHWISE_EMBEDDING_MODEL names a model folder under PATHWISE_EMBEDDING_MODELS_DIR
#                 (see models/README.md): the library re-embedded with it, dictionaries off
#
# WORK_DIR (default: a new temporary folder) keeps the library, the data directories and the reports
# (WORK_DIR/reports/<run id>/report.html). Exits with 2 and one line on stderr when an input is missing.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "xquad_cross_lingual: usage: xquad_cross_lingual.sh XQUAD_DIR [WORK_DIR]" >&2
  exit 2
fi
xquad="$1"
work="${2:-$(mktemp -d)}"
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/target/pathwise.jar"
[[ -f "$jar" ]] || { echo "xquad_cross_lingual: no $jar: run ./mvnw package first" >&2; exit 2; }
[[ -f "$xquad/xquad.en.json" ]] || { echo "xquad_cross_lingual: no xquad.en.json in $xquad" >&2; exit 2; }
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

mkdir -p "$work"
[[ -d "$work/library" ]] || python3 "$here/xquad_library.py" --all "$xquad" "$work/library"
python3 "$here/xquad_questions.py" --all "$xquad" "$work" > /dev/null

run() {
  local name="$1" data="$2"
  shift 2
  echo "== $name"
  env "$@" "$java" --add-modules jdk.incubator.vector -jar "$jar" --data-dir "$data" \
    eval "$work/xquad-all.jsonl" --report-dir "$work/reports" > "$work/$name.txt" 2>&1 ||
    { tail -5 "$work/$name.txt" >&2; exit 1; }
  awk '/^language /{show=1} /^run /{show=0} show' "$work/$name.txt"
  grep '^run ' "$work/$name.txt"
}

bundled_data="$work/data-bundled"
if [[ ! -d "$bundled_data/index" ]]; then
  env -u PATHWISE_EMBEDDING_MODEL "$java" -jar "$jar" --data-dir "$bundled_data" ingest "$work/library" > /dev/null
fi
run bundled "$bundled_data" -u PATHWISE_EMBEDDING_MODEL PATHWISE_RETRIEVAL_DICTIONARIES_ENABLED=false
run dictionaries "$bundled_data" -u PATHWISE_EMBEDDING_MODEL PATHWISE_RETRIEVAL_DICTIONARIES_ENABLED=true

if [[ -n "${PATHWISE_EMBEDDING_MODEL:-}" ]]; then
  model_data="$work/data-$PATHWISE_EMBEDDING_MODEL"
  [[ -d "$model_data/index" ]] || "$java" -jar "$jar" --data-dir "$model_data" ingest "$work/library" > /dev/null
  run "multilingual-$PATHWISE_EMBEDDING_MODEL" "$model_data" PATHWISE_RETRIEVAL_DICTIONARIES_ENABLED=false
fi
