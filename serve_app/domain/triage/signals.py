"""Weighted evidence for each route, read off a prepared message.

Weights are on one scale: about 12 for a signal that settles the route by itself (a
traceback, "give me an exercise"), about 6 for a clear but single-handed hint, 1 to 3 for
context that only tips a close call. `scoring` turns the totals into a confidence.
"""

from dataclasses import dataclass
from typing import Final

from serve_app.domain.triage import patterns
from serve_app.domain.triage.message import Message
from serve_app.domain.triage.vocabulary import GREETING_TRIGGERS, GREETING_WORDS

STRONG: Final = 12.0
MEDIUM: Final = 6.0
TRACEBACK_DISCOUNT: Final = 0.25
OFF_PYTHON_DISCOUNT: Final = 0.25
_SAFETY_REASONS: Final = frozenset({"harmful_request", "distress"})


@dataclass(frozen=True, slots=True)
class Evidence:
    route: str
    weight: float
    reason: str


def _diminishing(count: int, first: float, extra: float, max_extra: int) -> float:
    if count == 0:
        return 0.0
    return first + extra * min(count - 1, max_extra)


def _prose_without_handling(message: Message) -> str:
    # "how do I catch a ValueError" talks about an exception without having hit one, and
    # "I am not asking you to fix anything" reports no problem.
    prose = patterns.HANDLED_EXCEPTION.sub(" ", message.prose)
    return patterns.NOTHING_TO_FIX.sub(" ", prose)


def off_python(message: Message, named_subject: bool = False) -> bool:
    """About something other than Python: another language only, or another subject only.

    With `named_subject`, any subject the message names counts ("quiz me on the periodic
    table"), not only the listed ones: a practice request names what it is about.
    """
    if message.other_language_only:
        return True
    if _about_programming(message):
        return False
    return patterns.OFF_TOPIC_DOMAIN.search(message.prose) is not None or (
        named_subject and patterns.NAMED_SUBJECT.search(message.prose) is not None
    )


def _scaled(found: list[Evidence], factor: float) -> list[Evidence]:
    return [Evidence(item.route, item.weight * factor, item.reason) for item in found]


def error_specific_evidence(message: Message) -> list[Evidence]:
    """Evidence that the student has hit a concrete Python error."""
    found: list[Evidence] = []
    combined_raw = f"{message.raw}\n{message.code}"
    prose = _prose_without_handling(message)
    if patterns.TRACEBACK_HEADER.search(combined_raw):
        found.append(Evidence("debug", STRONG, "traceback"))
    if patterns.TRACEBACK_FRAME.search(combined_raw):
        found.append(Evidence("debug", 10.0, "traceback_frame"))
    if patterns.EXCEPTION_MESSAGE.search(prose) or patterns.EXCEPTION_OUTPUT_LINE.search(
        combined_raw
    ):
        found.append(Evidence("debug", 10.0, "exception_message"))
    elif patterns.EXCEPTION_NAME.search(prose):
        found.append(Evidence("debug", MEDIUM, "exception_name"))
    if patterns.ERROR_MESSAGE.search(prose) or patterns.ERROR_MESSAGE.search(message.code.lower()):
        found.append(Evidence("debug", 8.0, "error_message_text"))
    return found


def debug_evidence(message: Message, error_specific: bool) -> list[Evidence]:
    """Reports of broken behaviour: problem words, 'why does my code...', wrong output."""
    found: list[Evidence] = []
    prose = _prose_without_handling(message)
    problems = len(patterns.PROBLEM.findall(prose))
    if message.has_code:
        weight = _diminishing(problems, first=7.0, extra=1.5, max_extra=3)
    else:
        weight = _diminishing(problems, first=3.0, extra=1.0, max_extra=2)
    if weight:
        found.append(Evidence("debug", weight, "problem_words"))
    if error_specific and patterns.ERROR_ENCOUNTERED.search(prose):
        found.append(Evidence("debug", 2.0, "error_encountered"))
    if patterns.WHY_DEBUG.search(prose):
        found.append(Evidence("debug", MEDIUM, "why_does_my_code"))
    if patterns.UNEXPECTED_RESULT.search(prose):
        found.append(Evidence("debug", 4.0, "unexpected_result"))
    if patterns.OWN_CODE.search(prose):
        found.append(Evidence("debug", 2.0, "own_code"))
    if off_python(message):
        # "my car will not start", "my SQL join returns duplicates": broken, but not Python.
        return _scaled(found, OFF_PYTHON_DISCOUNT)
    return found


def _about_programming(message: Message) -> bool:
    # A topic word that is also everyday English ("my history class") does not make a
    # question about another subject a Python question, and nor does another language.
    if message.other_language_only:
        return False
    other_subject = patterns.OFF_TOPIC_DOMAIN.search(message.prose) is not None
    return message.programming_context or (message.concept_context and not other_subject)


def concept_evidence(message: Message, error_specific: bool) -> list[Evidence]:
    """Questions about how Python works, scaled by whether they are about Python at all."""
    found: list[Evidence] = []
    on_topic = _about_programming(message)
    # A question about an error the student has just hit ("what does this error mean?") is
    # better served by the debugger, so question framing counts half there.
    scale = 0.5 if error_specific else 1.0
    prose = message.prose
    if patterns.CONCEPT_STRONG.search(prose):
        weight = STRONG if on_topic else 1.5
        found.append(Evidence("concepts", weight * scale, "concept_question"))
    elif patterns.CONCEPT_WEAK.search(prose):
        weight = MEDIUM if on_topic else 1.0
        found.append(Evidence("concepts", weight * scale, "concept_phrasing"))
    if on_topic and patterns.CODE_REVIEW.search(prose):
        found.append(Evidence("concepts", 8.0, "code_review"))
    if on_topic and patterns.BUILD_REQUEST.search(prose):
        found.append(Evidence("concepts", MEDIUM, "build_request"))
    if on_topic and patterns.CURIOSITY.search(prose):
        # "it works, I just want to know why": a behaviour puzzle, not a bug report.
        found.append(Evidence("concepts", MEDIUM, "curiosity"))
    return found


