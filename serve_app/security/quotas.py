"""Per-caller rate limit and per-student daily LLM quota, counted in PostgreSQL so every
replica enforces the same budget. One statement per request."""

from dataclasses import dataclass

from serve_app.security.errors import QuotaExceeded
from serve_app.store.database import Database
from serve_app.store.repositories.quotas import count_request

# Stands in for "no minute limit" in the SQL comparison when only the LLM quota is on.
_UNLIMITED = 2**31 - 1


@dataclass(frozen=True)
class QuotaLimits:
    """0 turns a limit off. The LLM quota only counts when an LLM is configured."""

    per_minute: int = 0
    llm_per_day: int = 0
    llm_enabled: bool = False

    async def charge(
        self, db: Database, *, caller: str, student_id: str | None, uses_llm: bool
    ) -> None:
        """Count one request; raise QuotaExceeded when it is over a limit."""
        llm_student = student_id if uses_llm and self.llm_enabled and self.llm_per_day > 0 else None
        if self.per_minute == 0 and llm_student is None:
            return
        minute_limit = self.per_minute or _UNLIMITED
        async with db.connection() as conn:
            usage = await count_request(
                conn, caller=caller, llm_student=llm_student, minute_limit=minute_limit
            )
        if usage.minute_hits > minute_limit:
            raise QuotaExceeded(
                f"rate limit of {self.per_minute} requests per minute reached",
                retry_after=usage.minute_reset,
            )
        if usage.day_hits is not None and usage.day_hits > self.llm_per_day:
            raise QuotaExceeded(
                f"daily quota of {self.llm_per_day} tutor requests reached",
                retry_after=usage.day_reset or 1,
            )
