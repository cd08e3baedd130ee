"""What reaches the LLM, seen from the provider's side: a local OpenAI-protocol server over
real HTTP records every request. Personal data and secrets never arrive; under-13 accounts
without parental consent send nothing at all."""

import json
from collections.abc import AsyncIterator

import pytest

from serve_app.domain.concepts import KnowledgeBase
from serve_app.domain.sandbox import Sandbox
from serve_app.llm.client import ChatMessage, LLMClient
from serve_app.schemas.privacy import StudentPrivacyUpdate
from serve_app.service.tutor import Tutor
from serve_app.store.database import Database
from tests.support.fake_openai import FakeLLM
from tests.support.tutors import fake_llm_client, seeded_tutor

LEAKS = {
    "email": "maria.lopez@school.example.org",
    "phone": "+1 (555) 867-5309",
    "password": "Tr0ub4dor&3",
    "api key": "sk-proj-9f8e7d6c5b4a3f2e1d0c",
    "aws key": "AKIAIOSFODNN7EXAMPLE",
    "jwt": "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtYXJpYSJ9.c2lnbmF0dXJlLXBhcnQ",
    "private key": "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC",
}
QUESTION = (
    "what is a list comprehension? I'm {email}, call {phone}. My script has "
    'password = "{password}" and OPENAI_KEY={api key} and {aws key}; my token is {jwt}.\n'
    "-----BEGIN PRIVATE KEY-----\n{private key}\n-----END PRIVATE KEY-----"
).format_map(LEAKS)


@pytest.fixture
async def llm(fake_llm: tuple[FakeLLM, str]) -> AsyncIterator[LLMClient]:
    client = fake_llm_client(fake_llm, timeout=5)
    yield client
    await client.close()


@pytest.fixture
async def llm_tutor(
    db: Database, knowledge_base: KnowledgeBase, sandbox: Sandbox, llm: LLMClient
) -> Tutor:
    return await seeded_tutor(db, knowledge_base, sandbox, concepts_llm=llm, debug_llm=llm)


def _sent(fake: FakeLLM) -> str:
    return json.dumps(fake.requests)


async def test_the_llm_client_never_sends_personal_data_or_secrets(
    llm: LLMClient, fake_llm: tuple[FakeLLM, str]
) -> None:
    """The boundary itself: every message of every call is redacted before it is sent."""
    messages: list[ChatMessage] = [
        {"role": "system", "content": "You are a tutor. Grounding: lists."},
        {"role": "user", "content": QUESTION},
    ]
    answer = await llm.complete(messages)
    streamed = [delta async for delta in llm.stream(messages)]

    fake = fake_llm[0]
    assert answer
    assert streamed
    assert len(fake.requests) == 2
    sent = _sent(fake)
    for kind, value in LEAKS.items():
        assert value not in sent, kind
    assert "list comprehension" in sent  # the question itself still arrives
    for placeholder in ("[email]", "[phone]", "[secret]"):
        assert placeholder in sent
    assert messages[1]["content"] == QUESTION  # the caller's messages are not mutated


async def test_a_question_through_the_tutor_reaches_the_llm_redacted(
    llm_tutor: Tutor, fake_llm: tuple[FakeLLM, str]
) -> None:
    question = (
        f"what is a list comprehension? my phone is {LEAKS['phone']} and my code has "
        f'password = "{LEAKS["password"]}"'
    )
    answer = await llm_tutor.tutoring.explain("adult-1", question, None)

    fake = fake_llm[0]
    assert answer.llm_used
    assert len(fake.requests) == 1
    sent = _sent(fake)
    assert LEAKS["phone"] not in sent
    assert LEAKS["password"] not in sent
    assert "[phone]" in sent


async def test_under_13_without_consent_never_reaches_the_llm(
    llm_tutor: Tutor, fake_llm: tuple[FakeLLM, str]
) -> None:
    fake = fake_llm[0]
    await llm_tutor.privacy.update("kid-1", StudentPrivacyUpdate(under_13=True))

    explained = await llm_tutor.tutoring.explain("kid-1", "what is a list comprehension?", None)
    asked = await llm_tutor.tutoring.ask("kid-1", "what is a list comprehension?", None)
    streamed = [
        item
        async for item in llm_tutor.tutoring.ask_stream(
            "kid-1", "what is a list comprehension?", None
        )
    ]

    assert len(fake.requests) == 0
    assert explained.explanation  # answered from the knowledge base instead
    assert not explained.llm_used
    assert asked.payload.get("llm_used") is False
    assert streamed[-1][0] == "done"
    assert streamed[-1][1]["payload"]["llm_used"] is False


async def test_under_13_with_parental_consent_reaches_the_llm(
    llm_tutor: Tutor, fake_llm: tuple[FakeLLM, str]
) -> None:
    fake = fake_llm[0]
    settings = await llm_tutor.privacy.update(
        "kid-2", StudentPrivacyUpdate(under_13=True, parental_consent=True)
    )
    assert settings.llm_allowed
    assert settings.parental_consent_at is not None

    explained = await llm_tutor.tutoring.explain("kid-2", "what is a list comprehension?", None)

    assert explained.llm_used
    assert len(fake.requests) == 1

    # Consent withdrawn: back to no LLM at all.
    withdrawn = await llm_tutor.privacy.update("kid-2", StudentPrivacyUpdate(under_13=True))
    assert not withdrawn.llm_allowed
    await llm_tutor.tutoring.explain("kid-2", "what is a list comprehension?", None)
    assert len(fake.requests) == 1


async def test_under_13_code_reaches_the_llm_only_with_consent(
    llm_tutor: Tutor, fake_llm: tuple[FakeLLM, str]
) -> None:
    # No local correction exists for this one, so an allowed student's code goes to the LLM.
    code = "x = int('abc')\nprint(x)\n"
    fake = fake_llm[0]
    await llm_tutor.privacy.update("kid-3", StudentPrivacyUpdate(under_13=True))
    await llm_tutor.debugging.start("kid-3", code, error=None, stdin=None, expected_output=None)
    assert len(fake.requests) == 0

    await llm_tutor.privacy.update(
        "kid-3", StudentPrivacyUpdate(under_13=True, parental_consent=True)
    )
    await llm_tutor.debugging.start("kid-3", code, error=None, stdin=None, expected_output=None)
    assert len(fake.requests) == 1
    assert "int('abc')" in _sent(fake)
