"""Bootstrap: wire the database, pseudonymizer, classifier and specialist ports into use cases.

Production passes Ray deployment handles as ports; tests pass the specialists themselves,
through the same door.
"""

from dataclasses import dataclass

from serve_app.domain.triage import RuleClassifier
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.service.context import ServiceContext
from serve_app.service.debugging import DebugFlow
from serve_app.service.ports import ConceptsPort, DebugPort, ExercisePort
from serve_app.service.practice import PracticeFlow
from serve_app.service.reports import Reports
from serve_app.service.tutoring import TutoringFlow
from serve_app.store.database import Database


@dataclass(frozen=True)
class Tutor:
    db: Database
    tutoring: TutoringFlow
    debugging: DebugFlow
    practice: PracticeFlow
    reports: Reports


def build_tutor(
    *,
    db: Database,
    pseudonymize: Pseudonymizer,
    classifier: RuleClassifier,
    concepts: ConceptsPort,
    debug: DebugPort,
    exercise: ExercisePort,
) -> Tutor:
    ctx = ServiceContext(db=db, pseudonymize=pseudonymize)
    debugging = DebugFlow(ctx, debug)
    practice = PracticeFlow(ctx, exercise)
    return Tutor(
        db=db,
        tutoring=TutoringFlow(ctx, classifier, concepts, debugging, practice),
        debugging=debugging,
        practice=practice,
        reports=Reports(ctx),
    )
