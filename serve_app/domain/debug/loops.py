"""Finds loops that can never stop, to explain timeouts and to warn before they happen."""

import ast
from dataclasses import dataclass

from serve_app.domain.debug.edits import insert_line, replace_node
from serve_app.domain.debug.source import Source, parses

# Calls in a loop condition that keep the condition's value a pure function of its names.
_PURE_CALLS = frozenset({"len", "abs", "int", "str", "float", "bool", "min", "max", "sum"})
_EXIT_CALLS = frozenset({"exit", "quit", "sys.exit", "os._exit"})
# Built-ins that only read their arguments: passing a loop variable to them changes nothing.
_READ_ONLY_CALLS = frozenset(
    {"print", "len", "str", "int", "float", "abs", "min", "max", "sum", "range", "sorted",
     "repr", "type", "isinstance", "round", "bool", "list", "tuple", "set", "format"}
)  # fmt: skip


@dataclass(frozen=True)
class LoopSuspect:
    line: int
    code: str  # the loop header as written
    reason: str  # why it never stops, for the student
    variable: str | None
    solution: str | None
    how: str = (
        "A `while` loop needs something in its body that moves toward making the condition "
        "false (like `i += 1`), or a `break`."
    )
    is_while: bool = True


def infinite_loops(source: Source) -> list[LoopSuspect]:
    suspects: list[LoopSuspect] = []
    for loop in source.nodes(ast.While):
        suspect = _inspect_while(source, loop)
        if suspect is not None:
            suspects.append(suspect)
    for for_loop in source.nodes(ast.For):
        suspect = _inspect_growing_for(source, for_loop)
        if suspect is not None:
            suspects.append(suspect)
    return sorted(suspects, key=lambda s: s.line)


def timeout_suspects(source: Source) -> list[LoopSuspect]:
    """Loops to blame once a run has actually timed out: sure suspects, then likely ones.

    The run proves that something never finished, so loops that merely *can* run forever
    (a counter that can step over its target; the only `while` with no way out) qualify too.
    """
    sure = infinite_loops(source)
    if sure:
        return sure
    loops = source.nodes(ast.While)
    stepping = [s for loop in loops if (s := _steps_over_target(source, loop)) is not None]
    if stepping:
        return sorted(stepping, key=lambda s: s.line)
    trapped = [loop for loop in loops if not _can_leave(loop)]
    if len(trapped) != 1:
        return []
    loop = trapped[0]
    header = _header(source, loop)
    return [
        LoopSuspect(
            line=loop.lineno,
            code=header,
            reason=(
                f"`{header}` is the only loop that can only stop through its condition, and "
                "that condition never became false while the program ran."
            ),
            variable=None,
            solution=None,
        )
    ]


def _constant_step(node: ast.AST, variable: str) -> float | None:
    """The signed step of `v += k`, `v -= k`, `v = v + k` or `v = v - k`; None otherwise."""
    if isinstance(node, ast.AugAssign) and isinstance(node.target, ast.Name):
        if node.target.id != variable:
            return None
        op, amount = node.op, node.value
    elif (
        isinstance(node, ast.Assign)
        and len(node.targets) == 1
        and isinstance(node.targets[0], ast.Name)
        and node.targets[0].id == variable
        and isinstance(node.value, ast.BinOp)
        and isinstance(node.value.left, ast.Name)
        and node.value.left.id == variable
    ):
        op, amount = node.value.op, node.value.right
    else:
        return None
    if not (isinstance(amount, ast.Constant) and isinstance(amount.value, int | float)):
        return None
    if isinstance(op, ast.Add):
        return float(amount.value)
    if isinstance(op, ast.Sub):
        return -float(amount.value)
    return None


