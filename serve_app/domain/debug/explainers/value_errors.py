"""ValueError: the type is right but the value is not (bad text for int(), unpacking...)."""

import ast
import re

from serve_app.domain.debug.edits import replace_node
from serve_app.domain.debug.explainers.common import checked, code
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains
from serve_app.domain.debug.values import literal

_DECIMAL = re.compile(r"^\s*[-+]?\d*\.\d+\s*$")


def _reads_input(context: Context) -> bool:
    return any(
        isinstance(c.func, ast.Name) and c.func.id == "input"
        for c in context.source.nodes(ast.Call)
    )


@explains(
    "ValueError", pattern=r"invalid literal for int\(\) with base (?P<base>\d+): (?P<value>.+)"
)
def bad_int_text(context: Context, match: re.Match[str]) -> Explanation | None:
    shown = match["value"]
    text = literal(shown)
    value = text if isinstance(text, str) else shown
    conversions = [
        c for c in context.nodes(ast.Call) if isinstance(c.func, ast.Name) and c.func.id == "int"
    ]
    solution = None
    from_input = _reads_input(context)
    if value.strip() == "":
        why = "The text is empty. " + (
            "`input()` returned an empty line - was the program given any input (stdin)?"
            if from_input
            else "An empty string is not a number."
        )
    elif _DECIMAL.match(value):
        why = (
            f"{code(shown)} has a decimal point; `int()` only accepts whole numbers written as "
            f"text."
        )
        if len(conversions) == 1:
            call = conversions[0]
            solution = checked(
                context,
                replace_node(context.source.code, call.func, "float"),
            )
    else:
        source = "the input" if from_input else "the text"
        why = (
            f"{code(shown)} from {source} is not made only of digits, so it is not a whole number."
        )
    return Explanation(
        summary=(
            f"**ValueError** on {context.where}: `int()` cannot turn {code(shown)} into a "
            f"number. {why}"
        ),
        hints=(
            f"{context.at} converts the text {code(shown)} with `int()`.",
            why,
            "Only convert text that really holds a whole number: use `float()` for decimals, "
            "check with `text.isdigit()` first, or catch the error with "
            "`try: ... except ValueError:`.",
        ),
        topic="exceptions" if not from_input else "variables",
        solution=solution,
    )


@explains("ValueError", pattern=r"could not convert string to float: (?P<value>.+)")
def bad_float_text(context: Context, match: re.Match[str]) -> Explanation | None:
    shown = match["value"]
    comma = "," in shown
    why = (
        f"{code(shown)} uses a comma; Python numbers use a dot for decimals (`3.5`)."
        if comma
        else f"{code(shown)} is not a number written as text."
    )
    return Explanation(
        summary=f"**ValueError** on {context.where}: `float()` cannot convert {code(shown)}. {why}",
        hints=(
            f"{context.at} converts {code(shown)} with `float()`.",
            why,
            "Validate the text before converting, or wrap the conversion in "
            "`try: ... except ValueError:` and ask again.",
        ),
        topic="exceptions",
    )


@explains(
    "ValueError",
    pattern=(
        r"(?P<many>too many) values to unpack \(expected (?P<expected>\d+)\)"
        r"|not enough values to unpack \(expected (?P<expected2>\d+), got (?P<got>\d+)\)"
    ),
)
def unpack_count(context: Context, match: re.Match[str]) -> Explanation | None:
    expected = int(match["expected"] or match["expected2"])
    got = match["got"]
    solution = None
    loops = [
        loop
        for loop in context.nodes(ast.For)
        if loop.lineno == context.line and isinstance(loop.target, ast.Tuple)
    ]
    dict_loop = False
    if loops and isinstance(loops[0].iter, ast.Name):
        shown = context.values.repr_of(loops[0].iter.id)
        value = context.values.of(loops[0].iter.id)
        dict_loop = isinstance(value, dict) or (shown or "").startswith("{")
        if dict_loop and expected == 2:
            iterated = loops[0].iter
            solution = checked(
                context,
                replace_node(context.source.code, iterated, f"{iterated.id}.items()"),
            )
    if dict_loop:
        why = (
            "Looping over a dictionary gives only its *keys*, one value each, so they cannot "
            "be split into a key and a value. Use `.items()` to get `(key, value)` pairs."
        )
    elif match["many"]:
        why = (
            f"The right side holds more than {expected} values, but there are only {expected} "
            f"names on the left."
        )
    else:
        why = f"The right side holds only {got} values, but there are {expected} names on the left."
    return Explanation(
        summary=(
            f"**ValueError** on {context.where}: unpacking needs exactly one value per name. {why}"
        ),
        hints=(
            f"{context.at} unpacks a collection into {expected} variables.",
            why,
            "Make the number of names match the number of items, or loop over `.items()` "
            "for dicts and `enumerate(...)` for (index, item) pairs.",
        ),
        topic="dicts" if dict_loop else "tuples",
        solution=solution,
    )


