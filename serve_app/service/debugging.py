"""Debug sessions: diagnose once, then reveal the hint ladder one step per request."""

import dataclasses
import re

from serve_app.domain.debug import DebugRequest, Diagnosis
from serve_app.errors import LadderExhausted, NotFound
from serve_app.events.models import HintRevealed
from serve_app.events.outbox import append_event
from serve_app.schemas.debugging import DebugPublic, HintPublic
from serve_app.service.context import ServiceContext, llm_allowed, record_interaction
from serve_app.service.messages import debug_message
from serve_app.service.ports import DebugPort
from serve_app.service.struggle import StruggleMonitor
from serve_app.store.repositories.debug_sessions import (
    LADDER_STEPS,
    advance_ladder,
    insert_debug_session,
    session_exists,
)

_FENCED = re.compile(r"```(?:python|py)?\s*\n(.*?)```", re.DOTALL)
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def extract_code(text: str) -> str | None:
    """Code a student pasted inside a message, in a fenced block."""
    blocks = _FENCED.findall(text)
    return "\n".join(blocks) if blocks else None


class DebugFlow:
    def __init__(self, ctx: ServiceContext, debug: DebugPort) -> None:
        self._ctx = ctx
        self._debug = debug

    @staticmethod
    def message_for(result: DebugPublic) -> str:
        return debug_message(result.model_dump())

    async def start(
        self,
        student_id: str,
        code: str,
        *,
        error: str | None,
        stdin: str | None,
        expected_output: str | None,
        ask_text: str | None = None,
        confidence: float = 1.0,
    ) -> DebugPublic:
        diagnosis: Diagnosis = await self._debug.diagnose(
            DebugRequest(
                code=code, error=error, stdin=stdin or "", expected_output=expected_output
            ),
            allow_llm=await llm_allowed(self._ctx, student_id),
        )
        fields = dataclasses.asdict(diagnosis)
        async with self._ctx.db.transaction() as conn:
            debug_id = await insert_debug_session(
                conn, student_id=student_id, code=code, error_text=error, diagnosis=fields
            )
            # The same error type again and again is a struggle signal (issue 6's rules).
            await StruggleMonitor(self._ctx).after_debug(conn, student_id, debug_id)
            public = DebugPublic(
                debug_id=debug_id,
                interaction_id="",
                error_type=diagnosis.error_type,
                line=diagnosis.line,
                column=diagnosis.column,
                message=diagnosis.message,
                summary=diagnosis.summary,
                hint=diagnosis.hints[0],
                hint_level=1,
                hints_remaining=LADDER_STEPS - 1,
                findings=list(diagnosis.findings),
            )
            payload = public.model_dump(exclude={"interaction_id"})
            interaction_id = await record_interaction(
                self._ctx,
                conn,
                student_id=student_id,
                route="debug",
                confidence=confidence,
                text=ask_text or error or "debug request",
                code=code,
                message=debug_message(payload),
                payload=payload,
            )
        return public.model_copy(update={"interaction_id": interaction_id})

    async def next_hint(self, debug_id: str, student_id: str) -> HintPublic:
        if not _UUID.match(debug_id):
            raise NotFound("debug session", debug_id)
        async with self._ctx.db.transaction() as conn:
            row = await advance_ladder(conn, debug_id, student_id)
            if row is None:
                # Another student's session is reported as absent: ids must not be probed.
                if await session_exists(conn, debug_id, student_id):
                    raise LadderExhausted("every hint and the solution have been shown")
                raise NotFound("debug session", debug_id)
            level = int(row["hint_level"])
            hints: list[str] = row["hints"]
            solution_step = level == LADDER_STEPS
            if solution_step:
                solution = row["solution"]
                hint = (
                    "Here is a corrected version of your code. Compare it with yours line by "
                    "line and make sure you understand each change."
                    if solution
                    else "I can't produce a verified correction for this one. Re-read the three "
                    "hints, change one thing at a time, and run your code after each change."
                )
            else:
                solution, hint = None, hints[level - 1]
            await append_event(
                conn,
                HintRevealed(
                    debug_id=debug_id,
                    hint_level=level,
                    solution_revealed=solution_step and solution is not None,
                ),
                subject=self._ctx.pseudonymize(student_id),
            )
        return HintPublic(
            debug_id=debug_id,
            hint=hint,
            hint_level=level,
            hints_remaining=LADDER_STEPS - level,
            solution=solution,
        )
