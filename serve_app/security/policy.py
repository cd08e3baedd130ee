"""How this replica authenticates and limits callers, decided once from the settings."""

from dataclasses import dataclass, field
from typing import Literal

from serve_app.security.errors import SecurityMisconfigured
from serve_app.security.quotas import QuotaLimits
from serve_app.security.tokens import HS256Verifier, JWKSVerifier, TokenVerifier
from serve_app.settings import Settings

AuthMode = Literal["off", "hs256", "oidc"]
# HS256 is only as strong as its secret; RFC 7518 asks for at least the hash size.
MIN_SECRET_BYTES = 32
_PLACEHOLDERS = {"changeme", "change-me", "secret", "dev-secret", "development"}


def resolve_auth_mode(settings: Settings) -> AuthMode:
    """`auto` is off in embedded mode (no database URL) and required everywhere else."""
    if settings.auth_mode != "auto":
        return settings.auth_mode
    if settings.database_url is None:
        return "off"
    return "oidc" if settings.auth_jwks_url else "hs256"


def hs256_secret(settings: Settings) -> str:
    """The shared secret, or SecurityMisconfigured when it is missing or guessable."""
    if settings.auth_jwt_secret is None:
        raise SecurityMisconfigured(
            "authentication is required: set LEARNFLOW_AUTH_JWT_SECRET (HS256) "
            "or LEARNFLOW_AUTH_JWKS_URL (OIDC), or LEARNFLOW_AUTH_MODE=off for a local tutor"
        )
    secret = settings.auth_jwt_secret.get_secret_value()
    if len(secret.encode()) < MIN_SECRET_BYTES or secret.lower() in _PLACEHOLDERS:
        raise SecurityMisconfigured(
            f"LEARNFLOW_AUTH_JWT_SECRET must be a random value of at least {MIN_SECRET_BYTES} bytes"
        )
    return secret


def build_verifier(settings: Settings) -> TokenVerifier | None:
    """None when authentication is off; raises SecurityMisconfigured rather than fail open."""
    mode = resolve_auth_mode(settings)
    if mode == "off":
        return None
    issuer, audience = settings.auth_issuer, settings.auth_audience
    leeway, roles_claim = float(settings.auth_leeway_seconds), settings.auth_roles_claim
    if mode == "hs256":
        return HS256Verifier(
            hs256_secret(settings),
            issuer=issuer,
            audience=audience,
            leeway=leeway,
            roles_claim=roles_claim,
        )
    if not settings.auth_jwks_url:
        raise SecurityMisconfigured("LEARNFLOW_AUTH_MODE=oidc needs LEARNFLOW_AUTH_JWKS_URL")
    return JWKSVerifier(
        settings.auth_jwks_url,
        issuer=issuer,
        audience=audience,
        leeway=leeway,
        roles_claim=roles_claim,
        cache_seconds=settings.auth_jwks_cache_seconds,
    )


@dataclass(frozen=True)
class SecurityPolicy:
    """`verifier` None means authentication is off and every caller is ANONYMOUS."""

    verifier: TokenVerifier | None = None
    quotas: QuotaLimits = field(default_factory=QuotaLimits)
    cors_origins: tuple[str, ...] = ()
    hsts_seconds: int = 0

    @property
    def auth_enabled(self) -> bool:
        return self.verifier is not None

    @classmethod
    def from_settings(cls, settings: Settings) -> "SecurityPolicy":
        return cls(
            verifier=build_verifier(settings),
            quotas=QuotaLimits(
                per_minute=settings.rate_limit_per_minute,
                llm_per_day=settings.llm_daily_quota,
                llm_enabled=settings.llm_enabled,
            ),
            cors_origins=tuple(settings.cors_origins),
            hsts_seconds=settings.hsts_seconds,
        )
