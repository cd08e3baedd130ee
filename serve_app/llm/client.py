"""The one wrapper around `openai.AsyncOpenAI`: any OpenAI-compatible endpoint, bounded in time.

Callers treat the LLM as optional: every method raises `LLMUnavailable` on error or
timeout, and the specialist answers from its local engine instead.
"""

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from typing import cast

import openai
from openai import AsyncOpenAI
from openai.types.chat import ChatCompletionMessageParam

from serve_app.errors import LearnFlowError
from serve_app.privacy.redaction import redact

ChatMessage = ChatCompletionMessageParam

logger = logging.getLogger(__name__)


class LLMUnavailable(LearnFlowError):
    retriable = True


def redacted(messages: Sequence[ChatMessage]) -> list[ChatMessage]:
    """Every message as it may leave for the provider: e-mails, phones and secrets removed."""
    out: list[ChatMessage] = []
    for message in messages:
        content = message.get("content")
        if isinstance(content, str):
            message = cast(ChatMessage, {**message, "content": redact(content)})
        elif isinstance(content, list):
            parts = [
                {**part, "text": redact(part["text"])} if "text" in part else part
                for part in content
            ]
            message = cast(ChatMessage, {**message, "content": parts})
        out.append(message)
    return out


class LLMClient:
    def __init__(self, *, base_url: str, api_key: str | None, model: str, timeout: float) -> None:
        self._model = model
        self._timeout = timeout
        # The SDK refuses an empty key; local servers (vLLM, Ollama) ignore it.
        self._client: AsyncOpenAI | None = AsyncOpenAI(
            base_url=base_url, api_key=api_key or "unused", timeout=timeout, max_retries=0
        )

    @property
    def model(self) -> str:
        return self._model

    def _require_client(self) -> AsyncOpenAI:
        if self._client is None:
            raise LLMUnavailable("LLM client is closed")
        return self._client

    async def complete(
        self, messages: Sequence[ChatMessage], *, max_tokens: int = 600, temperature: float = 0.2
    ) -> str:
        client = self._require_client()
        try:
            async with asyncio.timeout(self._timeout):
                response = await client.chat.completions.create(
                    model=self._model,
                    messages=redacted(messages),
                    max_tokens=max_tokens,
                    temperature=temperature,
                )
        except (openai.OpenAIError, TimeoutError) as exc:
            raise LLMUnavailable(f"LLM call failed: {type(exc).__name__}") from exc
        content = response.choices[0].message.content if response.choices else None
        if not content:
            raise LLMUnavailable("LLM returned no content")
        return content

    async def stream(
        self, messages: Sequence[ChatMessage], *, max_tokens: int = 600, temperature: float = 0.2
    ) -> AsyncIterator[str]:
        """Yield content deltas. Raises LLMUnavailable if the stream fails to start or breaks."""
        client = self._require_client()
        try:
            async with asyncio.timeout(self._timeout):
                stream = await client.chat.completions.create(
                    model=self._model,
                    messages=redacted(messages),
                    max_tokens=max_tokens,
                    temperature=temperature,
                    stream=True,
                )
            async for chunk in stream:
                if chunk.choices and chunk.choices[0].delta.content:
                    yield chunk.choices[0].delta.content
        except (openai.OpenAIError, TimeoutError) as exc:
            raise LLMUnavailable(f"LLM stream failed: {type(exc).__name__}") from exc

    async def close(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.close()
