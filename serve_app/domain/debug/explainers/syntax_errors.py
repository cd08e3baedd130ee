"""SyntaxError, IndentationError and TabError: code Python cannot even read."""

import keyword
import re

from serve_app.domain.debug.explainers.common import checked, code
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains
from serve_app.domain.debug.syntax import repair, unclosed_brackets
from serve_app.domain.topics import Topic

_KEYWORD_TOPICS: dict[str, Topic] = {
    "if": "conditionals", "elif": "conditionals", "else": "conditionals",
    "for": "loops", "while": "loops", "break": "loops", "continue": "loops",
    "def": "functions", "return": "functions", "lambda": "functions",
    "class": "classes", "try": "exceptions", "except": "exceptions", "finally": "exceptions",
    "with": "files", "import": "modules", "from": "modules",
}  # fmt: skip
_STATEMENT_WORDS = {
    "if": "`if` statement", "elif": "`elif` line", "else": "`else` line", "for": "`for` loop",
    "while": "`while` loop", "def": "function definition", "class": "class definition",
    "try": "`try` line", "except": "`except` line", "finally": "`finally` line",
    "with": "`with` line",
}  # fmt: skip


def _first_word(text: str) -> str:
    found = re.match(r"\s*([A-Za-z_]+)", text)
    return found[1] if found else ""


def _topic(context: Context) -> Topic:
    return _KEYWORD_TOPICS.get(_first_word(context.line_text), "variables")


def _column(context: Context) -> str:
    column = context.problem.column
    return f", column {column}" if column else ""


def _syntax(
    context: Context, what: str, why: str, how: str, topic: Topic | None = None
) -> Explanation:
    kind = context.problem.type
    return Explanation(
        summary=f"**{kind}** on {context.where}{_column(context)}: {what}",
        hints=(f"{context.at}: {what}", why, how),
        topic=topic or _topic(context),
        solution=checked(context, repair(context.source.code)),
    )


@explains("SyntaxError", pattern=r"^expected ':'")
def missing_colon(context: Context, match: re.Match[str]) -> Explanation | None:
    word = _first_word(context.line_text)
    if re.match(r"\s*else\s+if\b", context.line_text):
        return _syntax(
            context,
            "Python spells *else if* as one word: `elif`.",
            "`else if` is how other languages write it; in Python `else` must be followed "
            "directly by a colon.",
            "Write `elif condition:` for every extra condition after the first `if`.",
            "conditionals",
        )
    statement = _STATEMENT_WORDS.get(word, "this line")
    return _syntax(
        context,
        f"the {statement} is missing a colon `:` at its end.",
        "Lines that start a block (`if`, `for`, `while`, `def`, `class`, ...) must end "
        "with `:` before the indented lines that belong to them.",
        "Put `:` at the end of every line that opens an indented block.",
    )


@explains("SyntaxError", pattern=r"^'(?P<bracket>[(\[{])' was never closed")
def bracket_never_closed(context: Context, match: re.Match[str]) -> Explanation | None:
    bracket = match["bracket"]
    closer = {"(": ")", "[": "]", "{": "}"}[bracket]
    return _syntax(
        context,
        f"the bracket `{bracket}` opened here is never closed with `{closer}`.",
        f"Every `{bracket}` needs a matching `{closer}`; Python kept reading the following "
        "lines looking for it and gave up.",
        "Count opening and closing brackets on the line; many editors highlight the "
        "matching pair when you put the cursor on a bracket.",
    )


@explains("SyntaxError", pattern=r"^unterminated string literal|^EOL while scanning string literal")
def string_never_closed(context: Context, match: re.Match[str]) -> Explanation | None:
    return _syntax(
        context,
        "a string (text in quotes) is opened but never closed on the same line.",
        "A string must start and end with the same kind of quote (`\"...\"` or `'...'`) on "
        "one line; here the closing quote is missing.",
        "Add the matching closing quote; to put a quote inside text, use the other kind "
        "(`\"It's\"`) or escape it (`'It\\'s'`).",
        "strings",
    )


@explains("SyntaxError", pattern=r"^unterminated triple-quoted string literal")
def triple_string_never_closed(context: Context, match: re.Match[str]) -> Explanation | None:
    return _syntax(
        context,
        "a triple-quoted string starts here and is never closed.",
        "Text that starts with `'''` or `\"\"\"` continues until the same three quotes "
        "appear again - the rest of the file became part of the string.",
        "Close it with the same three quotes where the text should end.",
        "strings",
    )


