"""Static checks for beginner slips that raise nothing but make the program wrong."""

import ast
import logging
from collections.abc import Callable
from dataclasses import dataclass

from serve_app.domain.debug.edits import insert_line, replace_node
from serve_app.domain.debug.loops import infinite_loops
from serve_app.domain.debug.source import Source, parses
from serve_app.domain.topics import Topic

logger = logging.getLogger(__name__)

# str methods return a new string; calling one without keeping the result does nothing.
STR_RESULT_METHODS = frozenset(
    {
        "upper", "lower", "strip", "lstrip", "rstrip", "replace", "title", "capitalize",
        "swapcase", "casefold", "removeprefix", "removesuffix", "zfill", "center", "ljust",
        "rjust", "format", "split", "join", "splitlines",
    }
)  # fmt: skip
_SEQUENCE_MUTATORS = frozenset({"remove", "append", "pop", "insert", "extend", "clear"})
_DICT_SET_MUTATORS = frozenset({"pop", "popitem", "add", "discard", "update", "setdefault"})


@dataclass(frozen=True)
class Finding:
    kind: str
    line: int
    message: str  # what is wrong, starting with "Line N:"
    why: str  # why it misbehaves
    how: str  # how to fix this kind of slip in general
    topic: Topic
    solution: str | None = None  # the student's code with this slip corrected
    subject: str | None = None  # the variable or function involved


Check = Callable[[Source], list[Finding]]


def find_logic_slips(source: Source) -> tuple[Finding, ...]:
    if source.tree is None:
        return ()
    findings: list[Finding] = []
    for check in CHECKS:
        try:
            findings += check(source)
        except Exception:
            # A check tripping over unusual code must not block the diagnosis.
            logger.exception("logic slip check %s failed", check.__name__)
    return tuple(sorted(findings, key=lambda f: f.line))


def _fixed(candidate: str, original: str) -> str | None:
    return candidate if candidate != original and parses(candidate) else None


def _is_len_of(node: ast.expr) -> str | None:
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "len"
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Name)
    ):
        return node.args[0].id
    return None


def _is_plus_one(node: ast.expr) -> ast.expr | None:
    if (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Add)
        and isinstance(node.right, ast.Constant)
        and node.right.value == 1
    ):
        return node.left
    return None


def _indexes(body: list[ast.stmt], container: str, index: str) -> list[ast.Subscript]:
    return [
        node
        for statement in body
        for node in ast.walk(statement)
        if isinstance(node, ast.Subscript)
        and isinstance(node.value, ast.Name)
        and node.value.id == container
        and isinstance(node.slice, ast.Name)
        and node.slice.id == index
    ]


def _mentions_previous(body: list[ast.stmt], index: str) -> bool:
    return any(
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Sub)
        and isinstance(node.left, ast.Name)
        and node.left.id == index
        for statement in body
        for node in ast.walk(statement)
    )


