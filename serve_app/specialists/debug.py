"""Debug: diagnose student code in the sandbox; with an LLM, ask it for a verified correction.

The local engine finds the error and writes the hints. Its corrections cover the common
cases; when it has none, or its own does not survive a run, an LLM (if configured and allowed
for this student) is asked for one. Whatever the LLM proposes is run in the sandbox with the
same stdin (and compared with the expected output when there is one) and kept only if it no
longer fails; otherwise the local result stands. The LLM sees the code and the error, nothing
else: no student id, no stdin, no pasted traceback with its file paths.
"""

import dataclasses
import difflib
import logging
import re

from serve_app.domain.debug import DebugRequest, Diagnosis, diagnose
from serve_app.domain.debug.logic_slips import find_logic_slips
from serve_app.domain.debug.output_diff import compare_output
from serve_app.domain.debug.source import Source, parses
from serve_app.domain.sandbox import Sandbox
from serve_app.llm.client import ChatMessage, LLMClient, LLMUnavailable

logger = logging.getLogger(__name__)

# Situations where there is nothing to correct, or nothing a run could verify.
_NOTHING_TO_CORRECT = frozenset({"NoError", "Rejected"})
# A "correction" that rewrites the student's program is not a correction of it.
MIN_SIMILARITY = 0.5
_CODE_BLOCK = re.compile(r"```[ \t]*(?:python3?|py)?[ \t]*\n(.*?)```", re.DOTALL | re.IGNORECASE)

_SYSTEM_PROMPT = (
    "You correct programs written by Python beginners. Reply with the complete corrected "
    "program in one ```python code block and nothing else. Make the smallest change that "
    "fixes the problem: keep the student's names, comments, messages and structure, and do "
    "not add input validation, try/except or new features."
)


class DebugSpecialist:
    def __init__(self, sandbox: Sandbox, llm: LLMClient | None = None) -> None:
        self._sandbox = sandbox
        self._llm = llm

    async def diagnose(self, request: DebugRequest, *, allow_llm: bool = True) -> Diagnosis:
        """The local diagnosis; its solution replaced by an LLM's only once the LLM's runs."""
        diagnosis = await diagnose(request, self._sandbox)
        if self._llm is None or not allow_llm or diagnosis.error_type in _NOTHING_TO_CORRECT:
            return diagnosis
        if diagnosis.solution is not None and await self._fixes(
            diagnosis.solution, request, diagnosis
        ):
            return diagnosis
        proposed = await self._ask_llm(self._llm, request, diagnosis)
        if proposed is None:
            return diagnosis
        if not await self._fixes(proposed, request, diagnosis):
            logger.info("LLM correction discarded: it still fails in the sandbox")
            return diagnosis
        logger.info("LLM correction kept: it runs cleanly in the sandbox")
        return dataclasses.replace(diagnosis, solution=proposed)

    async def _ask_llm(
        self, llm: LLMClient, request: DebugRequest, diagnosis: Diagnosis
    ) -> str | None:
        try:
            reply = await llm.complete(correction_messages(request, diagnosis), max_tokens=1500)
        except LLMUnavailable as exc:
            logger.warning("LLM unavailable (%s); keeping the local diagnosis", exc)
            return None
        code = extract_program(reply)
        if code is None or code.strip() == request.code.strip():
            return None
        return code if code.endswith("\n") else code + "\n"

    async def _fixes(self, code: str, request: DebugRequest, diagnosis: Diagnosis) -> bool:
        """True when `code` is still the student's program and no longer fails."""
        if not parses(code) or not close_to(request.code, code):
            return False
        run = await self._sandbox.execute(code, stdin=request.stdin)
        if run.status != "ok":
            return False
        if request.expected_output is not None:
            return compare_output(run.stdout, request.expected_output) is None
        if diagnosis.error_type == "LogicSlip":
            return not find_logic_slips(Source(code))
        return True


def correction_messages(request: DebugRequest, diagnosis: Diagnosis) -> list[ChatMessage]:
    where = f" on line {diagnosis.line}" if diagnosis.line is not None else ""
    message = f": {diagnosis.message}" if diagnosis.message else ""
    problem = f"{diagnosis.error_type}{where}{message}"
    text = f"This program has a problem.\n\n```python\n{request.code}\n```\n\nProblem: {problem}"
    if request.expected_output is not None:
        text += f"\n\nIt should print exactly:\n```\n{request.expected_output}\n```"
    return [
        {"role": "system", "content": _SYSTEM_PROMPT},
        {"role": "user", "content": text},
    ]


def extract_program(reply: str) -> str | None:
    """The code block of the reply (the longest, if several), or the reply if it is all code."""
    blocks = _CODE_BLOCK.findall(reply)
    if blocks:
        return str(max(blocks, key=len))
    return reply if "```" not in reply and parses(reply) else None


def close_to(original: str, corrected: str) -> bool:
    ratio = difflib.SequenceMatcher(None, original, corrected, autojunk=False).ratio()
    return ratio >= MIN_SIMILARITY
