"""One short, specific question to ask when the classifier is not sure."""

from typing import Final

from serve_app.domain.triage.scoring import Scores

_TOPIC_LABELS: Final[dict[str, str]] = {
    "dicts": "dictionaries",
    "conditionals": "if/else conditionals",
    "files": "working with files",
}

GENERIC_QUESTION: Final = (
    "Do you want an explanation of a concept, help fixing code, or a practice exercise?"
)


def _label(topic: str) -> str:
    return _TOPIC_LABELS.get(topic, topic)


def _offer(route: str, topic: str | None) -> str:
    if route == "concepts":
        return f"an explanation of {_label(topic)}" if topic else "an explanation of a concept"
    if route == "exercise":
        return f"a practice exercise on {_label(topic)}" if topic else "a practice exercise"
    return "help fixing your code"


def clarifying_question(
    scores: Scores, topic: str | None, follow_up_hint: str | None, referent_missing: bool
) -> str:
    """Ask about the two likeliest routes, or about what a bare follow-up refers to."""
    if referent_missing:
        if follow_up_hint == "debug":
            return "Could you paste the code and the error you are getting now?"
        if follow_up_hint == "exercise":
            return "Would you like a practice exercise? If so, on which topic?"
        if follow_up_hint == "concepts":
            return "Which concept would you like me to explain again?"
        return "What would you like: an explanation, help fixing code, or a practice exercise?"
    if scores.route == "off_topic":
        return "I can help with Python. Is your question about Python programming?"
    second = scores.runner_up()
    if second == "off_topic":
        return "I can help with Python. Is your question about Python programming?"
    if second is None:
        if topic:
            return (
                f"Do you want an explanation of {_label(topic)}, help fixing code, "
                "or a practice exercise?"
            )
        return GENERIC_QUESTION
    if scores.route == "debug" and not topic and second == "concepts":
        return "Do you want help fixing your code, or an explanation of the error?"
    return f"Do you want {_offer(scores.route, topic)} or {_offer(second, topic)}?"