@explains("SyntaxError", pattern=r"Maybe you meant '==' (?:or ':=' )?instead of '='")
def assignment_in_condition(context: Context, match: re.Match[str]) -> Explanation | None:
    if _first_word(context.line_text) not in {"if", "elif", "while"}:
        return _syntax(
            context,
            "the left side of `=` must be a variable name; this looks like a comparison.",
            "`=` stores the value on its right into the name on its left, so the left side "
            "cannot be a number, a call or an expression.",
            "Write `variable = value` to assign, and `a == b` to compare.",
        )
    return _syntax(
        context,
        "the condition uses `=`, which assigns. To compare, use `==`.",
        "In a condition you ask a question (*is x equal to 5?*), and the equality question "
        "is written with two equals signs.",
        "Use `==` to compare and a single `=` only to store a value in a variable.",
        "conditionals",
    )


@explains("SyntaxError", pattern=r"^Missing parentheses in call to 'print'")
def print_statement(context: Context, match: re.Match[str]) -> Explanation | None:
    return _syntax(
        context,
        "`print` is a function in Python 3 and needs parentheses: `print(...)`.",
        '`print "hi"` is old Python 2 style; Python 3 treats `print` like any function call.',
        'Wrap what you print in parentheses: `print("hi")`.',
        "functions",
    )


@explains(
    "SyntaxError",
    pattern=r"^invalid (?:non-printable )?character '?(?P<char>.)'? \((?P<code>U\+[0-9A-F]+)\)",
)
def invalid_character(context: Context, match: re.Match[str]) -> Explanation | None:
    char = match["char"]
    return _syntax(
        context,
        f"the character {code(char)} ({match['code']}) is not allowed in Python code.",
        "Curly quotes, long dashes and similar characters often sneak in when code is "
        "copied from a word processor, PDF or web page.",
        "Retype the character on your keyboard: straight quotes `\"` `'`, a plain `-`, and "
        "`*` for multiplication.",
    )


@explains(
    "IndentationError",
    pattern=r"^expected an indented block(?: after (?P<what>.+?) on line (?P<header>\d+))?",
)
def expected_indent(context: Context, match: re.Match[str]) -> Explanation | None:
    header = f" (after the {match['what']} on line {match['header']})" if match["header"] else ""
    return _syntax(
        context,
        f"this line should be indented{header}.",
        "A line ending with `:` starts a block, and the block's lines must be indented "
        "(usually 4 spaces) to show they belong to it.",
        "Indent the body of every `if`, `for`, `while`, `def` and `class` by 4 spaces; use "
        "`pass` if the block should do nothing yet.",
    )


@explains("IndentationError", pattern=r"^unexpected indent")
def unexpected_indent(context: Context, match: re.Match[str]) -> Explanation | None:
    return _syntax(
        context,
        "this line is indented more than the line before, but nothing opened a new block.",
        "Indentation means *belongs to the block above*; only a line ending with `:` starts "
        "a block that may be indented further.",
        "Line the statement up with its neighbours; lines in the same block share exactly "
        "the same indentation.",
    )


@explains("IndentationError", pattern=r"^unindent does not match any outer indentation level")
def inconsistent_dedent(context: Context, match: re.Match[str]) -> Explanation | None:
    return _syntax(
        context,
        "this line's indentation does not line up with any of the blocks around it.",
        "When a block ends, the next line must go back to exactly the indentation of an "
        "earlier line (for example 0 or 4 spaces) - here it stops in between.",
        "Use 4 spaces per level consistently, and let your editor indent for you.",
    )


@explains("TabError")
def tabs_and_spaces(context: Context, match: re.Match[str]) -> Explanation | None:
    return _syntax(
        context,
        "the indentation mixes tab characters and spaces.",
        "A tab and a run of spaces can look identical on screen, but Python sees different "
        "indentation and refuses to guess.",
        "Indent with spaces only (4 per level); most editors can convert tabs to spaces.",
    )


@explains("SyntaxError", pattern=r"^'(?P<word>return|yield|await)' outside (?:async )?function")
def outside_function(context: Context, match: re.Match[str]) -> Explanation | None:
    word = match["word"]
    return _syntax(
        context,
        f"`{word}` can only be used inside a function.",
        f"`{word}` hands a value back to whoever called the function; at the top level of "
        "the program there is no caller. Perhaps this line lost its indentation.",
        "Indent the line into the function it belongs to, or use `print()` to show a value.",
        "functions",
    )


@explains(
    "SyntaxError", pattern=r"^'(?P<word>break|continue)' (?:outside loop|not properly in loop)"
)
def outside_loop(context: Context, match: re.Match[str]) -> Explanation | None:
    word = match["word"]
    return _syntax(
        context,
        f"`{word}` can only be used inside a `for` or `while` loop.",
        f"`{word}` controls a loop, but this line is not inside one (check its indentation).",
        "Indent the line into the loop body, or remove it.",
        "loops",
    )


@explains("SyntaxError", pattern=r"^unmatched '(?P<char>[)\]}])'")
def unmatched_closer(context: Context, match: re.Match[str]) -> Explanation | None:
    return _syntax(
        context,
        f"there is a closing `{match['char']}` without a matching opening bracket.",
        "Brackets come in pairs, and this one has no partner before it.",
        "Remove the extra bracket or add the missing opening one.",
    )


