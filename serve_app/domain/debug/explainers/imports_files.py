"""Imports that fail, files that are missing, and input that runs out."""

import ast
import importlib
import re

from serve_app.domain.debug.edits import replace_node, replace_nodes
from serve_app.domain.debug.explainers.common import checked, code
from serve_app.domain.debug.explainers.registry import Context, Explanation, explains
from serve_app.domain.debug.names import STDLIB_MODULES, closest

# Popular packages that are not part of Python itself, so not available in the sandbox.
_THIRD_PARTY = frozenset(
    {"numpy", "pandas", "requests", "matplotlib", "scipy", "sklearn", "flask", "django",
     "pygame", "bs4", "PIL", "torch", "tensorflow", "seaborn", "openpyxl", "yaml"}
)  # fmt: skip
_SAFE_TO_IMPORT = frozenset(
    {"math", "random", "string", "statistics", "itertools", "collections", "functools",
     "datetime", "json", "re", "time", "operator", "fractions", "decimal", "copy"}
)  # fmt: skip


def _import_aliases(context: Context, name: str) -> list[ast.alias]:
    return [
        alias for node in context.nodes(ast.Import) for alias in node.names if alias.name == name
    ]


def _rename_import(context: Context, alias: ast.alias, wrong: str, right: str) -> str | None:
    """Fix the imported name, and its uses too unless it was imported `as` something else."""
    uses: list[ast.AST] = []
    if alias.asname is None:
        uses = [
            node
            for node in context.source.nodes(ast.Name)
            if node.id == wrong and isinstance(node.ctx, ast.Load)
        ]
    alias_text = f"{right} as {alias.asname}" if alias.asname else right
    # Uses come after the import, so replacing them first keeps the alias position valid.
    code_text = replace_nodes(context.source.code, uses, right)
    return checked(context, replace_node(code_text, alias, alias_text))


@explains("ModuleNotFoundError", pattern=r"No module named '(?P<name>[\w.]+)'")
def module_not_found(context: Context, match: re.Match[str]) -> Explanation | None:
    name = match["name"]
    top = name.split(".")[0]
    if top in _THIRD_PARTY:
        why = (
            f"{code(top)} is a third-party package, not part of Python itself, and it is not "
            "installed where your code runs. LearnFlow exercises use only the standard library."
        )
        return Explanation(
            summary=f"**ModuleNotFoundError** on {context.where}: {why}",
            hints=(
                f"{context.at} imports {code(top)}.",
                why,
                "Solve the task with built-in tools (lists, `math`, `statistics`, ...); on "
                "your own computer you would install it with `pip install`.",
            ),
            topic="modules",
        )
    suggestion = closest(top, STDLIB_MODULES, cutoff=0.75)
    solution = None
    if suggestion is not None:
        aliases = _import_aliases(context, name)
        if len(aliases) == 1 and "." not in name:
            solution = _rename_import(context, aliases[0], top, suggestion)
        else:
            froms = [n for n in context.nodes(ast.ImportFrom) if n.module == name]
            if len(froms) == 1:
                line = context.source.line(froms[0].lineno)
                fixed = line.replace(f"from {name} ", f"from {suggestion} ", 1)
                lines = context.source.code.split("\n")
                lines[froms[0].lineno - 1] = fixed
                solution = checked(context, "\n".join(lines))
    did_you_mean = f" Did you mean {code(suggestion)}?" if suggestion else ""
    why = f"There is no module called {code(name)}.{did_you_mean}"
    return Explanation(
        summary=f"**ModuleNotFoundError** on {context.where}: {why}",
        hints=(
            f"{context.at} imports {code(name)}.",
            why + " Module names are lowercase and must be spelled exactly.",
            "Check the module's exact name in the Python documentation; your own files can "
            "only be imported if they exist next to your program.",
        ),
        topic="modules",
        solution=solution,
    )


@explains("ImportError", pattern=r"cannot import name '(?P<name>\w+)' from '(?P<module>[\w.]+)'")
def cannot_import_name(context: Context, match: re.Match[str]) -> Explanation | None:
    name, module = match["name"], match["module"]
    known: list[str] = []
    if module in _SAFE_TO_IMPORT:
        known = [n for n in dir(importlib.import_module(module)) if not n.startswith("_")]
    suggestion = closest(name, known)
    solution = None
    if suggestion is not None:
        aliases = [
            alias
            for node in context.nodes(ast.ImportFrom)
            for alias in node.names
            if alias.name == name
        ]
        if len(aliases) == 1:
            solution = _rename_import(context, aliases[0], name, suggestion)
    did_you_mean = f" Did you mean {code(suggestion)}?" if suggestion else ""
    why = f"The module {code(module)} has nothing called {code(name)}.{did_you_mean}"
    return Explanation(
        summary=f"**ImportError** on {context.where}: {why}",
        hints=(
            f"{context.at} imports {code(name)} from {code(module)}.",
            why,
            "Check the spelling against the module's documentation (or `dir(module)`).",
        ),
        topic="modules",
        solution=solution,
    )


