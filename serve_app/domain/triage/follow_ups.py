"""Follow-ups: short messages that only make sense after the previous turn.

"another one", "still broken", "i don't get it" carry the previous route forward. Without a
previous route they name nothing, so the classifier asks instead of guessing.
"""

import re
from dataclasses import dataclass
from typing import Final

from serve_app.domain.triage.message import Message
from serve_app.domain.triage.signals import STRONG, Evidence

# The previous route outweighs whatever weak wording a follow-up has of its own.
PREVIOUS_ROUTE_WEIGHT: Final = STRONG
CONTINUATION_WEIGHT: Final = 8.0
WORDING_HINT_WEIGHT: Final = 2.0
# A bare "another one" with no previous turn carries as much doubt as a strong signal
# carries certainty: enough to ask, whatever its wording leans towards.
MISSING_REFERENT_UNCERTAINTY: Final = STRONG
_CONTINUATION_MAX_WORDS: Final = 8

_FILLER: Final = (
    r"(?:ok|okay|hmm|um|uh|so|and|but|well|now|yeah|yes|no|nope|ugh|sorry|please|pls|plz|"
    r"thanks|thank you|still|again|then|lol|man|dude|bro|hey|wait|hm|oh|alright|cool|great|"
    r"nice|done|good)"
)
_FOLLOW_UP_CORES: Final[dict[str, str]] = {
    "exercise": (
        r"(?:give me |can i (?:have|get) |i want |let us do |do )?"
        r"(?:another|one more|a new|a different|the next|next|more)"
        r"(?: one| exercises?| problems?| questions?| challenges?| task)?"
        r"|(?:give me |can i (?:have|get) )?(?:an? )?(?:harder|easier|simpler|tougher|trickier|"
        r"more difficult)(?: one)?|more (?:practice|exercises|problems|questions)"
    ),
    "debug": (
        r"(?:it |that |this |my code )?(?:still )?(?:does not|did not|do not|will not|is not) "
        r"(?:work|run|working|running|compile)(?: either)?"
        r"|(?:it is |it |that is |my code is )?still (?:broken|wrong|failing|fails|crashing|"
        r"crashes|not working|an error|errors|the same(?: error| problem| issue)?|"
        r"getting (?:it|an error|the same (?:error|thing)|errors))"
        r"|same (?:error|problem|issue|thing)|(?:that |it )?(?:did not|does not) fix it"
    ),
    "concepts": (
        r"i (?:still )?(?:do not|did not|can not) (?:get|understand|follow) (?:it|that|this|you)"
        r"|(?:can you )?explain (?:it |that |this )?(?:more|again|further|differently|better|"
        r"in more detail|more simply|simpler)|what do you mean|(?:i am )?(?:confused|lost)"
        r"|(?:tell me )?more about (?:it|that|this)|in (?:simpler|plain) (?:terms|words|english)"
        r"|(?:give me |show me )?(?:an? |another )?example|huh|why|how"
        r"|(?:that|it) (?:did not|does not) help"
    ),
    "": r"again|go on|continue|and then|then what|now what|what next|keep going|more",
}
FOLLOW_UP: Final[dict[str, re.Pattern[str]]] = {
    route: re.compile(rf"^(?:{_FILLER}[^a-z0-9]*)*(?:{core})(?:[^a-z0-9]+{_FILLER})*[^a-z0-9]*$")
    for route, core in _FOLLOW_UP_CORES.items()
}
CONTINUATION: Final = re.compile(
    r"^(?:and |ok |okay |so |now )?(?:what|how) about\b|^(?:and|also|now) (?:for|with|in)\b"
)


@dataclass(frozen=True, slots=True)
class FollowUp:
    """How a message relates to the previous turn."""

    hint: str | None  # the route the wording itself suggests, if any
    evidence: tuple[Evidence, ...]  # what the previous turn adds
    referent_missing: bool  # a bare follow-up with nothing to follow


def _bare_follow_up_hint(message: Message) -> tuple[bool, str | None]:
    if message.has_code:
        return False, None
    for route, pattern in FOLLOW_UP.items():
        if pattern.match(message.prose):
            return True, route or None
    return False, None


def _is_continuation(message: Message) -> bool:
    return (
        not message.has_code
        and len(message.words) <= _CONTINUATION_MAX_WORDS
        and CONTINUATION.search(message.prose) is not None
    )


def read_follow_up(message: Message, previous_route: str | None) -> FollowUp | None:
    """What the previous turn contributes to this message, or None if it stands alone."""
    is_bare, hint = _bare_follow_up_hint(message)
    if is_bare:
        evidence: list[Evidence] = []
        if hint is not None:
            evidence.append(Evidence(hint, WORDING_HINT_WEIGHT, "follow_up_wording"))
        if previous_route is not None:
            evidence.append(Evidence(previous_route, PREVIOUS_ROUTE_WEIGHT, "follow_up"))
        return FollowUp(hint, tuple(evidence), referent_missing=previous_route is None)
    if previous_route is not None and _is_continuation(message):
        # "What about tuples?": new content, asked in the frame of the previous turn.
        evidence = [Evidence(previous_route, CONTINUATION_WEIGHT, "continuation")]
        return FollowUp(None, tuple(evidence), referent_missing=False)
    return None