def check_off_by_one_ranges(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for loop in source.nodes(ast.For):
        call = loop.iter
        if not (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Name)
            and call.func.id == "range"
            and isinstance(loop.target, ast.Name)
            and 1 <= len(call.args) <= 2
        ):
            continue
        index = loop.target.id
        stop = call.args[-1]
        start = call.args[0] if len(call.args) == 2 else None
        past_end = _is_plus_one(stop)
        container = _is_len_of(past_end) if past_end is not None else None
        header = source.segment(call)
        if past_end is not None and container and _indexes(loop.body, container, index):
            fixed = _fixed(replace_node(source.code, stop, source.segment(past_end)), source.code)
            findings.append(
                Finding(
                    kind="range_past_end",
                    line=loop.lineno,
                    message=(
                        f"Line {loop.lineno}: `{header}` goes one step too far: its last "
                        f"value is `len({container})`, which is not a valid index of "
                        f"`{container}`."
                    ),
                    why=(
                        f"Indexes of `{container}` run from 0 to `len({container}) - 1`; "
                        "`range(n)` already stops just before `n`, so the `+ 1` overshoots."
                    ),
                    how="Use `range(len(items))`, or loop over the items directly.",
                    topic="loops",
                    solution=fixed,
                    subject=container,
                )
            )
            continue
        container = _is_len_of(stop)
        if (
            container
            and isinstance(start, ast.Constant)
            and start.value == 1
            and _indexes(loop.body, container, index)
            and not _mentions_previous(loop.body, index)
        ):
            fixed = _fixed(replace_node(source.code, call, f"range(len({container}))"), source.code)
            findings.append(
                Finding(
                    kind="range_skips_first",
                    line=loop.lineno,
                    message=(
                        f"Line {loop.lineno}: `{header}` starts at 1, so `{container}[0]`, "
                        "the first item, is never visited."
                    ),
                    why="Python counts indexes from 0, not 1.",
                    how="Start the range at 0 (`range(len(items))`), or loop over the items.",
                    topic="loops",
                    solution=fixed,
                    subject=container,
                )
            )
    for while_loop in source.nodes(ast.While):
        test = while_loop.test
        if (
            isinstance(test, ast.Compare)
            and len(test.ops) == 1
            and isinstance(test.ops[0], ast.LtE)
            and isinstance(test.left, ast.Name)
            and (container := _is_len_of(test.comparators[0]))
            and _indexes(while_loop.body, container, test.left.id)
        ):
            left = test.left.id
            replacement = f"{left} < {source.segment(test.comparators[0])}"
            findings.append(
                Finding(
                    kind="range_past_end",
                    line=while_loop.lineno,
                    message=(
                        f"Line {while_loop.lineno}: `{source.segment(test)}` lets `{left}` reach "
                        f"`len({container})`, one past the last index of `{container}`."
                    ),
                    why=f"The last valid index of `{container}` is `len({container}) - 1`.",
                    how="Use `<` rather than `<=` when comparing an index with a length.",
                    topic="loops",
                    solution=_fixed(replace_node(source.code, test, replacement), source.code),
                    subject=container,
                )
            )
    return findings