def _steps_over_target(source: Source, loop: ast.While) -> LoopSuspect | None:
    """`while n != 0: n -= 2` stops only if the steps land exactly on the target."""
    test = loop.test
    if _can_leave(loop) or not (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.NotEq)
        and isinstance(test.left, ast.Name)
        and isinstance(test.comparators[0], ast.Constant)
    ):
        return None
    variable = test.left.id
    assignments = [
        node
        for statement in loop.body
        for node in ast.walk(statement)
        if isinstance(node, ast.AugAssign | ast.Assign) and _assigns(node, variable)
    ]
    steps = [_constant_step(node, variable) for node in assignments]
    if not steps or any(step is None or abs(step) == 1 for step in steps):
        return None
    header = _header(source, loop)
    target = ast.unparse(test.comparators[0])
    return LoopSuspect(
        line=loop.lineno,
        code=header,
        reason=(
            f"`{header}` only stops when `{variable}` is exactly {target}, but `{variable}` "
            "changes in bigger steps and can jump over that value, so the loop goes on forever."
        ),
        variable=variable,
        solution=None,
        how=(
            "Compare with `>` or `<` rather than `!=` when a counter moves in steps, so the loop "
            "stops even if it jumps past the limit."
        ),
    )


def _header(source: Source, loop: ast.While | ast.For) -> str:
    return source.line(loop.lineno).strip()


def _inspect_while(source: Source, loop: ast.While) -> LoopSuspect | None:
    if _can_leave(loop):
        return None
    header = _header(source, loop)
    test = loop.test
    if isinstance(test, ast.Constant):
        if not test.value:
            return None
        return LoopSuspect(
            line=loop.lineno,
            code=header,
            reason=(
                f"`{header}` repeats forever: its condition is always true and nothing in the "
                "loop body runs `break` or `return`."
            ),
            variable=None,
            solution=None,
        )
    if _has_impure_call(test):
        return None
    names = _condition_names(test)
    if not names or names & _names_changed_elsewhere(source):
        return None
    changed = _names_changed(loop.body)
    unchanged = sorted(names - changed)
    if len(unchanged) == len(names):
        variable = unchanged[0]
        return LoopSuspect(
            line=loop.lineno,
            code=header,
            reason=(
                f"`{header}` never stops: nothing inside the loop changes "
                f"`{'`, `'.join(unchanged)}`, so the condition stays true forever."
            ),
            variable=variable,
            solution=_add_step(source, loop, variable),
        )
    return _wrong_direction(source, loop, header)


def _can_leave(loop: ast.While) -> bool:
    for node in _walk_loop_body(loop.body, skip_inner_loops=False):
        if isinstance(node, ast.Return | ast.Raise):
            return True
        if isinstance(node, ast.Call) and ast.unparse(node.func) in _EXIT_CALLS:
            return True
    return any(
        isinstance(node, ast.Break) for node in _walk_loop_body(loop.body, skip_inner_loops=True)
    )


def _walk_loop_body(body: list[ast.stmt], *, skip_inner_loops: bool) -> list[ast.AST]:
    """Nodes of a loop body; `break`s of nested loops are left out since they exit only those."""
    found: list[ast.AST] = []
    pending: list[ast.AST] = list(body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda):
            continue
        if skip_inner_loops and isinstance(node, ast.For | ast.While | ast.AsyncFor):
            pending.extend(node.orelse)
            continue
        found.append(node)
        pending.extend(ast.iter_child_nodes(node))
    return found


def _has_impure_call(test: ast.expr) -> bool:
    for node in ast.walk(test):
        if isinstance(node, ast.Call):
            func = node.func
            if not (isinstance(func, ast.Name) and func.id in _PURE_CALLS):
                return True
    return False


def _condition_names(test: ast.expr) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(test):
        if isinstance(node, ast.Name) and node.id not in _PURE_CALLS:
            names.add(node.id)
    return names


def _names_changed(body: list[ast.stmt]) -> set[str]:
    changed: set[str] = set()
    for statement in body:
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store | ast.Del):
                changed.add(node.id)
            elif isinstance(node, ast.Attribute | ast.Subscript) and isinstance(
                node.ctx, ast.Store | ast.Del
            ):
                changed.update(_base_names(node))
            elif isinstance(node, ast.Call):
                # A method call or being passed to a function may mutate the object.
                if isinstance(node.func, ast.Attribute):
                    changed.update(_base_names(node.func.value))
                if isinstance(node.func, ast.Name) and node.func.id in _READ_ONLY_CALLS:
                    continue
                for argument in node.args:
                    if isinstance(argument, ast.Name):
                        changed.add(argument.id)
    return changed


