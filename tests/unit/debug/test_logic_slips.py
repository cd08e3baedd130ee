"""Static checks for slips that raise nothing."""

import pytest

from serve_app.domain.debug.logic_slips import Finding, find_logic_slips
from serve_app.domain.debug.source import Source
from tests.unit.debug.fakes import run_python


def findings_of(code: str) -> tuple[Finding, ...]:
    return find_logic_slips(Source(code))


def only(code: str, kind: str) -> Finding:
    found = [f for f in findings_of(code) if f.kind == kind]
    assert len(found) == 1, findings_of(code)
    return found[0]


@pytest.mark.parametrize(
    ("code", "kind", "line", "fixed_fragment", "fixed_output"),
    [
        (
            "xs = [1, 2]\nfor i in range(len(xs) + 1):\n    print(xs[i])\n",
            "range_past_end", 2, "range(len(xs))", "1\n2\n",
        ),
        (
            "xs = [5, 6]\ni = 0\nwhile i <= len(xs):\n    print(xs[i])\n    i += 1\n",
            "range_past_end", 3, "i < len(xs)", "5\n6\n",
        ),
        (
            "xs = [5, 6, 7]\ntotal = 0\nfor i in range(1, len(xs)):\n    total += xs[i]\n"
            "print(total)\n",
            "range_skips_first", 3, "range(len(xs))", "18\n",
        ),
        (
            "def double(n):\n    print(n * 2)\n\nx = double(4)\nprint(x)\n",
            "prints_instead_of_returning", 2, "return n * 2", "8\n",
        ),
        (
            "def square(n):\n    n * n\n\nprint(square(3))\n",
            "missing_return", 1, "return n * n", "9\n",
        ),
        (
            "xs = [1, 2, 3, 4]\nhalf = len(xs) / 2\nprint(xs[:half])\n",
            "true_division_as_index", 2, "len(xs) // 2", "[1, 2]\n",
        ),
        (
            "word = 'hi'\nif word is 'hi':\n    print('same')\n",
            "is_with_literal", 2, "word == 'hi'", "same\n",
        ),
        (
            "score = 1\nscore == 10\nprint(score)\n",
            "comparison_as_statement", 2, "score = 10", "10\n",
        ),
        (
            "name = ' ann '\nname.strip()\nprint(repr(name))\n",
            "discarded_result", 2, "name = name.strip()", "'ann'\n",
        ),
        (
            "def add(x, into={}):\n    into[x] = True\n    return into\n\nadd(1)\n"
            "print(add(2))\n",
            "mutable_default", 1, "into=None", "{2: True}\n",
        ),
        (
            "xs = [2, 4, 5]\nfor x in xs:\n    if x % 2 == 0:\n        xs.remove(x)\nprint(xs)\n",
            "mutation_while_iterating", 4, "list(xs)", "[5]\n",
        ),
        (
            "answer = 'y'\nif answer == 'yes' or 'y':\n    print('ok')\n",
            "always_true_or", 2, "answer in ('yes', 'y')", "ok\n",
        ),
        (
            "def total(xs):\n    t = 0\n    for x in xs:\n        t += x\n        return t\n\n"
            "print(total([1, 2]))\n",
            "return_in_first_iteration", 5, "    return t", "3\n",
        ),
        (
            "i = 0\nwhile i < 3:\n    print(i)\n",
            "infinite_loop", 2, "    i += 1", "0\n1\n2\n",
        ),
        (
            "def hello():\n    print('hello')\n\nhello\n",
            "function_not_called", 4, "hello()", "hello\n",
        ),
        (
            "xs = [3, 1, 2]\nxs.sort\nprint(xs)\n",
            "function_not_called", 2, "xs.sort()", "[1, 2, 3]\n",
        ),
        (
            "xs = [4, 9, 2]\nt = 0\nfor i in range(len(xs) - 1):\n    t += xs[i]\nprint(t)\n",
            "range_skips_last", 3, "range(len(xs))", "15\n",
        ),
        (
            "marks = [2, 3]\nmean = sum(marks) // len(marks)\nprint(mean)\n",
            "floor_division_average", 2, "sum(marks) / len(marks)", "2.5\n",
        ),
        (
            "xs = [1, 2, 3]\nfor x in xs:\n    total = 0\n    total += x\nprint(total)\n",
            "reset_inside_loop", 3, "total = 0\nfor x in xs:", "6\n",
        ),
    ],
)  # fmt: skip
def test_slip_is_found_and_fixed(
    code: str, kind: str, line: int, fixed_fragment: str, fixed_output: str
) -> None:
    finding = only(code, kind)

    assert finding.line == line
    assert finding.message.startswith(f"Line {line}:")
    assert finding.why
    assert finding.how
    assert finding.solution is not None
    assert fixed_fragment in finding.solution
    result = run_python(finding.solution)
    assert result.returncode == 0, result.stderr
    assert result.stdout == fixed_output


def test_return_in_both_branches_is_found_without_a_fix() -> None:
    code = (
        "def has_big(xs):\n    for x in xs:\n        if x > 9:\n            return True\n"
        "        else:\n            return False\n"
    )

    finding = only(code, "return_in_first_iteration")

    assert finding.line == 3
    assert finding.solution is None


@pytest.mark.parametrize(
    "code",
    [
        "xs = [1, 2]\nfor i in range(len(xs)):\n    print(xs[i])\n",
        "xs = [1, 2]\nfor i in range(1, len(xs)):\n    print(xs[i] - xs[i - 1])\n",
        "def f(n):\n    return n * 2\n\nprint(f(2))\n",
        "def show(n):\n    print(n)\n\nshow(2)\n",
        "x = None\nif x is None:\n    print('none')\n",
        "name = 'ann'\nname = name.upper()\n",
        "def f(xs=None):\n    return xs or []\n",
        "xs = [1, 2]\nfor x in list(xs):\n    xs.remove(x)\n",
        "a = 'y'\nif a == 'yes' or a == 'y':\n    print(1)\n",
        "while True:\n    if input() == 'q':\n        break\n",
        "i = 0\nwhile i < 3:\n    i += 1\n",
        "half = 7 / 2\nprint(half)\n",
        "def f():\n    pass\n\nf()\n",
        # Neighbour pairs legitimately stop one before the end.
        "xs = [1, 3]\nfor i in range(len(xs) - 1):\n    print(xs[i + 1] - xs[i])\n",
        "xs = [1, 2, 3]\nmiddle = xs[len(xs) // 2]\nprint(middle)\n",
        "minutes = 135\nhours = minutes // 60\nprint(hours)\n",
        # A total reset per row, used inside the outer loop only.
        "for row in [[1], [2]]:\n    t = 0\n    for x in row:\n        t += x\n    print(t)\n",
        "xs = [1]\nxs.sort()\nprint(xs)\n",
    ],
)
def test_correct_code_has_no_findings(code: str) -> None:
    assert findings_of(code) == ()


def test_unparseable_code_has_no_findings() -> None:
    assert findings_of("if x\n") == ()
