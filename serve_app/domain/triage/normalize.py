"""Text normalisation: one canonical spelling so the signal patterns stay simple."""

import re
import unicodedata
from typing import Final

_QUOTES: Final = str.maketrans({"‘": "'", "’": "'", "`": "'", "“": '"', "”": '"'})
_REPEATS: Final = re.compile(r"([a-z])\1{2,}")
_SPACES: Final = re.compile(r"\s+")

# Students type contractions with and without the apostrophe; expanding both forms
# lets every pattern be written once, in the long form.
_NEGATIONS: Final = re.compile(
    r"\b(do|does|did|is|are|was|were|could|would|should|has|have|had)n'?t\b"
)
_IRREGULAR: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"\bcan'?t\b|\bcannot\b"), "can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bwont (work|run|stop|print|compile|let)\b"), r"will not \1"),
    (re.compile(r"\bi'?m\b"), "i am"),
    (re.compile(r"\bi'?ve\b"), "i have"),
    (re.compile(r"\bi'd\b"), "i would"),
    (re.compile(r"\b(what|that|where|how|who|there)'?s\b"), r"\1 is"),
    (re.compile(r"\bit's\b"), "it is"),
    # Texting shorthand for the words follow-ups are made of.
    (re.compile(r"\bnxt\b"), "next"),
    (re.compile(r"\b(?:nother|anotha|anothr|anuther)\b"), "another"),
    (re.compile(r"\b(?:agn|agian|agen)\b"), "again"),
    (re.compile(r"\b(you|we|they)'re\b"), r"\1 are"),
)


def normalise(text: str) -> str:
    """Lower-case, ASCII quotes, expanded contractions, single spaces, squeezed repeats."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    folded = _REPEATS.sub(r"\1", folded)
    folded = _NEGATIONS.sub(r"\1 not", folded)
    for pattern, replacement in _IRREGULAR:
        folded = pattern.sub(replacement, folded)
    return _SPACES.sub(" ", folded).strip()