def _returns_value(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    return any(
        isinstance(node, ast.Return) and node.value is not None for node in _own_nodes(function)
    ) or any(isinstance(node, ast.Yield | ast.YieldFrom) for node in _own_nodes(function))


def _own_nodes(function: ast.FunctionDef | ast.AsyncFunctionDef) -> list[ast.AST]:
    """Nodes of a function body, without descending into nested functions or classes."""
    found: list[ast.AST] = []
    pending: list[ast.AST] = list(function.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue
        found.append(node)
        pending.extend(ast.iter_child_nodes(node))
    return found


def _is_print(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"
    )


def used_results(source: Source, name: str) -> list[ast.Call]:
    """Calls of `name` whose result the code keeps (assigns, prints, computes with)."""
    calls: list[ast.Call] = []
    for node in source.nodes(ast.Call):
        if isinstance(node.func, ast.Name) and node.func.id == name:
            parent = source.parent(node)
            if not isinstance(parent, ast.Expr):
                calls.append(node)
    return calls


def print_to_return(source: Source, function: ast.FunctionDef | ast.AsyncFunctionDef) -> str | None:
    """The code with the function's final `print(x)` turned into `return x`."""
    last = function.body[-1]
    if not (
        isinstance(last, ast.Expr)
        and _is_print(last.value)
        and isinstance(last.value, ast.Call)
        and len(last.value.args) == 1
        and not last.value.keywords
        and not isinstance(last.value.args[0], ast.Starred)
    ):
        return None
    fixed = replace_node(source.code, last, f"return {source.segment(last.value.args[0])}")
    return _fixed(fixed, source.code)


def check_missing_returns(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for function in source.nodes(ast.FunctionDef):
        if function.name.startswith("__") or _returns_value(function):
            continue
        uses = used_results(source, function.name)
        if not uses:
            continue
        use = uses[0]
        prints = any(_is_print(node) for node in _own_nodes(function))
        use_text = source.line(use.lineno).strip()
        if prints:
            findings.append(
                Finding(
                    kind="prints_instead_of_returning",
                    line=function.lineno,
                    message=(
                        f"Line {function.lineno}: `{function.name}()` prints its result but "
                        f"never `return`s it, so line {use.lineno} (`{use_text}`) gets `None`."
                    ),
                    why=(
                        "`print` only shows a value on the screen; the caller receives what "
                        "the function `return`s, and a function with no `return` gives `None`."
                    ),
                    how="Replace the `print(...)` inside the function with `return ...`.",
                    topic="functions",
                    solution=print_to_return(source, function),
                    subject=function.name,
                )
            )
            continue
        last = function.body[-1]
        solution = None
        if isinstance(last, ast.Expr) and not isinstance(last.value, ast.Call):
            solution = _fixed(
                replace_node(source.code, last, f"return {source.segment(last.value)}"),
                source.code,
            )
        findings.append(
            Finding(
                kind="missing_return",
                line=function.lineno,
                message=(
                    f"Line {function.lineno}: `{function.name}()` never returns a value, so "
                    f"line {use.lineno} (`{use_text}`) gets `None`."
                ),
                why="A function without a `return` statement gives back `None`.",
                how="End the function with `return <the value you computed>`.",
                topic="functions",
                solution=solution,
                subject=function.name,
            )
        )
    return findings


def _used_as_index(source: Source, node: ast.expr) -> bool:
    current: ast.AST = node
    parent = source.parent(current)
    while parent is not None:
        if isinstance(parent, ast.Subscript) and current is parent.slice:
            return True
        if (
            isinstance(parent, ast.Call)
            and isinstance(parent.func, ast.Name)
            and parent.func.id == "range"
            and current in parent.args
        ):
            return True
        if not isinstance(parent, ast.BinOp | ast.UnaryOp | ast.Slice):
            return False
        current, parent = parent, source.parent(parent)
    return False


def _names_used_as_index(source: Source) -> set[str]:
    return {
        node.id
        for node in source.nodes(ast.Name)
        if isinstance(node.ctx, ast.Load) and _used_as_index(source, node)
    }


def check_true_division_as_index(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    index_names = _names_used_as_index(source)
    for division in source.nodes(ast.BinOp):
        if not isinstance(division.op, ast.Div):
            continue
        parent = source.parent(division)
        assigned_to = (
            parent.targets[0].id
            if isinstance(parent, ast.Assign)
            and len(parent.targets) == 1
            and isinstance(parent.targets[0], ast.Name)
            else None
        )
        if not (_used_as_index(source, division) or assigned_to in index_names):
            continue
        text = source.segment(division)
        floor = f"{source.segment(division.left)} // {source.segment(division.right)}"
        where = f"`{assigned_to}` is used as an index" if assigned_to else "it is used as an index"
        findings.append(
            Finding(
                kind="true_division_as_index",
                line=division.lineno,
                message=(
                    f"Line {division.lineno}: `{text}` uses `/`, which always gives a float "
                    f"(like `2.0`), but {where} or range bound, which must be a whole number."
                ),
                why="`/` is true division and returns a float even for `4 / 2`.",
                how="Use `//` (floor division) when you need a whole-number result.",
                topic="variables",
                solution=_fixed(replace_node(source.code, division, floor), source.code),
                subject=assigned_to,
            )
        )
    return findings


def _is_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return node.value is not None and not isinstance(node.value, bool) and node.value != ...
    return isinstance(node, ast.List | ast.Dict | ast.Set | ast.Tuple | ast.JoinedStr)


def check_is_with_literal(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for compare in source.nodes(ast.Compare):
        if len(compare.ops) != 1 or not isinstance(compare.ops[0], ast.Is | ast.IsNot):
            continue
        if not (_is_literal(compare.left) or _is_literal(compare.comparators[0])):
            continue
        equal = "==" if isinstance(compare.ops[0], ast.Is) else "!="
        replacement = (
            f"{source.segment(compare.left)} {equal} {source.segment(compare.comparators[0])}"
        )
        findings.append(
            Finding(
                kind="is_with_literal",
                line=compare.lineno,
                message=(
                    f"Line {compare.lineno}: `{source.segment(compare)}` compares with `is`; "
                    f"use `{equal}` to compare values."
                ),
                why=(
                    "`is` asks whether two things are the very same object in memory, not "
                    "whether they are equal; for numbers and strings that works only by luck."
                ),
                how="Use `==` / `!=` for values; keep `is` for `None` (`x is None`).",
                topic="conditionals",
                solution=_fixed(replace_node(source.code, compare, replacement), source.code),
            )
        )
    return findings


def check_comparison_as_statement(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for statement in source.nodes(ast.Expr):
        compare = statement.value
        if not (
            isinstance(compare, ast.Compare)
            and len(compare.ops) == 1
            and isinstance(compare.ops[0], ast.Eq)
            and isinstance(compare.left, ast.Name | ast.Attribute | ast.Subscript)
        ):
            continue
        target, value = source.segment(compare.left), source.segment(compare.comparators[0])
        findings.append(
            Finding(
                kind="comparison_as_statement",
                line=statement.lineno,
                message=(
                    f"Line {statement.lineno}: `{source.segment(compare)}` compares but keeps "
                    f"nothing; to store a value write `{target} = {value}`."
                ),
                why="`==` asks a question (are they equal?); `=` stores a value in a variable.",
                how="Use a single `=` to assign, and `==` only inside conditions.",
                topic="variables",
                solution=_fixed(
                    replace_node(source.code, statement, f"{target} = {value}"), source.code
                ),
                subject=target,
            )
        )
    return findings


def check_discarded_results(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for statement in source.nodes(ast.Expr):
        call = statement.value
        if not isinstance(call, ast.Call):
            continue
        func = call.func
        target: str | None = None
        if (
            isinstance(func, ast.Attribute)
            and func.attr in STR_RESULT_METHODS
            and isinstance(func.value, ast.Name)
        ):
            target = func.value.id
            what = f"`.{func.attr}()` returns a new string and leaves `{target}` unchanged"
        elif (
            isinstance(func, ast.Name)
            and func.id in {"sorted", "reversed"}
            and len(call.args) == 1
            and isinstance(call.args[0], ast.Name)
        ):
            target = call.args[0].id
            what = f"`{func.id}()` returns a new sequence and leaves `{target}` unchanged"
        if target is None:
            continue
        text = source.segment(call)
        findings.append(
            Finding(
                kind="discarded_result",
                line=statement.lineno,
                message=(
                    f"Line {statement.lineno}: `{text}` has no effect: {what}, and the result "
                    "is thrown away."
                ),
                why="Strings never change in place; their methods hand back a new string.",
                how=f"Keep the result, e.g. `{target} = {text}`.",
                topic="strings",
                solution=_fixed(
                    replace_node(source.code, statement, f"{target} = {text}"), source.code
                ),
                subject=target,
            )
        )
    return findings


def _is_mutable_default(node: ast.expr) -> bool:
    if isinstance(node, ast.List | ast.Dict | ast.Set):
        return True
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in {"list", "dict", "set"}
    )


def check_mutable_defaults(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for function in source.nodes(ast.FunctionDef):
        arguments = function.args
        positional = arguments.posonlyargs + arguments.args
        pairs = list(
            zip(
                positional[len(positional) - len(arguments.defaults) :],
                arguments.defaults,
                strict=True,
            )
        )
        pairs += [
            (arg, default)
            for arg, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)
            if default is not None
        ]
        for arg, default in pairs:
            if not _is_mutable_default(default):
                continue
            name, original = arg.arg, source.segment(default)
            findings.append(
                Finding(
                    kind="mutable_default",
                    line=function.lineno,
                    message=(
                        f"Line {function.lineno}: `{name}={original}` is a mutable default; "
                        f"the same `{original}` is shared by every call of `{function.name}()`."
                    ),
                    why=(
                        "Default values are created once, when the function is defined, so "
                        "changes made in one call are still there in the next."
                    ),
                    how=f"Default to `None` and create a fresh `{original}` inside the function.",
                    topic="functions",
                    solution=_none_default(source, function, default, name, original),
                    subject=name,
                )
            )
    return findings


def _none_default(
    source: Source, function: ast.FunctionDef, default: ast.expr, name: str, original: str
) -> str | None:
    first = function.body[0]
    if first.lineno == function.lineno:
        return None  # a one-line `def f(x=[]): ...` has no body line to insert into
    docstring = (
        isinstance(first, ast.Expr)
        and isinstance(first.value, ast.Constant)
        and isinstance(first.value.value, str)
        and len(function.body) > 1
    )
    anchor = function.body[1] if docstring else first
    indent = source.indentation(anchor.lineno)
    guard = f"{indent}if {name} is None:\n{indent}    {name} = {original}"
    # Insert first (below the default), then edit the default, so line numbers hold.
    code = insert_line(source.code, anchor.lineno, guard)
    return _fixed(replace_node(code, default, "None"), source.code)


def check_mutation_while_iterating(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for loop in source.nodes(ast.For):
        iterated = loop.iter
        if isinstance(iterated, ast.Call) and isinstance(iterated.func, ast.Attribute):
            if iterated.func.attr not in {"keys", "values", "items"}:
                continue
            iterated = iterated.func.value
        if not isinstance(iterated, ast.Name):
            continue
        name = iterated.id
        for statement in loop.body:
            mutation = next(
                (
                    node
                    for node in ast.walk(statement)
                    if isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in _SEQUENCE_MUTATORS | _DICT_SET_MUTATORS
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == name
                ),
                None,
            )
            if mutation is None:
                continue
            grows = isinstance(mutation.func, ast.Attribute) and mutation.func.attr in {
                "append", "extend", "insert", "add", "update", "setdefault",
            }  # fmt: skip
            effect = "never ends" if grows else "skips items"
            findings.append(
                Finding(
                    kind="mutation_while_iterating",
                    line=mutation.lineno,
                    message=(
                        f"Line {mutation.lineno}: `{source.segment(mutation)}` changes "
                        f"`{name}` while the loop on line {loop.lineno} walks through it, so "
                        f"the loop {effect}."
                    ),
                    why=(
                        "A `for` loop keeps a position inside the collection; adding or "
                        "removing items shifts what is at that position."
                    ),
                    how=(
                        "Loop over a copy (`for x in list(items):`) or build a new collection "
                        "instead of changing the one you are looping over."
                    ),
                    topic="lists",
                    solution=_fixed(
                        replace_node(source.code, loop.iter, f"list({source.segment(loop.iter)})"),
                        source.code,
                    ),
                    subject=name,
                )
            )
            break
    return findings


def check_always_true_or(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for condition in source.nodes(ast.BoolOp):
        if not isinstance(condition.op, ast.Or):
            continue
        first, rest = condition.values[0], condition.values[1:]
        if not (
            isinstance(first, ast.Compare)
            and len(first.ops) == 1
            and isinstance(first.ops[0], ast.Eq)
            and rest
            and all(isinstance(v, ast.Constant) and v.value for v in rest)
        ):
            continue
        subject = source.segment(first.left)
        options = ", ".join(source.segment(v) for v in [first.comparators[0], *rest])
        replacement = f"{subject} in ({options})"
        findings.append(
            Finding(
                kind="always_true_or",
                line=condition.lineno,
                message=(
                    f"Line {condition.lineno}: `{source.segment(condition)}` is always true: "
                    f"`{source.segment(rest[0])}` on its own counts as true."
                ),
                why=(
                    "`or` does not repeat the comparison: `x == 'a' or 'b'` means "
                    "`(x == 'a') or ('b')`, and a non-empty string is true."
                ),
                how=f"Compare each time (`{subject} == ... or {subject} == ...`) or use `in`.",
                topic="conditionals",
                solution=_fixed(replace_node(source.code, condition, replacement), source.code),
                subject=subject,
            )
        )
    return findings


def _return_after_loop(source: Source, loop: ast.For, statement: ast.Return) -> str | None:
    """Move a loop's trailing `return` out of the loop body, to run once the loop is done."""
    if statement.end_lineno != statement.lineno:
        return None
    indent = source.indentation(loop.lineno)
    text = source.line(statement.lineno).strip()
    lines = source.code.split("\n")
    lines[statement.lineno - 1] = indent + text
    return _fixed("\n".join(lines), source.code)


def check_return_in_first_iteration(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    for loop in source.nodes(ast.For):
        last = loop.body[-1]
        if isinstance(last, ast.Return) and len(loop.body) > 1:
            findings.append(
                Finding(
                    kind="return_in_first_iteration",
                    line=last.lineno,
                    message=(
                        f"Line {last.lineno}: `{source.line(last.lineno).strip()}` is inside the "
                        f"loop on line {loop.lineno}, so the function returns during the first "
                        "pass and the other items are never processed."
                    ),
                    why="`return` leaves the whole function at once, loop included.",
                    how=(
                        "Put the `return` after the loop (one indentation level less), so it "
                        "runs once every item has been processed."
                    ),
                    topic="loops",
                    solution=_return_after_loop(source, loop, last),
                )
            )
            continue
        if not (
            isinstance(last, ast.If)
            and last.orelse
            and isinstance(last.body[-1], ast.Return)
            and isinstance(last.orelse[-1], ast.Return)
        ):
            continue
        findings.append(
            Finding(
                kind="return_in_first_iteration",
                line=last.lineno,
                message=(
                    f"Line {last.lineno}: both branches of this `if` return, so the loop on "
                    f"line {loop.lineno} stops after its first item."
                ),
                why="`return` leaves the whole function at once, loop included.",
                how=(
                    "Return early only when you have found the answer; put the other "
                    "`return` after the loop, once every item has been checked."
                ),
                topic="loops",
            )
        )
    return findings


def check_infinite_loops(source: Source) -> list[Finding]:
    return [
        Finding(
            kind="infinite_loop",
            line=suspect.line,
            message=f"Line {suspect.line}: {suspect.reason}",
            why="A `while` loop only stops when its condition becomes false (or on `break`).",
            how="Make sure each pass moves the loop variable toward the stopping condition.",
            topic="loops",
            solution=suspect.solution,
            subject=suspect.variable,
        )
        for suspect in infinite_loops(source)
        if suspect.is_while  # growing `for` loops are reported as mutation while iterating
    ]


def check_uncalled_functions(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    functions = source.functions
    for statement in source.nodes(ast.Expr):
        value = statement.value
        if isinstance(value, ast.Name) and value.id in functions:
            name = value.id
        elif isinstance(value, ast.Attribute) and value.attr in STR_RESULT_METHODS:
            name = source.segment(value)
        else:
            continue
        findings.append(
            Finding(
                kind="function_not_called",
                line=statement.lineno,
                message=(
                    f"Line {statement.lineno}: `{name}` names the function without calling "
                    f"it; write `{name}()`."
                ),
                why="Without parentheses Python just looks the function up and does nothing.",
                how="Add `()` (with any arguments) to call a function.",
                topic="functions",
                solution=_fixed(replace_node(source.code, value, f"{name}()"), source.code)
                if isinstance(value, ast.Name) and not _required_params(functions[name])
                else None,
                subject=name,
            )
        )
    return findings


def _required_params(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    arguments = function.args
    return len(arguments.posonlyargs + arguments.args) - len(arguments.defaults)


CHECKS: tuple[Check, ...] = (
    check_off_by_one_ranges,
    check_missing_returns,
    check_true_division_as_index,
    check_is_with_literal,
    check_comparison_as_statement,
    check_discarded_results,
    check_mutable_defaults,
    check_mutation_while_iterating,
    check_always_true_or,
    check_return_in_first_iteration,
    check_infinite_loops,
    check_uncalled_functions,
)
