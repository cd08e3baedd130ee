"""Turns questions and card text into comparable tokens.

Cards and questions go through the same pipeline, so a synonym or a phrase rule only has to be
written once to make both sides meet. Python words that are also plain English ("is", "in",
"for", "with", "and", ...) are dropped as noise unless the text marks them as code: in backticks
or quotes, followed by "(" or by a word such as "statement", "keyword" or "loop".
"""

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

# Ordered: each rule sees the output of the ones before it.
_PHRASE_RULES: Final[tuple[tuple[re.Pattern[str], str], ...]] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"\bo\(\s*1\s*\)", " bigo constant "),
        (r"\bo\(\s*log\s*n\s*\)", " bigo logarithmic "),
        (r"\bo\(\s*n\s*log\s*n\s*\)", " bigo linearithmic "),
        (r"\bo\(\s*n\s*(?:\^|\*\*)\s*2\s*\)|\bo\(\s*n[2²]\s*\)", " bigo quadratic "),
        (r"\bo\(\s*n\s*\)", " bigo linear "),
        (r"\bbig[\s-]*o\b", " bigo "),
        (r"\b(?:time|space)\s+complexit(?:y|ies)\b", " bigo complexity "),
        (r"\bf[\s-]?strings?\b", " fstring "),
        (r"\[\s*::\s*-\s*1\s*\]", " reverse slice "),
        (r"\[\s*[a-z0-9_+-]*\s*:\s*[a-z0-9_+-]*\s*(?::\s*[a-z0-9_+-]*\s*)?\]", " slice "),
        (r"\bone[\s-]+lin(?:e|er)\b", " oneline "),
        (r"\bdata[\s-]+class(?:es)?\b", " dataclass "),
        (r"\bkey[\s-]+values?\b", " dict "),
        (r"\bdouble[\s-]+equals?(?:\s+signs?)?\b", " == "),
        (r"\bdouble[\s-]*(?:stars?|asterisks?)\b|\bstar[\s-]*star\b", " **kwargs "),
        (r"\b(?:single[\s-]*star|star[\s-]*args?)\b", " *args "),
        (r"==\s*(?:vs\.?|versus|and|or|,)\s*is\b", f" == {CODE_MARK}is "),
        (r"\bis\s*(?:vs\.?|versus|and|or|,)\s*==", f" {CODE_MARK}is == "),
        (r"\b(for|while)[\s-]+loops?\b", rf" {CODE_MARK}\1 loop "),
        (
            r"\b(?:loop|loops|looping|iterate|iterating|go|going)\s+(?:over|through)\b",
            f" {CODE_MARK}for loop iterate ",
        ),
        (r"\bwith\s+open\b", f" {CODE_MARK}with open "),
        (r"\bwhile\s+true\b", f" {CODE_MARK}while true "),
        (r"\b(?:first|last)\s+(?:\d+|few|two|three|four|five|n)\b", " slice "),
        (r"\bhow\s+(?:many\s+times|often)\b", " count occurrence "),
        (r"\bmore\s+than\s+one\b", " multiple "),
        (
            r"\b(?:at\s+the\s+same\s+time|at\s+once|simultaneously|in\s+parallel|side\s+by\s+side)\b",
            " parallel ",
        ),
        (r"\bevery\s+(?:other|second|third|nth|\d+(?:st|nd|rd|th))\b", " step slice "),
        (r"\b\d+\.\d+\b", " float "),
        (r"\bin\s+common\b|\bcommon\s+(?:to|between|in)\b", " intersection "),
        (
            r"\b(?:write|make|create|define)\s+(?:an?\s+|my\s+own\s+)?functions?\b",
            " define function ",
        ),
        (
            r"\b(?:from|in)\s+(?:another|a\s+different|other|separate)\s+"
            r"(?:python\s+)?(?:files?|scripts?)\b",
            " import module ",
        ),
        (r"\bif\s*(?:/|,|-|\s)\s*(elif|else)\b", rf" {CODE_MARK}if \1 "),
        (rf"\b({_PYTHON_WORDS})[\s-]+({_CODE_WORDS})s?\b", rf" {CODE_MARK}\1 \2 "),
        (rf"[`'\"]({_NAME})[`'\"]", rf" {CODE_MARK}\1 "),
        (rf"\b({_NAME})\s*\(", rf" {CODE_MARK}\1 "),
    )
)

_TOKEN_RE: Final = re.compile(
    r"\*{1,2}[a-z_][a-z0-9_]*|[a-z0-9_]+|==|!=|<=|>=|:=|//|\*\*|->|\+=|-=|[@%]"
)


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a block of text."""
    return frozenset(text.split())


STOPWORDS: Final[frozenset[str]] = word_set(
    """
    a an the i me my mine myself we our you your yours it its itself this that these those there
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
    lowered = text.lower()
    for pattern, replacement in _PHRASE_RULES:
        lowered = pattern.sub(replacement, lowered)
    return [
        token
        for token in _TOKEN_RE.findall(lowered)
        if not token.isdigit()  # bare numbers ("0.1 + 0.2") carry no meaning for retrieval
    ]


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
    return normalise(raw_tokens(text))
