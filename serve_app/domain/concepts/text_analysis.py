"""Turns questions and card text into comparable tokens.

Cards and questions go through the same pipeline, so a synonym or a phrase rule only has to be
written once to make both sides meet. Python words that are also plain English ("is", "in",
"for", "with", "and", ...) are dropped as noise unless the text marks them as code: in backticks
or quotes, followed by "(" or by a word such as "statement", "keyword" or "loop".
"""

import functools
import re
from collections.abc import Iterable, Mapping
from typing import Final

# Marks a token as code so that the stop-word filter keeps it.
CODE_MARK: Final = "kw_"

_NAME = r"[a-z_][a-z0-9_]*"
_CODE_WORDS = "keyword|statement|operator|clause|block|loop|expression|function|builtin|method"
_PYTHON_WORDS = (
    "if|is|in|for|with|and|or|not|as|from|while|else|elif|pass|return|break|continue|try|"
    "except|finally|import|global|nonlocal|class|def|del|lambda|yield|raise|assert|async|await"
)

# Python words that are also English stop words: kept as code when nothing else is left.
PYTHON_WORDS: Final = frozenset(_PYTHON_WORDS.split("|"))

# Operands that make a Python word next to them code: "a is b", "x and y", "if 0", "not []".
# Numbers are left out around and/or/is: "between 1 and 10" is English, not an expression.
_VALUE = r"none|true|false|\[\s*\]|\{\s*\}|\(\s*\)|''|\"\""
_OPERAND = rf"(?:[a-z]|{_VALUE})"
# On the right, "a" and "i" are English more often than names ("is a list", "put 5 in a list").
_RIGHT_OPERAND = rf"(?:[b-hj-z]|{_VALUE})"
_CONDITION = rf"(?:[a-z]|\d+(?:\.\d+)?|{_VALUE})"
_OPERATOR_WORDS = "is|and|or|in|is\\s+not|not\\s+in"

