"""The LLM settles unsure triage decisions over real HTTP, and never past its budget."""

import asyncio
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from serve_app.domain.concepts import KnowledgeBase
from serve_app.domain.sandbox import Sandbox
from serve_app.domain.triage import TriageClassifier, TriageDecision
from serve_app.llm.client import LLMClient
from serve_app.specialists.triage_llm import TriageSettler, parse_route
from serve_app.store.database import Database
from tests.support.fake_openai import FakeLLM, running_fake_llm
from tests.support.tutors import seeded_tutor

pytestmark = pytest.mark.integration

# Generous where the LLM must answer (a loaded CI machine is slow); tight where it must not.
BUDGET_MS = 5_000
TIGHT_BUDGET_MS = 300
THRESHOLD = 0.55


class RoutingLLM(FakeLLM):
    """The fake provider, answering with a fixed reply instead of an explanation."""

    def __init__(self) -> None:
        super().__init__()
        self.reply = "exercise"

    def answer_for(self, body: dict[str, Any]) -> str:
        return self.reply


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[RoutingLLM, str]]:
    fake = RoutingLLM()
    with running_fake_llm(fake) as (_, base_url):
        yield fake, base_url


@pytest.fixture
def fake(served: tuple[RoutingLLM, str]) -> RoutingLLM:
    served[0].mode, served[0].reply = "ok", "exercise"
    served[0].requests.clear()
    return served[0]


@pytest.fixture
async def settler(served: tuple[RoutingLLM, str]) -> AsyncIterator[TriageSettler]:
    # The client's own timeout is long: only the settler's budget can cut a slow answer.
    llm = LLMClient(base_url=served[1], api_key="sk-test", model="triage-test", timeout=30)
    yield TriageSettler(llm, budget_ms=BUDGET_MS, clarification_threshold=THRESHOLD)
    await llm.close()


@pytest.fixture(scope="module")
def classifier() -> TriageClassifier:
    return TriageClassifier(clarification_threshold=THRESHOLD)


def _unsure(classifier: TriageClassifier) -> TriageDecision:
    decision = classifier.classify("python")
    assert decision.needs_clarification
    return decision


async def test_unsure_decision_is_settled_by_the_llm(
    classifier: TriageClassifier, settler: TriageSettler, fake: RoutingLLM
) -> None:
    decision = _unsure(classifier)
    settled = await settler.settle("python", "print(1)", decision)
    assert settled.route == "exercise"
    assert not settled.needs_clarification
    assert settled.clarifying_question is None
    assert settled.confidence >= THRESHOLD
    assert settled.reasons == (*decision.reasons, "llm:exercise")
    sent = fake.requests[-1]
    assert sent["model"] == "triage-test"
    assert sent["max_tokens"] <= 8
    assert "python" in sent["messages"][-1]["content"]
    assert "print(1)" in sent["messages"][-1]["content"]


async def test_confident_decisions_never_reach_the_llm(
    classifier: TriageClassifier, settler: TriageSettler, fake: RoutingLLM
) -> None:
    for text in ["give me a practice problem on loops", "what is a list comprehension?"]:
        decision = classifier.classify(text)
        assert await settler.settle(text, None, decision) is decision
    bare = classifier.classify("another one")  # nothing to follow: the LLM cannot know either
    assert await settler.settle("another one", None, bare) is bare
    assert fake.requests == []


@pytest.mark.parametrize("reply", ["I think it is debug", "unclear", "maybe exercise?", "homework"])
async def test_an_answer_that_is_not_one_route_keeps_the_decision(
    classifier: TriageClassifier, settler: TriageSettler, fake: RoutingLLM, reply: str
) -> None:
    fake.reply = reply
    decision = _unsure(classifier)
    assert await settler.settle("python", None, decision) is decision
    assert len(fake.requests) == 1


@pytest.mark.parametrize("mode", ["error", "slow"])
async def test_failing_or_slow_llm_keeps_the_decision_within_the_budget(
    classifier: TriageClassifier, served: tuple[RoutingLLM, str], fake: RoutingLLM, mode: str
) -> None:
    fake.mode = mode
    llm = LLMClient(base_url=served[1], api_key="sk-test", model="triage-test", timeout=30)
    settler = TriageSettler(llm, budget_ms=TIGHT_BUDGET_MS, clarification_threshold=THRESHOLD)
    decision = _unsure(classifier)
    # The fake stalls for 30 s when slow; only the budget lets this finish at all.
    settled = await asyncio.wait_for(settler.settle("python", None, decision), timeout=10)
    await llm.close()
    assert settled is decision
    assert len(fake.requests) == 1


def test_parse_route_accepts_only_a_lone_route_name() -> None:
    assert parse_route(" Debug.\n") == "debug"
    assert parse_route('"off-topic"') == "off_topic"
    assert parse_route("**concepts**") == "concepts"
    for answer in ["", "debug or exercise", "the route is debug", "unclear", "off"]:
        assert parse_route(answer) is None


async def test_ask_uses_the_llm_to_settle_an_unsure_message(
    db: Database,
    knowledge_base: KnowledgeBase,
    sandbox: Sandbox,
    settler: TriageSettler,
    fake: RoutingLLM,
    tmp_path: Path,
) -> None:
    fake.reply = "concepts"
    tutor = await seeded_tutor(
        db,
        knowledge_base,
        sandbox,
        classifier=TriageClassifier(clarification_threshold=THRESHOLD),
        triage_settler=settler,
    )
    answer = await tutor.tutoring.ask("s-triage-llm", "recursion", None)
    assert answer.route == "concepts"
    assert not answer.needs_clarification
    assert "explanation" in answer.payload
    # /v1/triage stays local: the same message still asks there.
    assert tutor.tutoring.triage("recursion", None).needs_clarification
    assert len(fake.requests) == 1
