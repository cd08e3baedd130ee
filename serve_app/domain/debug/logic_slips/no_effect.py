"""Statements that compute something and throw it away, so they change nothing."""

import ast

from serve_app.domain.debug.edits import replace_node
from serve_app.domain.debug.logic_slips.finding import Finding, proposed_fix
from serve_app.domain.debug.source import Source

# str methods return a new string; calling one without keeping the result does nothing.
STR_RESULT_METHODS = frozenset(
    {
        "upper", "lower", "strip", "lstrip", "rstrip", "replace", "title", "capitalize",
        "swapcase", "casefold", "removeprefix", "removesuffix", "zfill", "center", "ljust",
        "rjust", "format", "split", "join", "splitlines",
    }
)  # fmt: skip


# Methods of lists, dicts and files that beginners name without calling.
_IN_PLACE_METHODS = frozenset({"sort", "reverse", "clear"})
_COLLECTION_METHODS = _IN_PLACE_METHODS | frozenset(
    {"append", "pop", "copy", "keys", "values", "items", "popitem", "close", "readline", "read"}
)


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
                solution=proposed_fix(
                    replace_node(source.code, statement, f"{target} = {value}"), source.code
                ),
                subject=target,
            )
        )
    return findings


def check_uncalled_functions(source: Source) -> list[Finding]:
    findings: list[Finding] = []
    functions = source.functions
    for statement in source.nodes(ast.Expr):
        value = statement.value
        if isinstance(value, ast.Name) and value.id in functions:
            name = value.id
        elif isinstance(value, ast.Attribute) and value.attr in (
            STR_RESULT_METHODS | _COLLECTION_METHODS
        ):
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
                solution=proposed_fix(replace_node(source.code, value, f"{name}()"), source.code)
                if (isinstance(value, ast.Name) and not _required_params(functions[name]))
                or (isinstance(value, ast.Attribute) and value.attr in _IN_PLACE_METHODS)
                else None,
                subject=name,
            )
        )
    return findings


def _required_params(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    arguments = function.args
    return len(arguments.posonlyargs + arguments.args) - len(arguments.defaults)


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
                solution=proposed_fix(
                    replace_node(source.code, statement, f"{target} = {text}"), source.code
                ),
                subject=target,
            )
        )
    return findings