# (pattern, replacement, triggers). Ordered: each rule sees the output of the ones before it.
# A rule runs only when the text contains one of its trigger substrings (empty: always):
# most rules are about a rare word or symbol, and skipping them keeps card analysis cheap.
_RULE_SOURCES: Final[tuple[tuple[str, str, tuple[str, ...]], ...]] = (
    (r"\bo\(\s*1\s*\)", " bigo constant ", ("o(",)),
    (r"\bo\(\s*log\s*n\s*\)", " bigo logarithmic ", ("o(",)),
    (r"\bo\(\s*n\s*log\s*n\s*\)", " bigo linearithmic ", ("o(",)),
    (
        r"\bo\(\s*n\s*(?:\^|\*\*)\s*2\s*\)|\bo\(\s*n[2²]\s*\)",
        " bigo quadratic ",
        ("o(",),
    ),
    (r"\bo\(\s*n\s*\)", " bigo linear ", ("o(",)),
    (r"\bbig[\s-]*o\b", " bigo ", ("big",)),
    (r"\b(?:time|space)\s+complexit(?:y|ies)\b", " bigo complexity ", ("complexit",)),
    (r"\bf[\s-]?strings?\b", " fstring ", ("string",)),
    (r"\[\s*::\s*-\s*1\s*\]", " reverse slice ", ("::",)),
    (
        r"\[\s*[a-z0-9_+-]*\s*:\s*[a-z0-9_+-]*\s*(?::\s*[a-z0-9_+-]*\s*)?\]",
        " slice ",
        (":",),
    ),
    (r"\bone[\s-]+lin(?:e|er)\b", " oneline ", ("one",)),
    (r"\bdata[\s-]+class(?:es)?\b", " dataclass ", ("data",)),
    (r"\bkey[\s-]+values?\b", " dict ", ("key",)),
    (r"\bdouble[\s-]+equals?(?:\s+signs?)?\b", " == ", ("double",)),
    (
        r"\bdouble[\s-]*(?:stars?|asterisks?)\b|\bstar[\s-]*star\b",
        " **kwargs ",
        ("double", "star"),
    ),
    (r"\b(?:single[\s-]*star|star[\s-]*args?)\b", " *args ", ("star",)),
    (r"==\s*(?:vs\.?|versus|and|or|,)\s*is\b", f" == {CODE_MARK}is ", ("==",)),
    (r"\bis\s*(?:vs\.?|versus|and|or|,)\s*==", f" {CODE_MARK}is == ", ("==",)),
    # A Python word used as a noun: "and vs or", "difference between is and in".
    (
        rf"\b({_PYTHON_WORDS})\s*(?:vs\.?|versus|and|or|,|/)\s*({_PYTHON_WORDS})\b",
        rf" {CODE_MARK}\1 {CODE_MARK}\2 ",
        ("",),
    ),
    # ... or as the subject of a question: "what does not do", "what is or for".
    (
        rf"\b(?:does|do|is)\s+({_PYTHON_WORDS})\s+(?:do|does|mean|means|work|works|for)\b",
        rf" {CODE_MARK}\1 ",
        ("do", "is"),
    ),
    # ... or applied to operands: "a is b", "x and y", "if 0", "while []".
    (
        rf"(?<![a-z0-9_])({_OPERAND})\s+({_OPERATOR_WORDS})\s+({_RIGHT_OPERAND})(?![a-z0-9_])",
        rf" \1 {CODE_MARK}\2 \3 ",
        ("",),
    ),
    (
        rf"\b(if|elif|while|not)\s+({_CONDITION})(?=\s*(?:$|[:?.,!)]|\s(?:is|isn|does|doesn|do|"
        r"not|never|run|runs|work|works|true|false|evaluate|evaluates|mean|means)\b))",
        rf" {CODE_MARK}\1 \2 truthy ",
        ("if", "while", "not"),
    ),
    # A condition that is a bare name is a truth test too: "if my_list:", "while not done:".
    (
        rf"\b(if|elif|while)\s+(?:not\s+)?({_NAME})\s*:",
        rf" {CODE_MARK}\1 \2 truthy ",
        (":",),
    ),
    (r"\b(for|while)[\s-]+loops?\b", rf" {CODE_MARK}\1 loop ", ("loop",)),
    (
        r"\b(?:loop|loops|looping|iterate|iterating|go|going)\s+(?:over|through)\b",
        f" {CODE_MARK}for loop iterate ",
        ("over", "through"),
    ),
    (r"\bfor\s+(?:each|every)\b", f" {CODE_MARK}for loop iterate ", ("for",)),
    (r"\bwith\s+open\b", f" {CODE_MARK}with open ", ("with",)),
    (r"\bwhile\s+true\b", f" {CODE_MARK}while true ", ("while",)),
    (r"\b(?:first|last)\s+(?:\d+|few|two|three|four|five|n)\b", " slice ", ("first", "last")),
    (r"\bhow\s+(?:many\s+times|often)\b", " count occurrence ", ("how",)),
    (r"\bmore\s+than\s+one\b", " multiple ", ("more",)),
    (
        r"\b(?:at\s+the\s+same\s+time|at\s+once|simultaneously|in\s+parallel|side\s+by\s+side)\b",
        " parallel ",
        ("same", "once", "simultaneous", "parallel", "side"),
    ),
    (
        r"\bevery\s+(?:other|second|third|nth|\d+(?:st|nd|rd|th))\b",
        " step slice ",
        ("every",),
    ),
    # A number in quotes is text that looks like a number: the str-versus-int question.
    (r"([\"'])-?\d+(?:\.\d+)?\1", " string number ", ("'", '"')),
    # "between 1 and 10" is a range check: comparisons, not arithmetic.
    (
        r"\bbetween\s+-?\d+(?:\.\d+)?\s+and\s+-?\d+(?:\.\d+)?",
        " comparison ",
        ("between",),
    ),
    (r"\b\d+\.\d+\b", " float ", (".",)),
    (r"\bin\s+common\b|\bcommon\s+(?:to|between|in)\b", " intersection ", ("common",)),
    (
        r"\b(?:write|make|create|define)\s+(?:an?\s+|my\s+own\s+)?functions?\b",
        " define function ",
        ("function",),
    ),
    (
        r"\b(?:from|in)\s+(?:another|a\s+different|other|separate)\s+"
        r"(?:python\s+)?(?:files?|scripts?)\b",
        " import module ",
        ("file", "script"),
    ),
    (r"\bif\s*(?:/|,|-|\s)\s*(elif|else)\b", rf" {CODE_MARK}if \1 ", ("if",)),
    (rf"\b({_PYTHON_WORDS})[\s-]+({_CODE_WORDS})s?\b", rf" {CODE_MARK}\1 \2 ", ("",)),
    (rf"[`'\"]({_NAME})[`'\"]", rf" {CODE_MARK}\1 ", ("`", "'", '"')),
    (rf"\b({_NAME})\s*\(", rf" {CODE_MARK}\1 ", ("(",)),
)
_PHRASE_RULES: Final[tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...]] = tuple(
    (re.compile(pattern), replacement, triggers) for pattern, replacement, triggers in _RULE_SOURCES
)

