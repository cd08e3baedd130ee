"""Student privacy: under-13 consent settings and the FERPA export."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from serve_app.schemas.common import RequestModel


class StudentPrivacyUpdate(RequestModel):
    under_13: bool = Field(description="The account belongs to a child under 13 (COPPA)")
    parental_consent: bool = Field(
        default=False,
        description="A parent or guardian has consented to AI-generated answers",
    )


class StudentPrivacyPublic(BaseModel):
    student_id: str
    under_13: bool
    parental_consent: bool
    parental_consent_at: datetime | None
    llm_allowed: bool = Field(description="Whether this student's requests may reach an LLM")


class StudentExportPublic(BaseModel):
    student_id: str
    subject: str = Field(description="The pseudonym that names this student in events and logs")
    exported_at: datetime
    records: dict[str, list[dict[str, Any]]] = Field(
        description="Every stored row about the student, by table, free text decrypted"
    )
    events: list[dict[str, Any]] = Field(description="The student's outbox events (envelopes)")
