"""Named-entity precision/recall/F1 of store.facts on ANERcorp (exact span), fixed split.

    python bench/facts_ner.py [--part test|dev|both] [--corpus PATH] [--errors N] [--without people.txt]

ANERcorp is one token per line with BIO tags (PERS, LOC, ORG, MISC). Sentences end at '.'
tokens; the first 80 % of sentences are the dev part (the only part rules were tuned on),
the last 20 % the test part. Consecutive sentences are fed to the extractor in windows of
DOC_SENTENCES as pseudo-documents (the corpus has no article boundaries), joined by spaces
as the tokens stand. Predicted entities map to the tokens they touch; PERSON↔PERS,
PLACE↔LOC, ORG↔ORG; UNIT (armies and armed units, which the corpus leaves untagged), DATE
and MISC are not scored. Anchors (same corpus, published): ANERsys 2.0 ≈ 0.55 F1 overall,
fine-tuned BERT ≈ 0.83.
"""

from __future__ import annotations

import argparse
import sys
import time
from bisect import bisect_right
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from store.facts import gazetteer
from store.facts.extract import extract_entities

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "ner" / "anercorp" / "ANERCorp"
DEV_SHARE = 0.8
DOC_SENTENCES = 20
TYPE_MAP = {"PERSON": "PERS", "PLACE": "LOC", "ORG": "ORG"}
SCORED = ("PERS", "LOC", "ORG")
ANCHORS = {"ANERsys 2.0 (Benajiba & Rosso 2007)": 0.55, "fine-tuned BERT (AraBERT-class)": 0.83}

Sentence = list[tuple[str, str]]
Span = tuple[int, int, int, str]
"""(sentence number, first token, last token, type)"""


def read_sentences(path: Path) -> list[Sentence]:
    """Token/tag pairs grouped into sentences ending at '.' tokens."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 2:
            continue
        current.append((parts[0], parts[1]))
        if parts[0] == ".":
            sentences.append(current)
            current = []
    if current:
        sentences.append(current)
    return sentences


def gold_spans(sentences: list[Sentence], first: int) -> set[Span]:
    """Entity spans from BIO tags (an I- without its B- starts a span, as conlleval does)."""
    spans: set[Span] = set()
    for n, sentence in enumerate(sentences, start=first):
        start, kind = None, None
        for i, (_, tag) in enumerate([*sentence, ("", "O")]):
            inside = tag.startswith("I-") and tag[2:] == kind
            if start is not None and not inside:
                if kind in SCORED:
                    spans.add((n, start, i - 1, kind))
                start, kind = None, None
            if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                start, kind = i, tag[2:]
    return spans


def predicted_spans(sentences: list[Sentence], first: int) -> set[Span]:
    """Extractor output on pseudo-documents, mapped back to sentence/token spans."""
    spans: set[Span] = set()
    for doc_start in range(0, len(sentences), DOC_SENTENCES):
        doc = sentences[doc_start : doc_start + DOC_SENTENCES]
        words: list[str] = []
        owners: list[tuple[int, int]] = []
        for n, sentence in enumerate(doc, start=first + doc_start):
            for i, (token, _) in enumerate(sentence):
                words.append(token)
                owners.append((n, i))
        starts, offset = [], 0
        for word in words:
            starts.append(offset)
            offset += len(word) + 1
        text = " ".join(words)
        for entity in extract_entities(text):
            kind = TYPE_MAP.get(entity.type)
            if kind is None:
                continue
            a = bisect_right(starts, entity.start) - 1
            b = bisect_right(starts, entity.end - 1) - 1
            (sa, ta), (sb, tb) = owners[a], owners[b]
            if sa == sb:
                spans.add((sa, ta, tb, kind))
    return spans


def score(gold: set[Span], predicted: set[Span]) -> dict[str, tuple[float, float, float, int]]:
    """Precision, recall, F1 and gold count per type and overall."""
    table = {}
    for kind in (*SCORED, "overall"):
        g = {s for s in gold if kind in ("overall", s[3])}
        p = {s for s in predicted if kind in ("overall", s[3])}
        tp = len(g & p)
        precision = tp / len(p) if p else 0.0
        recall = tp / len(g) if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        table[kind] = (precision, recall, f1, len(g))
    return table


def show_errors(sentences: list[Sentence], first: int, gold: set[Span], pred: set[Span], limit: int) -> None:
    def words(span: Span) -> str:
        n, a, b, _ = span
        return " ".join(t for t, _ in sentences[n - first][a : b + 1])

    missed = Counter(f"{s[3]} {words(s)}" for s in gold - pred)
    wrong = Counter(f"{s[3]} {words(s)}" for s in pred - gold)
    print(f"\nmost frequent misses ({len(gold - pred)}):")
    for item, count in missed.most_common(limit):
        print(f"  {count:3d}  {item}")
    print(f"most frequent false positives ({len(pred - gold)}):")
    for item, count in wrong.most_common(limit):
        print(f"  {count:3d}  {item}")


def evaluate(name: str, sentences: list[Sentence], first: int, errors: int) -> float:
    tokens = sum(len(s) for s in sentences)
    began = time.perf_counter()
    predicted = predicted_spans(sentences, first)
    seconds = time.perf_counter() - began
    gold = gold_spans(sentences, first)
    table = score(gold, predicted)
    print(f"\n{name}: {len(sentences)} sentences, {tokens} tokens, {seconds:.2f} s "
          f"({tokens / seconds:,.0f} tokens/s)")
    print(f"  {'type':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6}")
    for kind, (p, r, f, n) in table.items():
        print(f"  {kind:8} {p:6.3f} {r:6.3f} {f:6.3f} {n:6d}")
    if errors:
        show_errors(sentences, first, gold, predicted, errors)
    return table["overall"][2]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--part", choices=("test", "dev", "both"), default="test")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--errors", type=int, default=0, help="show the N most frequent errors")
    parser.add_argument(
        "--without", action="append", default=[], choices=sorted(gazetteer.GAZETTEERS), metavar="FILE",
        help="leave a gazetteer out of the lexicon (people.txt: a proxy for names no list knows)",
    )
    args = parser.parse_args()
    if args.without:
        for name in args.without:
            del gazetteer.GAZETTEERS[name]  # (this process only, before the extractor is built)
        gazetteer.lexicon.cache_clear()
        print(f"lexicon without {', '.join(args.without)}")
    if not args.corpus.exists():
        print(f"ANERcorp not found at {args.corpus}: skipped")
        return 0
    sentences = read_sentences(args.corpus)
    cut = int(len(sentences) * DEV_SHARE)
    print(f"ANERcorp: {len(sentences)} sentences; dev = first {cut}, test = last {len(sentences) - cut}")
    if args.part in ("dev", "both"):
        evaluate("dev (tuned on)", sentences[:cut], 0, args.errors)
    if args.part in ("test", "both"):
        evaluate("test (never tuned on)", sentences[cut:], cut, args.errors if args.part == "test" else 0)
    print("\nanchors (overall F1, exact span):")
    for name, f1 in ANCHORS.items():
        print(f"  {name:40} {f1:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
