"""GET /v1/curriculum: the domain's topics, cards and bank, as the web app reads them."""

from collections import Counter
from collections.abc import AsyncIterator

import httpx
import pytest

from serve_app.api.app import create_api
from serve_app.domain.concepts.cards import ALL_CARDS
from serve_app.domain.exercises import load_bank
from serve_app.domain.mastery import MASTERY_LEVELS, mastery_level
from serve_app.domain.topics import DIFFICULTIES, TOPICS
from serve_app.security.mint_token import mint
from serve_app.security.policy import SecurityPolicy
from serve_app.service.tutor import Tutor
from serve_app.settings import Settings
from tests.support.tutors import api_client

SECRET = "curriculum-test-secret-0123456789abcdef01"
AUTH_ON = Settings(auth_mode="hs256", auth_jwt_secret=SECRET, rate_limit_per_minute=0)


@pytest.fixture
async def client(tutor: Tutor) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(create_api(), tutor) as http:
        yield http


async def test_lists_the_domain_topics_in_order_with_their_cards_and_exercises(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/v1/curriculum")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "public, max-age=3600"
    body = response.json()
    assert [t["topic"] for t in body["topics"]] == list(TOPICS)
    bank = Counter(spec.topic for spec in load_bank())
    assert {t["topic"]: t["exercises"] for t in body["topics"]} == dict.fromkeys(TOPICS, 0) | bank
    cards = {card.concept_id: card.topic for card in ALL_CARDS}
    listed = [(cid, t["topic"]) for t in body["topics"] for cid in t["concepts"]]
    assert all(cards.get(cid) == topic for cid, topic in listed)
    assert sorted(cid for cid, _ in listed) == sorted(cards)
    assert body["difficulties"] == list(DIFFICULTIES)
    assert body["levels"] == list(MASTERY_LEVELS)
    # The levels are the ones progress reports, lowest first.
    assert [mastery_level(m) for m in (0, 50, 80, 100)] == body["levels"]
    loops = next(t for t in body["topics"] if t["topic"] == "loops")
    assert loops["title"] == "Loops"


async def test_needs_a_valid_token_when_auth_is_on(tutor: Tutor) -> None:
    api = create_api(security=SecurityPolicy.from_settings(AUTH_ON))
    async with api_client(api, tutor) as http:
        refused = await http.get("/v1/curriculum")
        assert refused.status_code == 401
        assert refused.headers["cache-control"] == "no-store"
        bad = {"authorization": "Bearer not-a-jwt"}
        assert (await http.get("/v1/curriculum", headers=bad)).status_code == 401
        # Any authenticated principal may read it, whatever its roles.
        for roles in (("student",), ("teacher",), ()):
            token = mint(AUTH_ON, subject="someone", roles=roles, minutes=5)
            headers = {"authorization": f"Bearer {token}"}
            response = await http.get("/v1/curriculum", headers=headers)
            assert response.status_code == 200, roles
            assert [t["topic"] for t in response.json()["topics"]] == list(TOPICS)
