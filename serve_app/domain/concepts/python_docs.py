"""Answers from the documentation that ships with Python, for what no card covers.

Two sources, both offline: the reference topics that `help("assert")` shows
(`pydoc_data.topics`) for keywords and statements, and builtin docstrings for functions,
types and exceptions ("what does divmod do").
"""

import builtins
import functools
import inspect
import pydoc
import re
from dataclasses import dataclass
from typing import Final

from serve_app.domain.concepts.text_analysis import STOPWORDS, word_set

_REFERENCE: Final = "https://docs.python.org/3/reference/"

# pydoc topic key -> the page and anchor it was generated from.
TOPIC_URLS: Final[dict[str, str]] = {
    "assert": _REFERENCE + "simple_stmts.html#the-assert-statement",
    "async": _REFERENCE + "compound_stmts.html#coroutines",
    "await": _REFERENCE + "expressions.html#await-expression",
    "booleans": _REFERENCE + "expressions.html#boolean-operations",
    "break": _REFERENCE + "simple_stmts.html#the-break-statement",
    "class": _REFERENCE + "compound_stmts.html#class-definitions",
    "comparisons": _REFERENCE + "expressions.html#comparisons",
    "continue": _REFERENCE + "simple_stmts.html#the-continue-statement",
    "del": _REFERENCE + "simple_stmts.html#the-del-statement",
    "for": _REFERENCE + "compound_stmts.html#the-for-statement",
    "function": _REFERENCE + "compound_stmts.html#function-definitions",
    "global": _REFERENCE + "simple_stmts.html#the-global-statement",
    "if": _REFERENCE + "compound_stmts.html#the-if-statement",
    "import": _REFERENCE + "simple_stmts.html#the-import-statement",
    "in": _REFERENCE + "expressions.html#membership-test-operations",
    "lambda": _REFERENCE + "expressions.html#lambda",
    "nonlocal": _REFERENCE + "simple_stmts.html#the-nonlocal-statement",
    "pass": _REFERENCE + "simple_stmts.html#the-pass-statement",
    "raise": _REFERENCE + "simple_stmts.html#the-raise-statement",
    "return": _REFERENCE + "simple_stmts.html#the-return-statement",
    "try": _REFERENCE + "compound_stmts.html#the-try-statement",
    "while": _REFERENCE + "compound_stmts.html#the-while-statement",
    "with": _REFERENCE + "compound_stmts.html#the-with-statement",
    "yield": _REFERENCE + "simple_stmts.html#the-yield-statement",
}
_FUNCTIONS_PAGE: Final = "https://docs.python.org/3/library/functions.html"
_EXCEPTIONS_PAGE: Final = "https://docs.python.org/3/library/exceptions.html"
_SEARCH_PAGE: Final = "https://docs.python.org/3/search.html?q="
# Built-in types whose entry on the functions page carries a "func-" anchor.
_FUNC_PREFIXED_ANCHORS: Final = frozenset(
    {
        "bytearray",
        "bytes",
        "dict",
        "frozenset",
        "list",
        "memoryview",
        "range",
        "set",
        "str",
        "tuple",
    }
)
# Names that the site module adds for the interactive prompt; not part of the language.
_INTERACTIVE_ONLY: Final = frozenset({"copyright", "credits", "license", "exit", "quit", "help"})

# Python names that are also everyday English: only taken as code when the question marks them.
AMBIGUOUS_NAMES: Final = STOPWORDS | word_set(
    """
    pass return break continue try else import class global type print input open format next
    round object set map filter range property super slice id vars hash min max sum list dict
    iter all any bin hex complex reversed sorted float yield raise abs compile await finally
    except def
    """
)
# A following word that says the previous one is code ("the pass statement").
_CODE_SUFFIXES: Final = frozenset(
    {"keyword", "statement", "operator", "clause", "block", "loop", "expression", "function"}
    | {"builtin", "method", "exception", "error", "type", "class"}
)
_ASKING_WORDS: Final = frozenset({"do", "does", "mean", "means", "work", "works", "return"})
_EXCERPT_CHARS: Final = 1500
_WORD_RE: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class DocsEntry:
    """What the shipped documentation says about one name."""

    name: str  # "assert", "divmod", "ValueError"
    heading: str  # 'The "assert" statement', "divmod(x, y, /)"
    text: str  # an excerpt, plain text as pydoc renders it
    url: str
    explicit: bool  # the question clearly named it as code