@explains("ValueError", pattern=r"list\.remove\(x\): x not in list|(?P<value>.+) is not in list")
def not_in_list(context: Context, match: re.Match[str]) -> Explanation | None:
    method = "remove" if match["value"] is None else "index"
    return Explanation(
        summary=(
            f"**ValueError** on {context.where}: `.{method}()` looked for a value that is not in "
            "the list."
        ),
        hints=(
            f"{context.at} calls `.{method}()` with a value the list does not contain.",
            f"`.{method}()` raises an error instead of doing nothing when the value is missing.",
            "Check first with `if value in my_list:` before calling it.",
        ),
        topic="lists",
    )


@explains("ValueError", pattern=r"math domain error")
def math_domain(context: Context, match: re.Match[str]) -> Explanation | None:
    return Explanation(
        summary=(
            f"**ValueError** on {context.where}: a math function got a value outside the "
            "range where it is defined - e.g. `math.sqrt()` of a negative number or "
            "`math.log()` of 0 or a negative number."
        ),
        hints=(
            f"{context.at} calls a `math` function with an impossible input.",
            "Square roots of negative numbers and logarithms of numbers <= 0 are not defined "
            "for real numbers.",
            "Check the value first (`if x >= 0:`), or use `abs()` if that is what you meant.",
        ),
        topic="modules",
    )


@explains(
    "ValueError", pattern=r"(?P<func>max|min)\(\) (?:arg|iterable argument) is an empty sequence"
)
def empty_max_min(context: Context, match: re.Match[str]) -> Explanation | None:
    func = match["func"]
    return Explanation(
        summary=(
            f"**ValueError** on {context.where}: `{func}()` was given an empty collection, which "
            f"has no {func}imum."
        ),
        hints=(
            f"{context.at} calls `{func}()` on something empty.",
            "The list (or other collection) has no items at this point.",
            f"Check `if items:` first, or pass a fallback: `{func}(items, default=0)`.",
        ),
        topic="lists",
    )


@explains("ValueError", pattern=r"substring not found")
def substring_not_found(context: Context, match: re.Match[str]) -> Explanation | None:
    return Explanation(
        summary=(
            f"**ValueError** on {context.where}: `.index()` did not find the substring in the text."
        ),
        hints=(
            f"{context.at} searches a string with `.index()`.",
            "`.index()` raises an error when the substring is missing.",
            "Use `.find()`, which returns -1 when not found, or check `if sub in text:` first.",
        ),
        topic="strings",
    )


@explains("ValueError", pattern=r"empty range (?:for|in) randrange")
def empty_random_range(context: Context, match: re.Match[str]) -> Explanation | None:
    return Explanation(
        summary=(
            f"**ValueError** on {context.where}: the random range is empty - the lower bound "
            "is larger than the upper bound."
        ),
        hints=(
            f"{context.at} asks `random` for a number between two bounds.",
            "`random.randint(a, b)` needs `a <= b` (and `randrange(a, b)` needs `a < b`).",
            "Put the smaller number first, or compute the bounds with `min()` and `max()`.",
        ),
        topic="modules",
    )


@explains("ValueError", pattern=r"I/O operation on closed file")
def closed_file(context: Context, match: re.Match[str]) -> Explanation | None:
    return Explanation(
        summary=(
            f"**ValueError** on {context.where}: the file was already closed - probably this "
            "line is outside the `with open(...)` block."
        ),
        hints=(
            f"{context.at} uses a file object after it was closed.",
            "A `with open(...) as f:` block closes the file as soon as the indented block ends.",
            "Indent the code that reads or writes the file inside the `with` block.",
        ),
        topic="files",
    )
