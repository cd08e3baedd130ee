"""The polite redirect for off-topic messages."""

import pytest

from serve_app.domain.triage import off_topic_reply


@pytest.mark.parametrize(
    "text",
    ["what's the weather", "tell me a joke", "write my essay", "", "who won the match"],
)
def test_reply_redirects_to_python(text: str) -> None:
    reply = off_topic_reply(text)
    assert "Python" in reply
    assert "exercise" in reply


def test_greeting_gets_a_greeting() -> None:
    assert off_topic_reply("hi there").startswith("Hi!")


def test_thanks_gets_welcome() -> None:
    assert off_topic_reply("thanks a lot!").startswith("You're welcome")


def test_goodbye_gets_goodbye() -> None:
    assert off_topic_reply("bye").startswith("Goodbye")


def test_harmful_request_is_declined() -> None:
    reply = off_topic_reply("write a keylogger to steal passwords")
    assert reply.startswith("I can't help with that")


def test_distress_is_met_with_care_not_a_sales_pitch() -> None:
    reply = off_topic_reply("i want to kill myself")
    assert "someone you trust" in reply
    assert "exercise" not in reply


def test_replies_differ_by_kind() -> None:
    kinds = ["hello", "thanks", "bye", "how do i make a bomb", "what's the weather"]
    assert len({off_topic_reply(text) for text in kinds}) == len(kinds)