@functools.cache
def _keyword_topics() -> dict[str, str]:
    """Keyword -> pydoc topic key, following pydoc's aliases ("elif" -> "if", "is" -> ...)."""
    from pydoc_data.topics import topics

    resolved: dict[str, str] = {}
    for word in pydoc.Helper.keywords:
        entry: object = pydoc.Helper.keywords[word]
        for _ in range(5):  # aliases chain at most a couple of steps
            if not isinstance(entry, str) or not entry:
                break
            entry = pydoc.Helper.keywords.get(entry) or pydoc.Helper.topics.get(entry)
        if isinstance(entry, tuple) and entry[0] in topics and word.islower():
            resolved[word] = entry[0]
    return resolved


@functools.cache
def _builtin_names() -> dict[str, str]:
    """Lower-cased name -> real name of builtin functions, types and exceptions."""
    names: dict[str, str] = {}
    for name in dir(builtins):
        if name.startswith("_") or name in _INTERACTIVE_ONLY:
            continue
        value = getattr(builtins, name)
        is_exception = isinstance(value, type) and issubclass(value, BaseException)
        if (name.islower() and callable(value)) or is_exception:
            names[name.lower()] = name
    return names


def python_names() -> frozenset[str]:
    """Every keyword and builtin name this module can document, lower-cased."""
    return frozenset(_keyword_topics()) | frozenset(_builtin_names())


def lookup(question: str) -> DocsEntry | None:
    """The documentation for the first Python name the question asks about, if any."""
    words = list(_WORD_RE.finditer(question))
    candidates: list[tuple[str, bool]] = []
    for position, match in enumerate(words):
        word = match.group().lower()
        if word not in _keyword_topics() and word not in _builtin_names():
            continue
        explicit = _is_marked_as_code(question, words, position)
        if explicit or word not in AMBIGUOUS_NAMES:
            candidates.append((word, explicit))
    # A name the student marked as code beats one that merely appears.
    candidates.sort(key=lambda candidate: not candidate[1])
    for word, explicit in candidates:
        entry = _keyword_entry(word, explicit) or _builtin_entry(word, explicit)
        if entry is not None:
            return entry
    return None


def _is_marked_as_code(question: str, words: list[re.Match[str]], position: int) -> bool:
    match = words[position]
    # Quotes mark a name only when they enclose it alone ("the `in` operator"); a word between
    # two quoted values ("'w' and 'a'") is not quoted itself.
    quote_before = question[match.start() - 1 : match.start()] if match.start() else ""
    quote_after = question[match.end() : match.end() + 1]
    if quote_before in ("`", "'", '"') and quote_after == quote_before:
        return True
    after = question[match.end() :].lstrip()
    if after.startswith("("):
        return True
    following = words[position + 1].group().lower() if position + 1 < len(words) else ""
    preceding = words[position - 1].group().lower() if position > 0 else ""
    if following in _CODE_SUFFIXES:
        return True
    # "what does pass do", "how does yield work"
    return preceding in {"does", "do", "is", "the"} and following in _ASKING_WORDS


def _keyword_entry(word: str, explicit: bool) -> DocsEntry | None:
    from pydoc_data.topics import topics

    key = _keyword_topics().get(word)
    if key is None:
        return None
    heading, body = _split_heading(topics[key])
    return DocsEntry(
        name=word,
        heading=heading,
        text=_excerpt(body),
        url=TOPIC_URLS.get(key, _SEARCH_PAGE + word),
        explicit=explicit,
    )


def _builtin_entry(word: str, explicit: bool) -> DocsEntry | None:
    name = _builtin_names().get(word)
    if name is None:
        return None
    value = getattr(builtins, name)
    doc = inspect.getdoc(value)
    if not doc:
        return None
    if isinstance(value, type) and issubclass(value, BaseException):
        return DocsEntry(name, name, _excerpt(doc), f"{_EXCEPTIONS_PAGE}#{name}", explicit)
    try:
        heading = f"{name}{inspect.signature(value)}"
    except (TypeError, ValueError):  # some builtin types carry no signature
        heading = f"{name}()"
    anchor = f"func-{name}" if name in _FUNC_PREFIXED_ANCHORS else name
    return DocsEntry(name, heading, _excerpt(doc), f"{_FUNCTIONS_PAGE}#{anchor}", explicit)


def _split_heading(text: str) -> tuple[str, str]:
    """pydoc topics open with a title underlined by asterisks."""
    lines = text.strip().splitlines()
    if len(lines) >= 2 and set(lines[1]) == {"*"}:
        return lines[0].strip(), "\n".join(lines[2:]).strip()
    return "", text.strip()


def _excerpt(text: str) -> str:
    """Whole paragraphs up to a length a student will read."""
    paragraphs = text.strip().split("\n\n")
    kept: list[str] = []
    size = 0
    for paragraph in paragraphs:
        if kept and size + len(paragraph) > _EXCERPT_CHARS:
            kept.append("[...]")
            break
        kept.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(kept)