@explains("FileNotFoundError", pattern=r"No such file or directory: (?P<path>.+)")
def file_not_found(context: Context, match: re.Match[str]) -> Explanation | None:
    path = match["path"]
    return Explanation(
        summary=(
            f"**FileNotFoundError** on {context.where}: there is no file {code(path)} in the "
            "folder where the program runs. Relative paths are looked up in the current "
            "working directory, which starts out empty here."
        ),
        hints=(
            f"{context.at} opens {code(path)} for reading.",
            "Reading (`open(path)` or mode `'r'`) needs an existing file; the program's "
            "working folder does not contain it (check the name, extension and folder).",
            "Create the file first (write it with mode `'w'`), check with "
            "`os.path.exists(path)`, or handle the case with "
            "`try: ... except FileNotFoundError:`.",
        ),
        topic="files",
    )


@explains("EOFError")
def input_ran_out(context: Context, match: re.Match[str]) -> Explanation | None:
    reads = sum(
        1
        for c in context.source.nodes(ast.Call)
        if isinstance(c.func, ast.Name) and c.func.id == "input"
    )
    given = len(context.stdin.splitlines())
    supplied = (
        f"The program was given {given} line(s) of input"
        if given
        else "The program was given no input at all"
    )
    return Explanation(
        summary=(
            f"**EOFError** on {context.where}: `input()` wanted another line, but the input "
            f"had run out. {supplied}, and your code calls `input()` {reads} time(s) "
            "(possibly more inside a loop)."
        ),
        hints=(
            f"{context.at} calls `input()` when no input is left.",
            f"{supplied}; each `input()` consumes one line.",
            "Provide one line of input (stdin) per `input()` call, or stop reading when the "
            "input is empty (`try: ... except EOFError:`).",
        ),
        topic="variables",
    )


@explains("OSError")
def operating_system_error(context: Context, match: re.Match[str]) -> Explanation | None:
    kind = context.problem.type
    return Explanation(
        summary=(
            f"**{kind}** on {context.where}: the operating system refused a file or folder "
            f"operation: {context.problem.message or kind}."
        ),
        hints=(
            f"{context.at} works with a file or folder, and the operating system said no.",
            "The path may be a folder instead of a file (or the reverse), may be missing, or "
            "may not be readable or writable by the program.",
            "Print the path you use, check it points to what you expect, and handle such "
            "failures with `try: ... except OSError:`.",
        ),
        topic="files",
    )


@explains("PermissionError")
def permission_denied(context: Context, match: re.Match[str]) -> Explanation | None:
    return Explanation(
        summary=(
            f"**PermissionError** on {context.where}: the program is not allowed to read or "
            f"write this file or folder ({context.problem.message})."
        ),
        hints=(
            f"{context.at} touches a file or folder it has no permission for.",
            "Programs may only read and write where the operating system allows them; here "
            "only the program's own working folder is writable.",
            "Use a file name relative to the working folder (e.g. `'notes.txt'`) rather than "
            "a system path.",
        ),
        topic="files",
    )


@explains("UnicodeDecodeError", "UnicodeEncodeError")
def text_encoding(context: Context, match: re.Match[str]) -> Explanation | None:
    return Explanation(
        summary=(
            f"**{context.problem.type}** on {context.where}: text could not be converted "
            "between characters and bytes with the encoding in use - for example reading a "
            "file that is not UTF-8 text."
        ),
        hints=(
            f"{context.at} reads or writes text in an encoding that does not fit the data.",
            "Files are stored as bytes; turning them into text needs the right encoding, and "
            "binary files (images, zips) are not text at all.",
            "Pass the encoding explicitly, e.g. `open(path, encoding='utf-8')`, or open "
            "binary files with mode `'rb'`.",
        ),
        topic="files",
    )


@explains("JSONDecodeError")
def bad_json(context: Context, match: re.Match[str]) -> Explanation | None:
    return Explanation(
        summary=(
            f"**JSONDecodeError** on {context.where}: the text given to `json.loads()` / "
            f"`json.load()` is not valid JSON: {context.problem.message}."
        ),
        hints=(
            f"{context.at} parses text as JSON, and the text breaks JSON's rules.",
            "JSON needs double quotes around strings and keys, no trailing commas, and "
            "`true`/`false`/`null` instead of `True`/`False`/`None`.",
            "Print the text before parsing it, or build it with `json.dumps(...)` instead of "
            "writing it by hand.",
        ),
        topic="modules",
    )
