"""One settings class, read once per process from `LEARNFLOW_*` environment variables.

The defaults are the embedded mode: an embedded PostgreSQL in a local data directory,
no Kafka, no LLM. Nothing else in the code base reads `os.environ`.
"""

import json
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

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
    # Sandbox runs at once per replica; more wait their turn instead of starving each other.
    sandbox_max_concurrency: int = Field(default=4, ge=1)

    # --- Triage ---
    # Below this confidence triage asks a clarifying question instead of routing.
    triage_clarification_threshold: float = Field(default=0.55, gt=0, lt=1)
    # With an LLM configured, unsure decisions may be settled by it within this budget.
    triage_llm_budget_ms: int = Field(default=400, ge=1, le=10_000)

    # --- Practice ---
    # With an LLM configured, offer freshly generated exercises (each verified in the sandbox
    # before it is served); off means the bank and teacher exercises only.
    practice_generate_exercises: bool = True

    # --- Events: outbox relay and SSE feed ---
    # Topics are created with this many partitions when missing (a student's key picks one).
    kafka_topic_partitions: int = Field(default=3, ge=1)
    kafka_replication_factor: int = Field(default=1, ge=1)
    # How long one Kafka call (connect, send with acks=all, metadata) may take.
    kafka_timeout_seconds: float = Field(default=10.0, gt=0)
    relay_batch_size: int = Field(default=200, ge=1, le=10_000)
    # An idle relay waits for NOTIFY at most this long before looking at the outbox again.
    relay_idle_seconds: float = Field(default=1.0, gt=0)
    relay_backoff_max_seconds: float = Field(default=30.0, gt=0)
    sse_poll_seconds: float = Field(default=1.0, gt=0)
    sse_heartbeat_seconds: float = Field(default=15.0, gt=0)

    # --- Security: identity, quotas, browser hardening ---
    # "auto": off in embedded mode (no database_url), required otherwise.
    auth_mode: Literal["off", "hs256", "oidc", "auto"] = "auto"
    auth_jwt_secret: SecretStr | None = None
    auth_jwks_url: str | None = None
    auth_issuer: str = "learnflow"
    auth_audience: str = "learnflow-tutor"
    auth_leeway_seconds: int = Field(default=30, ge=0, le=300)
    auth_roles_claim: str = "roles"
    auth_jwks_cache_seconds: int = Field(default=300, ge=0)
    # Per caller, per minute; and LLM-backed requests per student per day (0 turns one off).
    rate_limit_per_minute: int = Field(default=120, ge=0)
    llm_daily_quota: int = Field(default=200, ge=0)
    # Comma-separated list (or JSON list) of browser origins allowed by CORS; none by default.
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Strict-Transport-Security max-age, sent on https requests only (0 turns it off).
    hsts_seconds: int = Field(default=31_536_000, ge=0)

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [origin.strip() for origin in text.split(",") if origin.strip()]
        return value

    # --- Privacy ---
    # AES-GCM key ring for student text at rest: "kid1:base64key,kid2:base64key", first
    # active. Unset: production refuses to start; other modes use data_dir/encryption.keys.
    encryption_keys: SecretStr | None = None
    # Interactions, debug sessions and submission code older than this are purged; unset keeps.
    retention_days: int | None = Field(default=None, ge=1)
    privacy_maintenance_interval_seconds: float = Field(default=3600.0, gt=0)

    # <web app serving: issue 11>
    # The built frontend (`make web`) that the ingress serves at `/`; empty serves the API only.
    web_dist_dir: Path | None = Field(
        default_factory=lambda: Path(__file__).resolve().parent / "web" / "dist"
    )

    @field_validator("web_dist_dir", mode="before")
    @classmethod
    def _empty_means_no_web_app(cls, value: object) -> object:
        # An empty variable would otherwise become Path("."): the working directory, served.
        return None if isinstance(value, str) and not value.strip() else value

    # <dapr events: issue 9>
    # Set by Dapr's sidecar injector (unprefixed names): with a sidecar the relay publishes
    # through its pub/sub API and the SSE feed takes its live events from its deliveries.
    dapr_http_port: int | None = Field(
        default=None,
        ge=1,
        le=65535,
        validation_alias=AliasChoices("DAPR_HTTP_PORT", "LEARNFLOW_DAPR_HTTP_PORT"),
    )
    dapr_pubsub_name: str = Field(default="learnflow-pubsub", min_length=1)
    # Sent to the sidecar as `dapr-api-token`; the sidecar's own token when it requires one.
    dapr_api_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("DAPR_API_TOKEN", "LEARNFLOW_DAPR_API_TOKEN")
    )
    # Required from the sidecar on deliveries to /dapr/events (its `dapr-api-token` header).
    dapr_app_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("APP_API_TOKEN", "LEARNFLOW_DAPR_APP_TOKEN")
    )
    # One publish call through the sidecar (it waits for Kafka's acks=all).
    dapr_timeout_seconds: float = Field(default=10.0, gt=0)
    # Students published at once per batch; one student's events always go one by one.
    dapr_publish_concurrency: int = Field(default=8, ge=1, le=64)

    @field_validator("dapr_http_port", "dapr_api_token", "dapr_app_token", mode="before")
    @classmethod
    def _empty_means_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

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
