"""A student message prepared once for all signals: normalised, typo-corrected, code found."""

import re
from dataclasses import dataclass
from typing import Final

from serve_app.domain.triage.fuzzy import FuzzyCorrector
from serve_app.domain.triage.languages import (
    mentions_other_language,
    mentions_python,
    without_python_the_animal,
)
from serve_app.domain.triage.normalize import normalise
from serve_app.domain.triage.patterns import OFF_TOPIC_DOMAIN, TRACEBACK_HEADER
from serve_app.domain.triage.phrases import whole_words
from serve_app.domain.triage.topic_detection import is_everyday_word, topic_hits
from serve_app.domain.triage.vocabulary import (
    EXCEPTION_NAME_FRAGMENTS,
    FUZZY_TARGETS,
    PROGRAMMING_PHRASES,
    PROTECTED_WORDS,
)

_CORRECTOR: Final = FuzzyCorrector(FUZZY_TARGETS, PROTECTED_WORDS)

_CODE_FENCE: Final = re.compile(r"```")
# A line that only makes sense as Python, not as English prose.
_CODE_LINE: Final = re.compile(
    r"""^\s*(?:
        def\s+\w+\s*\( | class\s+\w+.*: | for\s+\w+(?:\s*,\s*\w+)*\s+in\s+.+: | while\s+.+: |
        if\s+.+:\s*$ | elif\s+.+: | else\s*: | try\s*: | except\b.*: | import\s+\w+ |
        from\s+[\w.]+\s+import\s | return\b | print\s*\( | \w+(?:\[[^\]]*\])?\s*[-+*/]?=\s*\S |
        \w+(?:\.\w+)*\([^)]*\)\s*$ | >>>
    )""",
    re.MULTILINE | re.VERBOSE,
)
# Operators, calls, dunders and snake_case only occur in prose that talks about code.
_CODE_SYMBOLS: Final = re.compile(
    r"==|!=|<=|>=|[+\-*/%]=|//|\*\*|->|\w\(\)|\w\[\w*\]|\b__\w+__\b|\b[a-z]+_[a-z_]+\b|\.\w+\("
)
_WORD: Final = re.compile(r"[a-z0-9_']+")
# Past this many characters a message is pasted code or output, not prose; the signals that
# matter there (tracebacks, exception lines) are searched in the full raw text instead.
PROSE_LIMIT: Final = 2000
_PROGRAMMING: Final = whole_words(PROGRAMMING_PHRASES)
_EXCEPTION_NAME: Final = whole_words(EXCEPTION_NAME_FRAGMENTS)
# Words that name a problem in any field: a car, a printer or Windows has errors and bugs too.
_TROUBLE_WORDS: Final = frozenset({"error", "errors", "bug", "bugs"})


@dataclass(frozen=True, slots=True)
class Message:
    """What the signals read. `prose` is the student's text, normalised and typo-corrected."""

    raw: str
    code: str
    prose: str
    words: tuple[str, ...]
    topic_hits: tuple[tuple[str, str], ...]
    has_code: bool
    # Unmistakably about programming: code, an exception, or a word ordinary English lacks.
    programming_context: bool
    # Names at least one Python concept, even one that is also an everyday word.
    concept_context: bool
    # Python by name, syntax, builtin or library: the tutor's own subject.
    python_context: bool
    # Another language or tool by name or syntax (JavaScript, SQL, a spreadsheet formula).
    other_language: bool

    @property
    def other_language_only(self) -> bool:
        """About another language or tool, with nothing Python in it."""
        return self.other_language and not self.python_context


def _has_pasted_code(raw: str) -> bool:
    if _CODE_FENCE.search(raw) or TRACEBACK_HEADER.search(raw):
        return True
    return len(_CODE_LINE.findall(raw)) >= 2


def prepare(text: str, code: str | None) -> Message:
    """Normalise and correct the text once, and note whether code came with it."""
    attached = (code or "").strip()
    # Cut before normalising to bound its cost, and after, as expanding "can't" lengthens text.
    prose = _CORRECTOR.correct(normalise(text[:PROSE_LIMIT])[:PROSE_LIMIT])
    hits = topic_hits(prose)
    has_code = bool(attached) or _has_pasted_code(text)
    # "python" the snake is neither programming nor, to the model, the word "python".
    context_prose = without_python_the_animal(prose)
    searched = f"{text[:PROSE_LIMIT]}\n{attached[:PROSE_LIMIT]}"
    python_context = mentions_python(searched)
    programming_words = {match.group() for match in _PROGRAMMING.finditer(context_prose)}
    if OFF_TOPIC_DOMAIN.search(prose):
        # "my car shows an error": a trouble word beside another subject is not programming.
        programming_words -= _TROUBLE_WORDS
    programming_context = bool(
        has_code
        or _CODE_SYMBOLS.search(text)
        or programming_words
        or python_context
        or _EXCEPTION_NAME.search(prose)
        or any(not is_everyday_word(words) for _, words in hits)
    )
    return Message(
        raw=text,
        code=attached,
        prose=prose,
        words=tuple(_WORD.findall(context_prose)),
        topic_hits=hits,
        has_code=has_code,
        programming_context=programming_context,
        concept_context=programming_context or bool(hits),
        python_context=python_context,
        other_language=mentions_other_language(searched),
    )
