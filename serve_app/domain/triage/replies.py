"""The polite answer for messages outside Python learning."""

from typing import Final

from serve_app.domain.triage import patterns
from serve_app.domain.triage.message import prepare
from serve_app.domain.triage.signals import is_greeting_only

_OFFER: Final = (
    "I can explain a Python concept, help you fix code that isn't working, "
    "or give you a practice exercise."
)
_THANKS_WORDS: Final = frozenset({"thanks", "thank", "thx", "ty", "cheers"})
_FAREWELL_WORDS: Final = frozenset({"bye", "goodbye", "goodnight", "night", "later"})


def off_topic_reply(text: str) -> str:
    """A short, friendly redirect back to learning Python, suited to what was said."""
    message = prepare(text, None)
    if patterns.DISTRESS.search(message.prose):
        return (
            "I'm sorry you're feeling this way. I'm only a Python tutor, so please reach out "
            "to someone you trust, or to a local crisis line, right now. You don't have to "
            "go through this alone."
        )
    if patterns.HARMFUL.search(message.prose):
        return "I can't help with that. I'm here to help you learn Python. " + _OFFER
    if is_greeting_only(message):
        words = set(message.words)
        if words & _THANKS_WORDS:
            return "You're welcome! Whenever you're ready: " + _OFFER
        if words & _FAREWELL_WORDS:
            return "Goodbye, and happy coding! Come back any time you want to practise Python."
        return "Hi! I'm your Python tutor. " + _OFFER
    return (
        "That's outside what I can help with: I'm a Python tutor. "
        + _OFFER
        + " What would you like to work on?"
    )
