"""What DebugSpecialist sends to an LLM and which replies it can use (no network here)."""

from serve_app.domain.debug import DebugRequest, Diagnosis
from serve_app.specialists.debug import close_to, correction_messages, extract_program

DIAGNOSIS = Diagnosis(
    error_type="NameError",
    line=2,
    column=None,
    message="name 'cuont' is not defined",
    summary="...",
    hints=("a", "b", "c"),
    solution=None,
    topic="variables",
    findings=(),
)


def test_messages_hold_the_code_and_the_error_only() -> None:
    request = DebugRequest(
        code="count = 1\nprint(cuont)\n",
        error='File "/home/ann/secret.py", line 2\nNameError: ...',
        stdin="my-password\n",
        expected_output="1\n",
    )

    messages = correction_messages(request, DIAGNOSIS)

    text = " ".join(str(m["content"]) for m in messages)
    assert "print(cuont)" in text
    assert "NameError on line 2: name 'cuont' is not defined" in text
    assert "It should print exactly:\n```\n1\n" in text
    assert "my-password" not in text
    assert "/home/ann" not in text


def test_the_code_block_is_extracted_from_prose() -> None:
    reply = "Sure! Here is the fix:\n\n```python\nprint('hi')\n```\nHope it helps."
    assert extract_program(reply) == "print('hi')\n"
    assert extract_program("```py\nx = 1\n```\n```python\nx = 1\ny = 2\n```") == "x = 1\ny = 2\n"
    assert extract_program("x = 1\nprint(x)\n") == "x = 1\nprint(x)\n"
    assert extract_program("I cannot help with that.") is None


def test_only_corrections_close_to_the_students_code_count() -> None:
    original = "count = 1\nprint(cuont)\n"
    assert close_to(original, "count = 1\nprint(count)\n")
    assert not close_to(original, "squares = [n * n for n in range(3)]\nprint(squares)\n")
