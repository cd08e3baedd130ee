"""Python against other languages and other subjects: the rules that keep them apart."""

import pytest

from serve_app.domain.triage.languages import mentions_other_language, mentions_python
from serve_app.domain.triage.reading import read_rules


@pytest.mark.parametrize(
    "text",
    [
        "for row in rows:\n    print(row)",
        "what does self mean in a method",
        "my pandas merge duplicates rows",
        "def area(r):\n    return 3.14 * r ** 2",
        "x = None",
    ],
)
def test_python_is_recognised_by_name_syntax_and_libraries(text: str) -> None:
    assert mentions_python(text)


@pytest.mark.parametrize(
    "text",
    [
        "console.log(items.length)",
        "#include <stdio.h>\nint main() { return 0; }",
        "SELECT name FROM users WHERE id = 3",
        'fn main() { println!("hi"); }',
        "public static void main(String[] args)",
        "echo $HOME",
        "=SUM(A1:A10)",
        "const total = items.reduce((a, b) => a + b)",
        "my kotlin app crashes on rotate",
    ],
)
def test_other_languages_are_recognised_by_name_and_syntax(text: str) -> None:
    assert mentions_other_language(text)
    assert not mentions_python(text)


@pytest.mark.parametrize(
    "text",
    [
        "my pet python will not eat its mice",
        "we watched monty python last night",
        "None of my friends could come",
        "select a colour from the menu",
        "it costs $5 a month",
        "a linked list node points to the next node",
    ],
)
def test_everyday_english_is_neither_python_nor_another_language(text: str) -> None:
    assert not mentions_python(text)
    assert not mentions_other_language(text)


def test_the_snake_is_not_programming_context() -> None:
    reading = read_rules("how big do reticulated pythons get", None, None)
    assert not reading.message.programming_context
    assert "python" not in reading.message.words


@pytest.mark.parametrize(
    "text",
    [
        "give me practice problems for my chemistry exam",
        "quiz me on the rivers of europe",
        "give me a javascript challenge with closures",
    ],
)
def test_practice_of_another_subject_is_not_settled_as_exercise(text: str) -> None:
    reading = read_rules(text, None, None)
    assert not (reading.settles and reading.scores.route == "exercise")
    assert reading.scores.route == "off_topic", reading.scores


@pytest.mark.parametrize(
    "text",
    [
        "my washing machine shows error E21 and will not drain",
        "my JS fetch keeps failing with a CORS error",
    ],
)
def test_errors_outside_python_are_not_debug_by_rule(text: str) -> None:
    reading = read_rules(text, None, None)
    assert reading.scores.route == "off_topic", reading.scores


@pytest.mark.parametrize(
    "text",
    [
        "give me a practice problem",
        "give me practice problems on python dictionaries",
        "quiz me on loops",
    ],
)
def test_practice_of_python_or_of_nothing_named_still_settles(text: str) -> None:
    reading = read_rules(text, None, None)
    assert reading.settles, reading.reasons
    assert reading.scores.route == "exercise", reading.reasons


@pytest.mark.parametrize(
    "text",
    [
        "can you test if i understand slicing",
        "set me a python riddle",
        "check my understanding of generators",
    ],
)
def test_test_me_phrasings_point_to_exercise(text: str) -> None:
    assert read_rules(text, None, None).scores.route == "exercise"


def test_curiosity_about_behaviour_is_a_concept_question() -> None:
    text = "it works, but i am curious why the list changes in both places"
    reading = read_rules(text, "a = [1]\nb = a\nb.append(2)", None)
    assert reading.scores.route == "concepts", reading.scores


def test_texting_shorthand_follow_up_keeps_the_previous_route() -> None:
    reading = read_rules("nxt", None, "exercise")
    assert reading.settles
    assert reading.scores.route == "exercise"