@explains(
    "SyntaxError",
    pattern=r"^closing parenthesis '(?P<close>.)' does not match opening parenthesis '(?P<open>.)'",
)
def mismatched_brackets(context: Context, match: re.Match[str]) -> Explanation | None:
    return _syntax(
        context,
        f"the bracket `{match['open']}` is closed with `{match['close']}`.",
        "Each kind of bracket must be closed by its own partner: `(` with `)`, `[` with `]`, "
        "`{` with `}`.",
        "Match every closing bracket to the most recent bracket that is still open.",
    )


@explains("SyntaxError", pattern=r"Perhaps you forgot a comma\?")
def forgot_comma(context: Context, match: re.Match[str]) -> Explanation | None:
    return _syntax(
        context,
        "two values stand next to each other without a comma between them.",
        "Items in a list, tuple, function call or `print(...)` must be separated by commas.",
        "Put a comma between every pair of items: `[1, 2, 3]`, `print(a, b)`.",
        "lists",
    )


@explains("SyntaxError", pattern=r"^invalid (?:decimal|hexadecimal|octal|binary) literal")
def bad_number(context: Context, match: re.Match[str]) -> Explanation | None:
    return _syntax(
        context,
        "a number is glued to letters, e.g. `1st` or `2x`.",
        "Variable names may not start with a digit, and maths like `2x` needs an explicit "
        "`*` in code.",
        "Start names with a letter (`first`, `place1`) and write `2 * x` for multiplication.",
    )


@explains("SyntaxError", pattern=r"^cannot assign to (?P<what>.+?)(?: here)?\.?(?: Maybe|$)")
def bad_assignment_target(context: Context, match: re.Match[str]) -> Explanation | None:
    return _syntax(
        context,
        f"the left side of `=` is {match['what']}, which cannot store a value.",
        "`=` puts the value on its right into the *name* on its left; the name must come first.",
        "Write `name = value` (not `value = name`), and use `==` when you mean to compare.",
    )


@explains("SyntaxError", pattern=r"^f-string")
def bad_f_string(context: Context, match: re.Match[str]) -> Explanation | None:
    return _syntax(
        context,
        f"the f-string is malformed ({context.problem.message}).",
        "Inside an f-string every `{` must be closed by `}`, and the part in braces must be "
        "a valid expression.",
        "Check the braces and quotes in the f-string; write `{{` or `}}` for a literal brace.",
        "strings",
    )


@explains("SyntaxError", pattern=r"^expected 'except' or 'finally' block")
def lonely_try(context: Context, match: re.Match[str]) -> Explanation | None:
    return _syntax(
        context,
        "a `try:` block must be followed by an `except` (or `finally`) block.",
        "`try` only makes sense together with the code that handles the error.",
        "Add `except SomeError:` at the same indentation as `try:` with the handling code.",
        "exceptions",
    )


@explains("SyntaxError", pattern=r"^positional argument follows keyword argument")
def positional_after_keyword(context: Context, match: re.Match[str]) -> Explanation | None:
    return _syntax(
        context,
        "a plain argument comes after a `name=value` argument in a call.",
        "Positional arguments are matched by order, so they must all come first.",
        "Put plain arguments first and `name=value` arguments after them.",
        "functions",
    )


@explains("SyntaxError", "IndentationError")
def generic_syntax(context: Context, match: re.Match[str]) -> Explanation | None:
    text = context.line_text
    word = _first_word(text)
    name = re.match(r"\s*([A-Za-z_]\w*)\s*=[^=]", text)
    if unclosed_brackets(text):
        opened = unclosed_brackets(text)[-1]
        what = f"the bracket `{opened}` opened on this line is never closed."
        why = "Brackets come in pairs; Python reached the end of the line with one still open."
        how = "Count opening and closing brackets and close each one in the reverse order."
    elif name and keyword.iskeyword(name[1]):
        what = f"{code(name[1])} is a reserved word in Python and cannot be a variable name."
        why = "Keywords like `class`, `def`, `for`, `in`, `is` have fixed meanings."
        how = f"Choose another name, e.g. {code(name[1] + '_name')}."
    elif word in {"elif", "else", "except", "finally"}:
        what = f"`{word}` appears without a matching block before it."
        why = (
            f"`{word}` must come right after the indented block of its `if`/`try`, at the "
            "same indentation as that `if`/`try`."
        )
        how = "Check the indentation of this line and of the block just above it."
    else:
        what = f"Python cannot understand this line ({context.problem.message})."
        why = (
            "Look at the exact spot the error points to and just before it: a missing "
            "operator, comma, bracket or quote is the usual cause."
        )
        how = "Fix one syntax error at a time - the first one reported is the real one."
    return _syntax(context, what, why, how)
