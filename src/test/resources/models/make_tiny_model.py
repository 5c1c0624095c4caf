#!/usr/bin/env python3
"""Write the tiny sentence-embedding model that the tests load as an added ONNX model.

Usage: python3 src/test/resources/models/make_tiny_model.py

Writes tiny-multilingual/model.onnx, tokenizer.json and model.properties next to this script,
replacing them. The model has the inputs and output of a BERT export (input_ids, attention_mask,
token_type_ids -> last_hidden_state), so LangChain4j's OnnxEmbeddingModel runs it as it runs a real
one: each token's vector is a row of a fixed table (a seeded random one, 32 dimensions) plus a
token-type row, times the attention mask. A text's vector is then the mean of its words' rows, so
texts that share words are near each other; the English and Spanish word of each pair in PAIRS share
a row, which makes the model "multilingual" for those words. The tokenizer is a WordPiece
tokenizer over the vocabulary below, lower-casing and stripping accents like BERT's.

Needs Python 3 with the onnx and numpy packages (Debian: python3-onnx).
"""

import json
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

DIMENSIONS = 32
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
# English and Spanish words that mean the same thing share a row of the table
PAIRS = [("school", "escuela"), ("teacher", "profesor"), ("river", "rio"), ("valley", "valle"),
         ("opens", "abre"), ("september", "septiembre"), ("licence", "licencia"), ("open", "abierta"),
         ("slides", "diapositivas"), ("contrast", "contraste"), ("colour", "color"), ("student", "estudiante")]
WORDS = ["every", "the", "in", "a", "of", "floods", "spring", "roads", "cross", "east", "west", "query",
         "passage", ":", "?", "¿", ".", ",", "when", "does", "each", "cuando", "cada"]


def main():
    here = Path(__file__).resolve().parent / "tiny-multilingual"
    here.mkdir(exist_ok=True)
    vocabulary = list(SPECIAL)
    row_of = {token: i for i, token in enumerate(SPECIAL)}
    rows = len(SPECIAL)
    for english, spanish in PAIRS:
        for word in (english, spanish):
            row_of[word] = rows
            vocabulary.append(word)
        rows += 1
    for word in WORDS:
        row_of[word] = rows
        vocabulary.append(word)
        rows += 1

    random = np.random.default_rng(20261206)
    table = random.normal(size=(rows, DIMENSIONS)).astype(np.float32)
    table[0] = 0  # [PAD]
    # each vocabulary id points at its row: a Gather of the ids into this table
    by_id = np.stack([table[row_of[token]] for token in vocabulary]).astype(np.float32)
    types = (random.normal(size=(2, DIMENSIONS)) * 0.01).astype(np.float32)

    graph = helper.make_graph(
        [
            helper.make_node("Gather", ["words", "input_ids"], ["word_rows"], axis=0),
            helper.make_node("Gather", ["types", "token_type_ids"], ["type_rows"], axis=0),
            helper.make_node("Add", ["word_rows", "type_rows"], ["summed"]),
            helper.make_node("Cast", ["attention_mask"], ["mask_float"], to=TensorProto.FLOAT),
            helper.make_node("Unsqueeze", ["mask_float", "last_axis"], ["mask"]),
            helper.make_node("Mul", ["summed", "mask"], ["last_hidden_state"]),
        ],
        "tiny-multilingual",
        [
            helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "sequence"])
            for name in ("input_ids", "attention_mask", "token_type_ids")
        ],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", DIMENSIONS])],
        [
            numpy_helper.from_array(by_id, "words"),
            numpy_helper.from_array(types, "types"),
            numpy_helper.from_array(np.array([-1], dtype=np.int64), "last_axis"),
        ],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="pathwise-tests")
    model.ir_version = 8
    onnx.checker.check_model(model)
    onnx.save(model, here / "model.onnx")

    tokenizer = {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [
            {"id": i, "content": token, "single_word": False, "lstrip": False, "rstrip": False,
             "normalized": False, "special": True}
            for i, token in enumerate(SPECIAL)
        ],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": True, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                       {"SpecialToken": {"id": "[SEP]", "type_id": 0}}],
            "pair": [{"SpecialToken": {"id": "[CLS]", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                     {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {
                "[CLS]": {"id": "[CLS]", "ids": [2], "tokens": ["[CLS]"]},
                "[SEP]": {"id": "[SEP]", "ids": [3], "tokens": ["[SEP]"]},
            },
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": {token: i for i, token in enumerate(vocabulary)}},
    }
    (here / "tokenizer.json").write_text(json.dumps(tokenizer, ensure_ascii=False, indent=1) + "\n",
                                         encoding="utf-8")
    (here / "model.properties").write_text(
        "# A tiny test model written by ../make_tiny_model.py: not a real embedding model.\n"
        "pooling=mean\n"
        f"dimension={DIMENSIONS}\n"
        "query-prefix=query: \n"
        "passage-prefix=passage: \n"
        "max-tokens=128\n"
        "languages=en,es\n",
        encoding="utf-8")
    print(f"wrote {here}: {len(vocabulary)} tokens, {DIMENSIONS} dimensions")


if __name__ == "__main__":
    main()
