"""The code-quality signal: pyflakes findings, beginner checks, scoring; nothing is executed."""

from serve_app.domain.code_quality import MAX_FUNCTION_STATEMENTS, assess_quality

CLEAN = "def add(a, b):\n    return a + b\n"


def messages(source: str) -> list[str]:
    return [f.message for f in assess_quality(source).findings]


def test_clean_code_scores_one() -> None:
    report = assess_quality(CLEAN)
    assert (report.score, report.findings) == (1.0, ())


def test_pyflakes_findings_have_lines() -> None:
    report = assess_quality("import os\n\ndef f():\n    unused = 1\n    return missing\n")
    found = {(f.line, f.message) for f in report.findings}
    assert (1, "'os' imported but unused") in found
    assert (4, "local variable 'unused' is assigned to but never used") in found
    assert (5, "undefined name 'missing'") in found
    assert report.score < 1.0


def test_shadowed_builtins() -> None:
    found = messages(
        "def total(list):\n    sum = 0\n    for x in list:\n        sum += x\n    return sum\n"
    )
    assert any("`list` hides" in m for m in found)
    assert any("`sum` hides" in m for m in found)


def test_too_long_function() -> None:
    body = "".join(f"    x{i} = {i}\n" for i in range(MAX_FUNCTION_STATEMENTS + 1))
    source = f"def long():\n{body}    return x0\n"
    assert any("split it into smaller functions" in m for m in messages(source))


def test_bare_except_none_comparison_mutable_default_and_deep_nesting() -> None:
    source = (
        "def f(items=[]):\n"
        "    try:\n"
        "        if items == None:\n"
        "            return 0\n"
        "    except:\n"
        "        pass\n"
        "    for a in items:\n"
        "        for b in a:\n"
        "            if b:\n"
        "                while b:\n"
        "                    if b > 1:\n"
        "                        b -= 1\n"
        "    return items\n"
    )
    found = messages(source)
    assert any("mutable default" in m for m in found)
    assert any("bare `except:`" in m for m in found)
    assert any("`is` / `is not`" in m for m in found)
    assert any("nested 5 deep" in m for m in found)


def test_score_falls_with_findings_and_stays_in_range() -> None:
    one = assess_quality("import os\n" + CLEAN).score
    many = assess_quality(
        "import os, sys, re, json\n" + "def f(list, dict, str):\n    return missing\n"
    ).score
    assert 0.0 <= many < one < 1.0


def test_syntax_errors_score_zero() -> None:
    report = assess_quality("def f(:\n    pass\n")
    assert report.score == 0.0
    assert report.findings[0].message.startswith("syntax error")


def test_pathological_nesting_is_reported_not_raised() -> None:
    report = assess_quality("x = " + "-" * 100_000 + "1\n")
    assert report.score == 0.0


def test_nothing_is_executed(tmp_path: object) -> None:
    # Static analysis only: code that would run forever or exit is just text here.
    report = assess_quality("import os\nos._exit(3)\nwhile True:\n    pass\n")
    assert report.score == 1.0
