"""Builders for the clients a replica owns, from settings."""

import logging

from serve_app.domain.sandbox import Sandbox, SandboxLimits
from serve_app.domain.sandbox.models import MiB
from serve_app.llm.client import LLMClient
from serve_app.settings import Settings

logger = logging.getLogger(__name__)


def build_llm(settings: Settings) -> LLMClient | None:
    if not settings.llm_enabled:
        logger.info("no LLM configured: answering from the local engines")
        return None
    assert settings.llm_base_url is not None
    assert settings.llm_model is not None
    key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else None
    logger.info("LLM enabled: model %s", settings.llm_model)
    return LLMClient(
        base_url=settings.llm_base_url,
        api_key=key,
        model=settings.llm_model,
        timeout=settings.llm_timeout_seconds,
    )


def build_sandbox(settings: Settings) -> Sandbox:
    sandbox = Sandbox(
        SandboxLimits(
            cpu_seconds=settings.sandbox_cpu_seconds,
            wall_seconds=settings.sandbox_wall_seconds,
            memory_bytes=settings.sandbox_memory_mib * MiB,
        ),
        max_concurrent=settings.sandbox_max_concurrency,
    )
    logger.info("sandbox isolation: %s", sandbox.isolation)
    return sandbox
