"""Concepts deployment: adapts Serve to ConceptsSpecialist."""

from collections.abc import AsyncIterator
from typing import Any

from ray import serve

from serve_app.deployments.resources import build_llm
from serve_app.domain.concepts import KnowledgeBase
from serve_app.settings import get_settings
from serve_app.specialists.concepts import ConceptAnswer, ConceptsSpecialist


class Concepts:
    def __init__(self) -> None:
        self._llm = build_llm(get_settings())
        self._specialist = ConceptsSpecialist(KnowledgeBase.load(), self._llm)

    async def explain(self, question: str, level: str, *, allow_llm: bool = True) -> ConceptAnswer:
        return await self._specialist.explain(question, level, allow_llm=allow_llm)

    async def stream_explain(
        self, question: str, level: str, *, allow_llm: bool = True
    ) -> AsyncIterator[dict[str, Any]]:
        async for item in self._specialist.stream_explain(question, level, allow_llm=allow_llm):
            yield item

    async def __del__(self) -> None:
        if self._llm is not None:
            await self._llm.close()


# Bound explicitly (not as a decorator) so type checkers see a Deployment.
ConceptsDeployment = serve.deployment(name="Concepts")(Concepts)
