"""Check-your-understanding grading: short correct answers pass, plausible wrong ones fail."""

import subprocess
import sys

import pytest

from serve_app.domain.concepts import UnknownConcept
from serve_app.domain.concepts.checking import (
    MAX_ANSWER_CHARS,
    CheckVerdict,
    card_ids,
    grade_check_answer,
)
from serve_app.domain.concepts.errors import ConceptsError

# concept_id -> (answers a student who understood might give, plausible wrong answers)
ANSWERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "values-and-types": (
        ("float", "<class 'float'>", "It's a float because / always gives a float"),
        ("int", "2", "int or float", "it is not a float"),
    ),
    "variables-and-assignment": (("5", "y is still 5", "five"), ("7", "y is 7, not 5", "x")),
    "numbers-and-arithmetic": (
        ("3 and 2", "3, 2", "17 // 5 = 3 and 17 % 5 = 2", "three and two"),
        ("2 and 3", "3.4 and 2", "3.4"),
    ),
    "mutability": (
        ("[1, 2, 3]", "a is [1,2,3] because b is the same list"),
        ("[1, 2]", "a = [1, 2] still"),
    ),
    "equality-vs-identity": (
        ("True, False", "True and False", "== is True but is gives False"),
        ("True and True", "False and True", "both True"),
    ),
    "strings": (
        ("['a', 'b', '', 'c']", '["a","b","","c"]'),
        ("['a', 'b', 'c']", "['a', 'b', ',', 'c']"),
    ),
    "f-strings": (
        ('f"{price:.2f}"', "{price:.2f}"),
        ("f'{price:2f}'", "round(price, 2)", "{price:.2}"),
    ),
    "lists": (
        (
            "append adds the whole list as one element, extend adds each item separately",
            "append puts [4, 5] inside as a single item; extend adds 4 and 5",
        ),
        (
            "append adds each item, extend adds the whole list as one",
            "they do the same thing",
        ),
    ),
    "slicing": (
        ("['b', 'c', 'd'] and ['d', 'e']", "b, c, d and d, e"),
        (
            "['b', 'c', 'd', 'e'] and ['d', 'e']",
            "['b', 'c', 'd'] and ['e']",
            "['a', 'b', 'c', 'd']",
        ),
    ),
    "sorting-with-key": (
        (
            "sorted(pairs, key=lambda p: p[1], reverse=True)",
            "pairs.sort(key=lambda t: -t[1])",
            "sorted(pairs, key=itemgetter(1), reverse=True)",
        ),
        ("sorted(pairs)", "sorted(pairs, key=lambda p: p[1])", "sorted(pairs, reverse=True)"),
    ),
    "tuples-and-unpacking": (
        ("int and tuple", "(7) is an integer, (7,) is a tuple"),
        ("both are tuples", "tuple and int", "both ints"),
    ),
    "dicts": (
        ("d['x'] raises KeyError, d.get('x') returns None", "KeyError vs None"),
        ("both return None", "d.get raises KeyError and d['x'] gives None", "nothing different"),
    ),
    "sets": (
        ("set(list_a) & set(list_b)", "use set intersection", "[x for x in list_a if x in list_b]"),
        ("set(list_a) | set(list_b)", "list_a + list_b"),
    ),
    "conditionals": (
        ("the first one", "only the first true branch runs"),
        ("both run", "the last one", "all of them run"),
    ),
    "truthiness": (
        ("'empty'", "empty", "it returns 'empty' because [] is falsy"),
        ("[]", "False", "it evaluates to false", "the empty list"),
    ),
    "loops": (
        (
            "when the loop finishes without a break",
            "if the loop didn't break",
            "when it completes normally",
        ),
        ("when the loop hits break", "always", "when break runs", "never"),
    ),
    "range-enumerate-zip": (
        ("2, 5, 8", "[2, 5, 8]", "2 5 8"),
        ("2, 5, 8, 11", "2, 3, 4", "3, 6, 9"),
    ),
    "functions": (
        (
            "greet is the function object itself; greet() calls it",
            "greet() runs it, greet is just a reference",
        ),
        ("no difference", "greet() is the function object and greet calls it"),
    ),
    "parameters-and-defaults": (
        ("the default list is shared between calls; use None and create a new list inside",),
        ("it is fine", "it's mutable, use a tuple instead"),
    ),
    "args-kwargs": (
        ("args is a tuple and kwargs is a dict", "(1, 2) and {'x': 3}", "tuple, dict"),
        ("dict and tuple", "list and dict", "args is a list and kwargs is a dict"),
    ),
    "return-vs-print": (("None", "x is None"), ("5", "x is 5", "not None, 5")),
    "scope": (
        ("UnboundLocalError", "an error: total is local and read before it is assigned"),
        ("it adds one to the global", "NameError", "total becomes 1"),
    ),
    "lambda-map-filter": (
        ("[s.upper() for s in words]", "[w.upper() for w in words]"),
        ("[upper(s) for s in words]", "(s.upper() for s in words)", "[s.upper() for s in word]"),
    ),
    "decorators": (
        ("work = timer(work)",),
        ("timer = work(timer)", "work = timer(work())", "timer(work)"),
    ),
    "recursion": (
        (
            "base case: n <= 1 returns 1; recursive case: n * factorial(n - 1)",
            "n == 0 -> 1, else n * factorial(n-1)",
        ),
        ("base case n * factorial(n - 1)", "there is no base case", "n * factorial(n)"),
    ),
    "list-comprehensions": (
        (
            "[len(w) for w in words if len(w) > 3]",
            "[len(word) for word in words if len(word) >= 4]",
        ),
        (
            "[w for w in words if len(w) > 3]",
            "[len(w) for w in words if len(w) >= 3]",
            "[len(w) for w in words]",
        ),
    ),
    "dict-set-comprehensions": (
        (
            "{name: s for name, s in scores.items() if s >= 50}",
            "{k: v for k, v in scores.items() if v > 49}",
            "{k: scores[k] for k in scores if scores[k] >= 50}",
        ),
        (
            "{name: s for name, s in scores.items() if s > 50}",
            "[s for s in scores.values() if s >= 50]",
            "{k: v for k, v in scores if v >= 50}",
        ),
    ),
    "iterators": (
        ("No, a list is an iterable; iter gives a list_iterator", "no, it returns an iterator"),
        ("Yes, a list is an iterator", "yes", "it returns the same list"),
    ),
    "generators": (
        (
            "when next() is first called",
            "only once you loop over it",
            "not when you call it, on the first next()",
        ),
        ("when you call the function", "immediately, then next() resumes it", "right away"),
    ),
    "exceptions": (
        ("try, else, finally", "try then else then finally; except is skipped"),
        ("try and except", "try, except, else, finally", "try, except, finally"),
    ),
    "raising-exceptions": (
        ('class OutOfStockError(Exception): pass\nraise OutOfStockError("none left")',),
        (
            "raise Exception('OutOfStockError')",
            "class OutOfStockError: pass; raise OutOfStockError()",
        ),
    ),
    "files-and-with": (
        ("they are erased", "it overwrites the file", "the file is truncated"),
        ("they are kept and new text is appended", "nothing happens to them"),
    ),
    "modules-and-imports": (
        (
            "my random.py shadows the standard library module",
            "because my file has the same name; rename it",
        ),
        ("randint does not exist", "you need to pip install random"),
    ),
    "main-guard": (
        ("No", "no, it does not print", "it won't print anything"),
        ("yes", "Yes it prints hi"),
    ),
    "classes-and-objects": (
        (
            "a class attribute is shared by all instances, an instance one belongs to one object",
            "class attributes are common to every instance; instance attributes are set on self",
        ),
        (
            "they are the same",
            "class attributes belong to one object, instance attributes are shared",
        ),
    ),
    "self": (("Cat.greet(tom)",), ("greet(tom)", "Cat.greet()", "tom.greet(Cat)")),
    "inheritance": (
        (
            "the parent's __init__ never runs",
            "AttributeError",
            "the attributes set by the base class are missing",
        ),
        ("nothing, init is inherited automatically", "SyntaxError"),
    ),
    "dunder-methods": (("__len__", "def __len__(self)"), ("__length__", "len()", "__size__")),
    "dataclasses": (
        ("use field(default_factory=list) because a mutable default would be shared",),
        ("use items: list = None", "use a tuple"),
    ),
    "big-o": (
        (
            "O(n^2), it takes 4 times as long",
            "O(n²): it quadruples",
            "quadratic, four times slower",
        ),
        ("O(n), it doubles", "O(n^2), it doubles", "O(log n)"),
    ),
}


