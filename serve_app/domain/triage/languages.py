"""Which language a message is about: Python, another programming language, or neither.

The tutor teaches Python only. A question about JavaScript, SQL or a spreadsheet formula is
programming but still off topic, and "python" the snake is not programming at all. These
markers are kinds of syntax and names, read on the raw text and any attached code.
"""

import re
from typing import Final

# Syntax and names that only Python has (or that only a Python learner would write).
PYTHON_MARKER: Final = re.compile(
    r"\bpython ?[23]?\b|\bpy\b|\.py\b|\bpip3? install\b|\bpip\b|\bpypi\b|\bconda\b|\bvenv\b"
    r"|\bjupyter\b|\bipython\b|\bpycharm\b|\bcolab\b|\bnotebook cells?\b"
    r"|\b(?:numpy|pandas|matplotlib|django|flask|fastapi|pytest|pygame|tkinter|scipy|"
    r"sklearn|scikit-learn|requests\.get|turtle|dataframes?|pydantic|asyncio|itertools|collections)\b"
    r"|^\s*def \w+\s*\(|\bdef \w+\s*\(|^\s*(?:el)?if .+:\s*$|\belif\b|^\s*else:\s*$"
    r"|^\s*for \w+(?:\s*,\s*\w+)* in .+:\s*$|^\s*while .+:\s*$|^\s*(?:try|finally):\s*$"
    r"|^\s*except\b|^\s*from [\w.]+ import\b|^\s*import \w+\s*$|^\s*class \w+(?:\(.*\))?:\s*$"
    r"|\bself\b|\b__\w+__\b|(?-i:(?<=[\s(=,\[])(?:None|True|False)\b)|\blambda\b|\byield\b|\bkwargs\b"
    r"|\bprint\s*\(|\b(?:len|range|input|enumerate|zip|isinstance|sorted|append|dict|tuple|"
    r"str|int|float|list)\s*\(|\.append\(|\.split\(|\.join\(|\.items\(\)|\.keys\(\)"
    r"|\bf[\"']|\blist comprehensions?\b|\bdict(?:ionary)? comprehensions?\b|\bf-?strings?\b"
    r"|\bdecorators?\b|\bgenerators?\b|\btuples?\b|\bdicts?\b|\bdictionar(?:y|ies)\b"
    r"|\bslicing\b|\bindentation\b|\bpep ?8\b|\bsnake_case\b|\bwalrus\b|>>>",
    re.IGNORECASE | re.MULTILINE,
)

# Other languages, shells, databases and tools, by name and by syntax Python lacks.
OTHER_LANGUAGE_MARKER: Final = re.compile(
    r"\b(?:javascript|java|js|typescript|node\.?js|npm|yarn|deno|react|jsx|tsx|angular|"
    r"vue|svelte|next\.js|jquery|kotlin|swift|swiftui|objective-c|c#|csharp|\.net|dotnet|"
    r"golang|go lang|rust|cargo|ruby|rails|php|laravel|perl|scala|haskell|lua|matlab|dart|"
    r"flutter|elixir|erlang|clojure|julia lang(?:uage)?|cobol|fortran|assembly|assembler|"
    r"verilog|vhdl|"
    r"sql|mysql|postgres(?:ql)?|t-sql|pl/sql|oracle db|mongodb|nosql|excel|spreadsheets?|"
    r"google sheets|vlookup|xlookup|index match|pivot tables?|vba|power query|bash|zsh|"
    r"powershell|shell scripts?|batch files?|cmd\.exe|html|css|tailwind|bootstrap|sass|scss|"
    r"arduino|unity|unreal|godot|gdscript|spring boot|android studio|xcode|gradle|maven|"
    r"solidity|latex|regex101|wordpress|c\+\+|c language|in c|ansi c)(?![\w+#])"
    r"|console\.log|document\.(?:getelementbyid|queryselector)|#include|\bstd::|\bcout\b"
    r"|\bcin\b|system\.out|public static void|\bfn main\b|println!|\blet mut\b"
    r"|\bfunc \w+\(|\b(?:const|let|var) \w+ ?=|=>|===|!==|\bundefined\b|\bnullpointer"
    r"|\bsegfault|segmentation fault|(?-i:\bSELECT\b[^;]{1,80}\bFROM\b)"
    r"|\bselect (?:\*|distinct\b|count\(|\w+, ?\w+)[^.?!]{0,60}\bfrom\b"
    r"|\b(?:inner|left|right|outer|full) join\b|\bwhere \w+ ?= ?'|\$[a-z_]\w*"
    r"|</?(?:div|span|p|a|button|img|ul|ol|li|h[1-6]|input|form|html|body|head|script|style|"
    r"table|tr|td|br|section|nav|header|footer|template)\b[^<>]{0,80}/?>|(?-i:<[A-Z]\w* ?/>)"
    r"|\buse(?:state|effect)\b|\bsudo\b|\bchmod\b|\bgrep\b|\bawk\b|\bls -\w|\bcd \.\."
    r"|\bprintf\s*\(|\bint main\s*\("
    r"|\bpackage main\b|^\s*=\s*[a-z]+\(|\b[a-z]{1,2}\d+:[a-z]{1,2}\d+\b|\bnew [a-z]\w*\(",
    re.IGNORECASE | re.MULTILINE,
)

# "python" the snake or the comedy troupe: the word alone does not make a message Python.
NON_PROGRAMMING_PYTHON: Final = re.compile(
    r"\b(?:ball|burmese|reticulated|royal|rock|carpet|green tree|blood|baby|pet|wild|giant)"
    r" pythons?\b|\bmonty python\b|\bpythons?\b[^.?!]{0,60}\b(?:snakes?|reptiles?|pets?|"
    r"terrarium|vivarium|enclosure|zoo|venomous|bite|bites|shed(?:ding)?|swallow|eat|eats|"
    r"feed|feeding|mice|rats?|constrictors?|everglades|sketch|comedy|flying circus|holy grail|"
    r"cleese|species|habitat|jungle|animal)\b"
    r"|\b(?:snakes?|reptiles?|pets?|zoo|animal|comedy|sketch)\b[^.?!]{0,60}\bpythons?\b",
    re.IGNORECASE,
)
_PYTHON_WORD: Final = re.compile(r"\bpythons?\b", re.IGNORECASE)


def without_python_the_animal(text: str) -> str:
    """The text with "python" removed where it means the snake or the comedy troupe."""
    if NON_PROGRAMMING_PYTHON.search(text):
        return _PYTHON_WORD.sub(" ", text)
    return text


def mentions_python(text: str) -> bool:
    """Python syntax, builtins, tools or the language's name, the snake aside."""
    return PYTHON_MARKER.search(without_python_the_animal(text)) is not None


def mentions_other_language(text: str) -> bool:
    """The name or the syntax of a programming language or tool other than Python."""
    return OTHER_LANGUAGE_MARKER.search(text) is not None
