"""One settings class, read once per process from `LEARNFLOW_*` environment variables.

The defaults are the embedded mode: an embedded PostgreSQL in a local data directory,
no Kafka, no LLM. Nothing else in the code base reads `os.environ`.
"""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

_PLACEHOLDER_SECRETS = {"", "changeme", "change-me", "secret", "dev-pseudonym-key"}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="LEARNFLOW_", extra="ignore")

    environment: Literal["development", "test", "production"] = "development"

    # PostgreSQL: unset means "start an embedded server in data_dir".
    database_url: SecretStr | None = None
    data_dir: Path = Field(default_factory=lambda: Path.home() / ".learnflow")
    db_pool_min_size: int = Field(default=1, ge=0)
    db_pool_max_size: int = Field(default=10, ge=1)

    # Kafka: unset means events stay in the outbox table.
    kafka_bootstrap_servers: str | None = None

    # Any OpenAI-compatible endpoint; unset means local engines only.
    llm_base_url: str | None = None
    llm_api_key: SecretStr | None = None
    llm_model: str | None = None
    llm_timeout_seconds: float = Field(default=8.0, gt=0)

    # Keyed pseudonyms for events and logs (HMAC-SHA256 of the student id).
    pseudonym_key: SecretStr = SecretStr("dev-pseudonym-key")

    # Input limits of the HTTP contract.
    max_text_chars: int = Field(default=4_000, ge=1)
    max_code_chars: int = Field(default=20_000, ge=1)
    max_body_bytes: int = Field(default=256 * 1024, ge=1024)

    # Sandbox defaults for student code.
    sandbox_cpu_seconds: float = Field(default=5.0, gt=0)
    sandbox_wall_seconds: float = Field(default=10.0, gt=0)
    sandbox_memory_mib: int = Field(default=256, ge=32)
    sandbox_max_concurrency: int = Field(default=4, ge=1)

    # <triage settings: issue 3>

    # <practice settings: issue 6>

    # <events settings: issue 7>

    # <security settings: issue 8>

    # <privacy settings: issue 8>

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)

    @property
    def kafka_enabled(self) -> bool:
        return bool(self.kafka_bootstrap_servers)

    @model_validator(mode="after")
    def _refuse_placeholder_secrets(self) -> "Settings":
        # A guessable pseudonym key would let anyone reverse student ids from events.
        if (
            self.environment == "production"
            and self.pseudonym_key.get_secret_value() in _PLACEHOLDER_SECRETS
        ):
            raise ValueError("LEARNFLOW_PSEUDONYM_KEY must be set to a real secret in production")
        return self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