def test_the_answer_table_covers_every_card() -> None:
    assert set(ANSWERS) == card_ids()


@pytest.mark.parametrize("concept_id", sorted(ANSWERS))
def test_correct_answers_pass(concept_id: str) -> None:
    for answer in ANSWERS[concept_id][0]:
        verdict = grade_check_answer(concept_id, answer)
        assert verdict.correct, f"{concept_id}: {answer!r} should be accepted"
        assert verdict.feedback.startswith("Correct!")


@pytest.mark.parametrize("concept_id", sorted(ANSWERS))
def test_wrong_answers_fail(concept_id: str) -> None:
    for answer in ANSWERS[concept_id][1]:
        verdict = grade_check_answer(concept_id, answer)
        assert not verdict.correct, f"{concept_id}: {answer!r} should be rejected"
        assert verdict.expected in verdict.feedback


@pytest.mark.parametrize("concept_id", sorted(ANSWERS))
def test_the_model_answer_itself_passes(concept_id: str) -> None:
    expected = grade_check_answer(concept_id, "").expected
    assert grade_check_answer(concept_id, expected).correct


def test_verdict_carries_the_card_identity() -> None:
    verdict = grade_check_answer("values-and-types", "float")
    assert verdict == CheckVerdict(
        concept_id="values-and-types",
        topic="variables",
        correct=True,
        expected=verdict.expected,
        feedback=verdict.feedback,
    )
    assert "float" in verdict.expected


def test_unknown_concept_raises_a_concepts_error() -> None:
    with pytest.raises(UnknownConcept) as raised:
        grade_check_answer("no-such-card", "float")
    assert isinstance(raised.value, ConceptsError)
    assert raised.value.concept_id == "no-such-card"


@pytest.mark.parametrize("answer", ["", "   ", "\n"])
def test_blank_answer_is_wrong(answer: str) -> None:
    verdict = grade_check_answer("return-vs-print", answer)
    assert not verdict.correct
    assert "No answer" in verdict.feedback


def test_overlong_answer_is_not_graded() -> None:
    # Right words buried in an essay do not count.
    verdict = grade_check_answer("return-vs-print", "None " * (MAX_ANSWER_CHARS // 5 + 1))
    assert not verdict.correct
    assert str(MAX_ANSWER_CHARS) in verdict.feedback


def test_grading_does_not_load_the_retrieval_stack() -> None:
    code = (
        "import sys\n"
        "from serve_app.domain.concepts.checking import grade_check_answer\n"
        "assert grade_check_answer('return-vs-print', 'None').correct\n"
        "print(sorted(m for m in ('rank_bm25', 'numpy') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"
