"""A tutor wired from the real engines for tests, LLM clients of the fake provider, and an
HTTP client of the FastAPI app in process."""

from collections.abc import Callable
from datetime import datetime

import httpx
from fastapi import FastAPI

from serve_app.domain.concepts import KnowledgeBase
from serve_app.domain.sandbox import Sandbox
from serve_app.domain.triage import TriageClassifier
from serve_app.events.feed import EventFeed
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.llm.client import LLMClient
from serve_app.service.context import utc_now
from serve_app.service.tutor import Tutor, build_tutor
from serve_app.specialists.concepts import ConceptsSpecialist
from serve_app.specialists.debug import DebugSpecialist
from serve_app.specialists.exercise import ExerciseSpecialist
from serve_app.specialists.triage_llm import TriageSettler
from serve_app.store.database import Database
from tests.support.fake_openai import FakeLLM

# The pseudonym key of every test tutor; tests that read events pseudonymise with it too.
PSEUDONYM_KEY = b"test-key"


async def seeded_tutor(
    db: Database,
    knowledge_base: KnowledgeBase,
    sandbox: Sandbox,
    *,
    concepts_llm: LLMClient | None = None,
    debug_llm: LLMClient | None = None,
    exercise_llm: LLMClient | None = None,
    classifier: TriageClassifier | None = None,
    triage_settler: TriageSettler | None = None,
    clock: Callable[[], datetime] = utc_now,
    seed_bank: bool = True,
) -> Tutor:
    """The tutor of the real engines on `db`, with an LLM only for the specialists given one,
    and the exercise bank seeded unless `seed_bank` is False."""
    exercise = ExerciseSpecialist(sandbox, llm=exercise_llm)
    tutor = build_tutor(
        db=db,
        pseudonymize=Pseudonymizer(PSEUDONYM_KEY),
        classifier=classifier or TriageClassifier(),
        concepts=ConceptsSpecialist(knowledge_base, concepts_llm),
        debug=DebugSpecialist(sandbox, debug_llm),
        exercise=exercise,
        triage_settler=triage_settler,
        clock=clock,
    )
    if seed_bank:
        await tutor.practice.seed_bank(exercise.bank)
    return tutor


def fake_llm_client(
    fake_llm: tuple[FakeLLM, str], *, timeout: float, model: str = "tutor-test"
) -> LLMClient:
    """A client of the fake provider, which is reset to answer normally with no requests seen."""
    fake, base_url = fake_llm
    fake.mode = "ok"
    fake.requests.clear()
    return LLMClient(base_url=base_url, api_key="sk-test", model=model, timeout=timeout)


def api_client(
    app: FastAPI, tutor: Tutor, *, event_feed: EventFeed | None = None, timeout: float = 5.0
) -> httpx.AsyncClient:
    """An HTTP client of `app` (from create_api) serving `tutor`, in process over ASGI.

    The 5 s timeout is httpx's own default."""
    app.state.tutor = tutor
    if event_feed is not None:
        app.state.event_feed = event_feed
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://tutor", timeout=timeout
    )