_TOKEN_RE: Final = re.compile(
    r"\*{1,2}[a-z_][a-z0-9_]*|[a-z0-9_]+|==|!=|<=|>=|:=|//|\*\*|->|\+=|-=|[@%]"
)


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a block of text."""
    return frozenset(text.split())


STOPWORDS: Final[frozenset[str]] = word_set(
    """
    a an the i me my mine myself we our you your yours it its this that these those there
    here what whats which who whom whose when where why how do does did doing done don doesn didn
    is isn are aren was wasn were weren be been being am have has had having can cannot could
    couldn should shouldn would wouldn will won shall may might must of to in on at by for with
    about from into onto over under up down out off as than then so if or and but not no nor yes
    too very just also only some any all each every other such same own more most much many few
    please thanks thank hi hello hey explain explanation explained tell show understand
    understanding mean means meaning meant work works working worked use used using uses usage
    difference differences different between vs versus example examples python python3 thing
    things stuff way ways really actually like get gets got make makes making want wants need
    needs know learn learning help someone something anything everything simple simply basic
    basically question confused confusing idea concept concepts purpose point good bad better best
    still again ever even one new keyword keywords statement statements operator operators builtin
    built s t d ll re ve m im ive id while programming language languages
    """
)

# Keys are stemmed; values are the canonical tokens that the index stores.
SYNONYMS: Final[Mapping[str, tuple[str, ...]]] = {
    "dictionary": ("dict",),
    "hashmap": ("dict",),
    "func": ("function",),
    "fn": ("function",),
    "funct": ("function",),
    "listcomp": ("list", "comprehension"),
    "param": ("parameter",),
    "arguement": ("argument",),
    "var": ("variable",),
    "str": ("string",),
    "int": ("integer",),
    "bool": ("boolean",),
    "array": ("list",),
    "iterating": ("iterate",),
    "iteration": ("iterate",),
    "looping": ("loop",),
    "slicing": ("slice",),
    "sliced": ("slice",),
    "sorting": ("sort",),
    "recursive": ("recursion",),
    "recurse": ("recursion",),
    "recursing": ("recursion",),
    "recursively": ("recursion",),
    "inherit": ("inheritance",),
    "inheriting": ("inheritance",),
    "inherited": ("inheritance",),
    "formatting": ("format",),
    "formatted": ("format",),
    "decorate": ("decorator",),
    "decorating": ("decorator",),
    "decorated": ("decorator",),
    "yielding": ("yield",),
    "raising": ("raise",),
    "throwing": ("throw",),
    "thrown": ("throw",),
    "catching": ("catch",),
    "caught": ("catch",),
    "handling": ("handle",),
    "handled": ("handle",),
    "importing": ("import",),
    "imported": ("import",),
    "reading": ("read",),
    "writing": ("write",),
    "written": ("write",),
    "opening": ("open",),
    "appending": ("append",),
    "appended": ("append",),
    "printing": ("print",),
    "printed": ("print",),
    "returning": ("return",),
    "returned": ("return",),
    "mutate": ("mutable",),
    "mutation": ("mutable",),
    "mutating": ("mutable",),
    "mutability": ("mutable",),
    "changeable": ("mutable",),
    "immutability": ("immutable",),
    "unchangeable": ("immutable",),
    "identical": ("identity",),
    "remainder": ("modulo",),
    "modulus": ("modulo",),
    "mod": ("modulo",),
    "exponent": ("power",),
    "exponentiation": ("power",),
    "divide": ("division",),
    "dividing": ("division",),
    "concatenation": ("concatenate",),
    "concat": ("concatenate",),
    "concatenating": ("concatenate",),
    "deduplicate": ("duplicate",),
    "dedupe": ("duplicate",),
    "dedup": ("duplicate",),
    "aliase": ("alias",),
    "indice": ("index",),
    "indexing": ("index",),
    "oop": ("object", "class"),
    "init": ("__init__",),
    "initializer": ("__init__",),
    "initialiser": ("__init__",),
    "efficient": ("efficiency",),
    "runtime": ("complexity",),
    "truthiness": ("truthy",),
    "condition": ("conditional",),
    "scoping": ("scope",),
    "filtering": ("filter",),
    "zipping": ("zip",),
    "enumerating": ("enumerate",),
    "reversing": ("reverse",),
    "memoize": ("memoization",),
    "memoise": ("memoization",),
    "memoisation": ("memoization",),
    "caching": ("cache",),
    "floating": ("float",),
    "star": ("asterisk",),
    "overlap": ("intersection",),
    "several": ("multiple",),
    "frequency": ("count", "occurrence"),
    "changing": ("change",),
    "changed": ("change",),
    "modify": ("change",),
    "modified": ("change",),
    "modifying": ("change",),
}


def stem(token: str) -> str:
    """Folds plurals onto their singular; deliberately tiny, so that it never mangles code."""
    if not token.isalpha() or len(token) <= 3:
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith(("sses", "xes", "ches", "shes")):
        return token[:-2]
    if token.endswith("s") and not token.endswith(("ss", "us", "is", "as", "os")):
        return token[:-1]
    return token


def raw_tokens(text: str) -> list[str]:
    """Lower-cased tokens after the phrase rules, before stop words, stemming and synonyms."""
    return list(_raw_tokens_cached(text))


# Card texts are analysed by several indexes (BM25 fields, neighbours, the spelling vocabulary);
# bounded, because questions are untrusted and endless.
@functools.lru_cache(maxsize=8192)
def _raw_tokens_cached(text: str) -> tuple[str, ...]:
    lowered = text.lower()
    for pattern, replacement, triggers in _PHRASE_RULES:
        if any(trigger in lowered for trigger in triggers):
            lowered = pattern.sub(replacement, lowered)
    return tuple(
        token
        for token in _TOKEN_RE.findall(lowered)
        if not token.isdigit()  # bare numbers ("0.1 + 0.2") carry no meaning for retrieval
    )


def normalise(tokens: Iterable[str]) -> list[str]:
    """Drops stop words, stems and maps synonyms onto the index's canonical tokens."""
    result: list[str] = []
    for token in tokens:
        if token.startswith(CODE_MARK):
            word = token[len(CODE_MARK) :]
        elif token in STOPWORDS:
            continue
        else:
            word = token
        if word.startswith("*"):
            # Any starred parameter is the variadic concept, whatever the student named it.
            generic = "**kwargs" if word.startswith("**") else "*args"
            result.extend((word,) if word == generic else (word, generic))
            continue
        stemmed = stem(word)
        result.extend(SYNONYMS.get(stemmed, (stemmed,)))
    return result


def analyse(text: str) -> list[str]:
    """The full pipeline used for card text (questions add spelling correction in between)."""
    return list(_analyse_cached(text))


@functools.lru_cache(maxsize=8192)
def _analyse_cached(text: str) -> tuple[str, ...]:
    return tuple(normalise(_raw_tokens_cached(text)))