def _names_changed_elsewhere(source: Source) -> set[str]:
    """Names that functions declare `global`/`nonlocal`: any call may change them."""
    names: set[str] = set()
    for node in source.walk():
        if isinstance(node, ast.Global | ast.Nonlocal):
            names.update(node.names)
    return names


def _base_names(node: ast.expr) -> set[str]:
    while isinstance(node, ast.Attribute | ast.Subscript):
        node = node.value
    return {node.id} if isinstance(node, ast.Name) else set()


def _add_step(source: Source, loop: ast.While, variable: str) -> str | None:
    """Append the missing `i += 1` when the condition is a simple counter comparison."""
    test = loop.test
    if not (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.left, ast.Name)
        and test.left.id == variable
        and variable not in _condition_names(test.comparators[0])
    ):
        return None
    op = test.ops[0]
    if isinstance(op, ast.Lt | ast.LtE):
        step = f"{variable} += 1"
    elif isinstance(op, ast.Gt | ast.GtE):
        step = f"{variable} -= 1"
    else:
        return None
    last = loop.body[-1]
    indent = source.indentation(loop.body[0].lineno)
    fixed = insert_line(source.code, (last.end_lineno or last.lineno) + 1, indent + step)
    return fixed if parses(fixed) else None


def _wrong_direction(source: Source, loop: ast.While, header: str) -> LoopSuspect | None:
    """`while i < 10: i -= 1` changes the counter, but away from the limit."""
    test = loop.test
    if not (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.left, ast.Name)
        and isinstance(test.ops[0], ast.Lt | ast.LtE | ast.Gt | ast.GtE)
    ):
        return None
    variable = test.left.id
    growing = isinstance(test.ops[0], ast.Lt | ast.LtE)
    assignments = [
        node
        for statement in loop.body
        for node in ast.walk(statement)
        if isinstance(node, ast.AugAssign | ast.Assign) and _assigns(node, variable)
    ]
    steps = [node for node in assignments if isinstance(node, ast.AugAssign)]
    if not steps or len(steps) != len(assignments):
        return None
    wrong = ast.Sub if growing else ast.Add
    if not all(
        isinstance(s.op, wrong)
        and isinstance(s.value, ast.Constant)
        and isinstance(s.value.value, int | float)
        and s.value.value > 0
        for s in steps
    ):
        return None
    right = "+=" if growing else "-="
    fixed = source.code
    for step in sorted(steps, key=lambda s: (s.lineno, s.col_offset), reverse=True):
        fixed = replace_node(fixed, step, f"{variable} {right} {ast.unparse(step.value)}")
    direction = "down" if growing else "up"
    return LoopSuspect(
        line=loop.lineno,
        code=header,
        reason=(
            f"`{header}` never stops: the loop moves `{variable}` {direction}, away from "
            "the limit, so the condition never becomes false."
        ),
        variable=variable,
        solution=fixed if parses(fixed) else None,
    )


def _assigns(node: ast.AugAssign | ast.Assign, name: str) -> bool:
    targets = [node.target] if isinstance(node, ast.AugAssign) else node.targets
    return any(isinstance(t, ast.Name) and t.id == name for t in targets)


def _inspect_growing_for(source: Source, loop: ast.For) -> LoopSuspect | None:
    """`for x in items: items.append(...)` keeps feeding the loop it is iterating."""
    if not isinstance(loop.iter, ast.Name):
        return None
    name = loop.iter.id
    for statement in loop.body:
        for node in ast.walk(statement):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in {"append", "extend", "insert"}
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == name
            ):
                if any(isinstance(n, ast.Break | ast.Return) for n in ast.walk(statement)):
                    return None
                fixed = replace_node(source.code, loop.iter, f"list({name})")
                return LoopSuspect(
                    line=loop.lineno,
                    code=_header(source, loop),
                    reason=(
                        f"`{_header(source, loop)}` never ends: the loop adds to `{name}` "
                        "while walking through it, so there is always one more item."
                    ),
                    variable=name,
                    solution=fixed if parses(fixed) else None,
                    how=(
                        "Loop over a copy (`for x in list(items):`) or collect new items in a "
                        "separate list."
                    ),
                    is_while=False,
                )
    return None
