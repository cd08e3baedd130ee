"""Bootstrap: wire the database, pseudonymizer, classifier and specialist ports into use cases.

Production passes Ray deployment handles as ports; tests pass the specialists themselves,
through the same door.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from serve_app.domain.triage import TriageClassifier
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.privacy.student_data import StudentPrivacy
from serve_app.service.checks import CheckFlow
from serve_app.service.context import ServiceContext, utc_now
from serve_app.service.debugging import DebugFlow
from serve_app.service.ports import ConceptsPort, DebugPort, ExercisePort
from serve_app.service.practice import PracticeFlow
from serve_app.service.reports import Reports
from serve_app.service.tutoring import TutoringFlow
from serve_app.specialists.triage_llm import TriageSettler
from serve_app.store.database import Database


@dataclass(frozen=True)
class Tutor:
    db: Database
    tutoring: TutoringFlow
    debugging: DebugFlow
    practice: PracticeFlow
    reports: Reports
    privacy: StudentPrivacy
    checks: CheckFlow


def build_tutor(
    *,
    db: Database,
    pseudonymize: Pseudonymizer,
    classifier: TriageClassifier,
    concepts: ConceptsPort,
    debug: DebugPort,
    exercise: ExercisePort,
    triage_settler: TriageSettler | None = None,
    clock: Callable[[], datetime] = utc_now,
) -> Tutor:
    ctx = ServiceContext(db=db, pseudonymize=pseudonymize, clock=clock)
    debugging = DebugFlow(ctx, debug)
    practice = PracticeFlow(ctx, exercise)
    return Tutor(
        db=db,
        tutoring=TutoringFlow(ctx, classifier, concepts, debugging, practice, triage_settler),
        debugging=debugging,
        practice=practice,
        reports=Reports(ctx),
        privacy=StudentPrivacy(ctx),
        checks=CheckFlow(ctx),
    )
