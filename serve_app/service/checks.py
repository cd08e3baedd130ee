"""Check questions: grade a student's answer, record it, and let it count towards mastery."""

from serve_app.domain.concepts.checking import grade_check_answer
from serve_app.domain.concepts.errors import UnknownConcept
from serve_app.errors import NotFound
from serve_app.schemas.checks import CheckResultPublic, TopicMasteryPublic
from serve_app.service.context import ServiceContext
from serve_app.service.progress import update_topic_mastery
from serve_app.store.repositories import concept_checks

# One retry with a nudge before the model answer is shown: retrieval practice works when the
# student makes a real second attempt, and giving up the answer on the first miss skips it.
REVEAL_AFTER_WRONG = 2
_TRY_AGAIN = (
    "Not quite. Re-read the explanation (especially its example) and try once more; "
    "the model answer is shown after your next attempt."
)


class CheckFlow:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    async def answer(self, concept_id: str, student_id: str, answer: str) -> CheckResultPublic:
        try:
            verdict = grade_check_answer(concept_id, answer)
        except UnknownConcept as exc:
            raise NotFound("concept", concept_id) from exc
        async with self._ctx.db.transaction() as conn:
            await concept_checks.insert_check(
                conn,
                student_id=student_id,
                concept_id=verdict.concept_id,
                topic=verdict.topic,
                correct=verdict.correct,
                created_at=self._ctx.clock(),
            )
            wrong = await concept_checks.wrong_answers(conn, student_id, verdict.concept_id)
            breakdown = await update_topic_mastery(self._ctx, conn, student_id, verdict.topic)
        reveal = verdict.correct or wrong >= REVEAL_AFTER_WRONG
        return CheckResultPublic(
            concept_id=verdict.concept_id,
            correct=verdict.correct,
            expected=verdict.expected if reveal else None,
            feedback=verdict.feedback if reveal else _TRY_AGAIN,
            mastery=TopicMasteryPublic(
                topic=verdict.topic, mastery=breakdown.mastery, level=breakdown.level
            ),
        )