def vocabulary_evidence(message: Message) -> list[Evidence]:
    """A bare concept word ("recursion?") leans to an explanation, but only just."""
    distinct_topics = {words for _, words in message.topic_hits}
    if not distinct_topics:
        return []
    return [Evidence("concepts", min(len(distinct_topics), 2) * 1.0, "concept_vocabulary")]


def exercise_evidence(message: Message) -> list[Evidence]:
    """Requests for something to practise."""
    found: list[Evidence] = []
    prose = message.prose
    if patterns.EXERCISE_REQUEST.search(prose):
        found.append(Evidence("exercise", STRONG, "exercise_request"))
    elif patterns.EXERCISE_NOUN.search(prose):
        found.append(Evidence("exercise", MEDIUM, "exercise_word"))
    if patterns.PRACTICE_INTENT.search(prose):
        found.append(Evidence("exercise", STRONG, "practice_intent"))
    if patterns.TEST_ME.search(prose):
        found.append(Evidence("exercise", STRONG, "test_me"))
    if patterns.DIFFICULTY_CHANGE.search(prose):
        found.append(Evidence("exercise", MEDIUM, "difficulty_change"))
    if patterns.WANTS_TO_TRY.search(prose):
        found.append(Evidence("exercise", 4.0, "wants_to_try"))
    if found and off_python(message, named_subject=True):
        # "practice problems for my algebra test": practice, but of another subject.
        return [
            *_scaled(found, OFF_PYTHON_DISCOUNT),
            Evidence("off_topic", MEDIUM, "practice_other_subject"),
        ]
    return found


def off_topic_evidence(message: Message) -> list[Evidence]:
    """Harmful requests, small talk, bare greetings and subjects far from programming."""
    found: list[Evidence] = []
    prose = message.prose
    if patterns.DISTRESS.search(prose):
        found.append(Evidence("off_topic", 16.0, "distress"))
    if patterns.HARMFUL.search(prose):
        found.append(Evidence("off_topic", 16.0, "harmful_request"))
    if patterns.SMALL_TALK.search(prose):
        found.append(Evidence("off_topic", 10.0, "small_talk"))
    if is_greeting_only(message):
        found.append(Evidence("off_topic", 10.0, "greeting_only"))
    if not _about_programming(message):
        # A question with no trace of programming in it is more likely about another subject
        # than about a Python concept missing from the vocabulary; enough to ask, not to decide.
        if patterns.CONCEPT_STRONG.search(prose) or patterns.CONCEPT_WEAK.search(prose):
            found.append(Evidence("off_topic", 2.0, "question_without_programming"))
        elif patterns.QUESTION_FORM.search(prose) and not patterns.HELP_SEEKING.search(prose):
            found.append(Evidence("off_topic", 1.0, "question_without_programming"))
    if message.other_language_only:
        found.append(Evidence("off_topic", 10.0, "other_language"))
    domains = len(patterns.OFF_TOPIC_DOMAIN.findall(prose))
    if domains:
        # Programming words around a foreign subject ("a program that fetches the weather")
        # make it a programming question, so the subject only tips a close call then.
        first = 2.0 if message.programming_context else 10.0
        found.append(Evidence("off_topic", _diminishing(domains, first, 2.0, 2), "other_subject"))
    return found


def is_greeting_only(message: Message) -> bool:
    """True when every word is a pleasantry and at least one is a greeting or thanks."""
    words = set(message.words)
    return (
        not message.has_code
        and bool(words)
        and words <= GREETING_WORDS
        and bool(words & GREETING_TRIGGERS)
    )


def collect(message: Message) -> list[Evidence]:
    """All content evidence in the message, previous turns aside."""
    error_specific = error_specific_evidence(message)
    found = list(error_specific)
    found += debug_evidence(message, bool(error_specific))
    concepts = concept_evidence(message, bool(error_specific))
    exercise = exercise_evidence(message)
    found += concepts + exercise
    if message.has_code and not concepts and not exercise:
        # Pasted code with no other request is most often code that misbehaves.
        found.append(Evidence("debug", 3.0, "code_attached"))
    if not any(item.route != "off_topic" for item in found):
        # Every specialist works on topics, so a topic word only decides when nothing else
        # in the message points anywhere.
        found += vocabulary_evidence(message)
    found += off_topic_evidence(message)
    if any(item.reason == "traceback" for item in error_specific):
        # A pasted traceback means a program just failed; whatever is asked beside it
        # ("what does this mean?", "make an exercise of it") is about that failure first.
        # Safety signals keep their full weight.
        found = [
            item
            if item.route == "debug" or item.reason in _SAFETY_REASONS
            else Evidence(item.route, item.weight * TRACEBACK_DISCOUNT, item.reason)
            for item in found
        ]
    if any(item.reason in _SAFETY_REASONS for item in found):
        # No specialist should take a harmful request, however much code comes with it.
        found = [item for item in found if item.route == "off_topic"]
    return found
