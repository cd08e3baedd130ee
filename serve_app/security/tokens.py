"""Bearer token verification with PyJWT: a shared HS256 secret, or an OIDC issuer's JWKS.

Both verifiers pin their algorithms (so `alg: none` and HS/RS confusion are refused),
require `exp`, `sub`, `iss` and `aud`, and allow a small clock leeway.
"""

import asyncio
from collections.abc import Mapping
from typing import Any, Protocol

import jwt

from serve_app.errors import DependencyUnavailable
from serve_app.security.errors import Unauthenticated
from serve_app.security.principal import ROLES, Principal

REQUIRED_CLAIMS = ["exp", "sub", "iss", "aud"]
# Asymmetric algorithms only: an issuer's public key must never double as an HMAC secret.
JWKS_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "EdDSA"]
MAX_SUBJECT_CHARS = 256


class TokenVerifier(Protocol):
    async def verify(self, token: str) -> Principal: ...


def _names(value: object) -> list[str]:
    if isinstance(value, str):
        return value.replace(",", " ").split()
    if isinstance(value, list | tuple):
        return [item for item in value if isinstance(item, str)]
    return []


def principal_from_claims(claims: Mapping[str, Any], roles_claim: str = "roles") -> Principal:
    """Roles from `roles_claim` (a list or a space-separated string) or a single `role`."""
    subject = claims.get("sub")
    if not isinstance(subject, str) or not subject or len(subject) > MAX_SUBJECT_CHARS:
        raise Unauthenticated("invalid token: bad subject")
    named = _names(claims.get(roles_claim)) + _names(claims.get("role"))
    classes = claims.get("classes")
    return Principal(
        subject=subject,
        roles=frozenset(role for role in named if role in ROLES),
        classes=frozenset(_names(classes)) if classes is not None else None,
    )


class _Verifier:
    def __init__(self, *, issuer: str, audience: str, leeway: float, roles_claim: str) -> None:
        self._issuer = issuer
        self._audience = audience
        self._leeway = leeway
        self._roles_claim = roles_claim

    def _decode(self, token: str, key: Any, algorithms: list[str]) -> Principal:
        try:
            claims = jwt.decode(
                token,
                key,
                algorithms=algorithms,
                audience=self._audience,
                issuer=self._issuer,
                leeway=self._leeway,
                options={"require": REQUIRED_CLAIMS},
            )
        except jwt.InvalidTokenError as exc:
            # PyJWT's messages name the failed check ("Signature has expired"), never the token.
            raise Unauthenticated(f"invalid token: {exc}") from exc
        return principal_from_claims(claims, self._roles_claim)


class HS256Verifier(_Verifier):
    """Tokens signed with one shared secret: small installs and `make token`."""

    def __init__(
        self,
        secret: str,
        *,
        issuer: str,
        audience: str,
        leeway: float = 30,
        roles_claim: str = "roles",
    ) -> None:
        super().__init__(issuer=issuer, audience=audience, leeway=leeway, roles_claim=roles_claim)
        self._secret = secret

    async def verify(self, token: str) -> Principal:
        return self._decode(token, self._secret, ["HS256"])


class JWKSVerifier(_Verifier):
    """Tokens of an OIDC issuer, checked against its published keys (cached, refreshed on an
    unknown `kid`, which is how issuers rotate keys)."""

    def __init__(
        self,
        jwks_url: str,
        *,
        issuer: str,
        audience: str,
        leeway: float = 30,
        roles_claim: str = "roles",
        cache_seconds: int = 300,
        timeout: float = 5.0,
        refetch_cooldown: float = 30.0,
    ) -> None:
        super().__init__(issuer=issuer, audience=audience, leeway=leeway, roles_claim=roles_claim)
        self._keys = jwt.PyJWKClient(
            jwks_url,
            cache_keys=True,
            cache_jwk_set=cache_seconds > 0,
            lifespan=max(cache_seconds, 1),
            timeout=timeout,
            # Tokens with made-up `kid`s must not turn into a flood of fetches at the issuer.
            cooldown_duration=refetch_cooldown,
        )

    async def verify(self, token: str) -> Principal:
        try:
            # The first call (and a refresh) fetches over HTTP with urllib: keep it off the loop.
            signing_key = await asyncio.to_thread(self._keys.get_signing_key_from_jwt, token)
        except jwt.PyJWKClientConnectionError as exc:
            raise DependencyUnavailable("identity provider keys unreachable") from exc
        except (jwt.PyJWKClientError, jwt.InvalidTokenError) as exc:
            raise Unauthenticated(f"invalid token: {exc}") from exc
        return self._decode(token, signing_key, JWKS_ALGORITHMS)
