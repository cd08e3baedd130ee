"""Triage: decisive rule signals first, then a trained model with calibrated confidence.

The rules settle what they are sure of (a traceback, Python's error line, "give me an
exercise", a bare greeting or follow-up, a safety concern). Everything else is read by a
linear model over words, character n-grams and the rule signals themselves, whose
temperature-scaled probability is the confidence. Below the threshold the decision asks one
short question instead of guessing.
"""

from typing import Final

from serve_app.domain.topics import ROUTES
from serve_app.domain.triage.classifier import check_previous_route, check_threshold, decide
from serve_app.domain.triage.decision import TriageDecision
from serve_app.domain.triage.features import model_features
from serve_app.domain.triage.linear_model import LinearModel, load_model
from serve_app.domain.triage.reading import RuleReading, read_rules
from serve_app.domain.triage.scoring import Scores

DEFAULT_CLARIFICATION_THRESHOLD: Final = 0.55
# A route the model gives less than this is not worth offering in a clarifying question.
_OFFER_FLOOR: Final = 0.15
# "help", "python", "i have a question": a few words that ask for nothing in particular.
_CONTENTLESS_MAX_WORDS: Final = 6
_WEAK_REASONS: Final = frozenset({"concept_vocabulary", "question_without_programming"})


def asks_for_nothing(reading: RuleReading, previous_route: str | None) -> bool:
    """A short, code-free first message in which no rule finds a request."""
    message = reading.message
    return (
        previous_route is None
        and not message.has_code
        and len(message.words) <= _CONTENTLESS_MAX_WORDS
        and all(item.reason in _WEAK_REASONS for item in reading.evidence)
    )


class TriageClassifier:
    """Routes a student message to concepts, debug, exercise or off_topic."""

    def __init__(
        self,
        clarification_threshold: float = DEFAULT_CLARIFICATION_THRESHOLD,
        model: LinearModel | None = None,
    ) -> None:
        self.clarification_threshold = check_threshold(clarification_threshold)
        self._model = model if model is not None else load_model()
        if set(self._model.classes) != set(ROUTES):
            raise ValueError(f"the model's classes {self._model.classes} are not {ROUTES}")

    def classify(
        self, text: str, code: str | None = None, previous_route: str | None = None
    ) -> TriageDecision:
        """Decide the route for one message; `previous_route` is the route of the last turn."""
        check_previous_route(previous_route)
        reading = read_rules(text, code, previous_route)
        if reading.settles:
            reasons = (*reading.reasons, "rules:decisive")
            return decide(reading, reading.scores, reasons, self.clarification_threshold)
        probabilities = self._model.probabilities(model_features(reading, previous_route))
        route = max(ROUTES, key=lambda name: probabilities[name])
        reasons = (*reading.reasons, f"model:{route}")
        offered = {name: (p if p >= _OFFER_FLOOR else 0.0) for name, p in probabilities.items()}
        scores = Scores(totals=offered, route=route, confidence=probabilities[route])
        if not asks_for_nothing(reading, previous_route):
            return decide(reading, scores, reasons, self.clarification_threshold)
        # The model still names the likeliest route, but a message that asks for nothing is
        # only as certain as its evidence, and the question offers what the rules saw.
        confidence = min(probabilities[route], reading.scores.confidence)
        return decide(
            reading,
            Scores(totals=offered, route=route, confidence=confidence),
            (*reasons, "clarify:nothing_to_route_on"),
            self.clarification_threshold,
            question_scores=reading.scores,
        )
