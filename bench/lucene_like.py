"""A re-implementation of Lucene's ArabicAnalyzer (normaliser, light stemmer, stop words),
used as the in-run baseline for search quality. Rules follow Lucene's ArabicNormalizer and
ArabicStemmer (org.apache.lucene.analysis.ar), BM25 via FTS5 over the analysed text.
"""

from __future__ import annotations

import re

_HARAKAT = re.compile("[\u064b-\u0652\u0640]")  # fathatan..sukun, tatweel
_FOLD = str.maketrans({"آ": "ا", "أ": "ا", "إ": "ا", "ى": "ي", "ة": "ه"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_TOKEN = re.compile(r"[^\W_]+")
PREFIXES = ("ال", "وال", "بال", "كال", "فال", "لل", "و")
SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "يه", "ه", "ه", "ي")  # يه/ه twice: ية/ة after folding
STOP_WORDS = set(
    """من ومن منها منه في وفي فيها فيه و ف ثم او أو ب بها به ا أ اى اي أي أى لا ولا الا ألا إلا لكن ما وما
    كما فما عن مع اذا إذا ان أن إن انها أنها إنها انه أنه إنه بان بأن فان فأن وان وأن وإن التى التي الذى
    الذي الذين الى الي إلى إلي على عليها عليه اما أما إما ايضا أيضا كل وكل لم ولم لن ولن هى هي هو وهى
    وهي وهو فهى فهي فهو انت أنت لك لها له هذه هذا تلك ذلك هناك كانت كان يكون تكون وكانت وكان غير بعض
    قد نحو بين بينما منذ ضمن حيث الان الآن خلال بعد قبل حتى عند عندما لدى جميع""".split()
)


def normalize(word: str) -> str:
    return _HARAKAT.sub("", word).translate(_FOLD).translate(_DIGITS).lower()


def stem(word: str) -> str:
    for prefix in PREFIXES:
        if word.startswith(prefix) and not (len(prefix) == 1 and len(word) < 4) and len(word) >= len(prefix) + 2:
            word = word[len(prefix) :]
            break
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) >= len(suffix) + 2:
            word = word[: -len(suffix)]
    return word


def analyse(text: str) -> list[str]:
    """Lucene ArabicAnalyzer token stream: tokenise, lowercase, stop, normalise, stem."""
    result = []
    for token in _TOKEN.findall(text.lower()):
        if token in STOP_WORDS:
            continue
        norm = normalize(token)
        if norm in STOP_WORDS:
            continue
        result.append(stem(norm))
    return result
