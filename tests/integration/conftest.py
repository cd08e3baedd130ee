"""Integration fixtures: a real PostgreSQL database per test, the real domain engines."""

from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from serve_app.domain.concepts import KnowledgeBase
from serve_app.domain.sandbox import Sandbox, SandboxLimits
from serve_app.privacy.field_cipher import FieldCipher
from serve_app.privacy.fields import install_field_cipher
from serve_app.privacy.keyring import KeyRing, generate_key_spec
from serve_app.service.tutor import Tutor
from serve_app.store.database import Database
from tests.support.databases import create_database, drop_database, server_url
from tests.support.fake_openai import FakeLLM, running_fake_llm
from tests.support.tutors import seeded_tutor

pytestmark = pytest.mark.integration


@pytest.fixture(scope="session", autouse=True)
def field_cipher() -> FieldCipher:
    """Student text is encrypted at the repository boundary; tests use a throwaway key."""
    cipher = FieldCipher(KeyRing.parse(generate_key_spec("test")))
    install_field_cipher(cipher)
    return cipher


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    with server_url() as url:
        yield url


@pytest.fixture
async def database_url(pg_server: str) -> AsyncIterator[str]:
    url = await create_database(pg_server)
    yield url
    await drop_database(pg_server, url)


@pytest.fixture
async def db(database_url: str, tmp_path: Path) -> AsyncIterator[Database]:
    async with Database(database_url, data_dir=tmp_path) as database:
        yield database


@pytest.fixture(scope="session")
def knowledge_base() -> KnowledgeBase:
    return KnowledgeBase.load()


@pytest.fixture(scope="session")
def sandbox() -> Sandbox:
    return Sandbox(SandboxLimits(cpu_seconds=3, wall_seconds=5))


@pytest.fixture
async def tutor(db: Database, knowledge_base: KnowledgeBase, sandbox: Sandbox) -> Tutor:
    return await seeded_tutor(db, knowledge_base, sandbox)


@pytest.fixture(scope="module")
def fake_llm() -> Iterator[tuple[FakeLLM, str]]:
    """A fake OpenAI-protocol provider over real HTTP, one per test module."""
    with running_fake_llm() as served:
        yield served
