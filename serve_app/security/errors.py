"""Errors of identity and quotas; the HTTP layer maps them to 401 and 429."""

from serve_app.errors import LearnFlowError


class Unauthenticated(LearnFlowError):
    """No bearer token, or one that does not verify (signature, expiry, issuer, audience)."""


class MissingToken(Unauthenticated):
    """The request carries no bearer token at all."""


class QuotaExceeded(LearnFlowError):
    """Too many requests in the current window; `retry_after` is whole seconds until it ends."""

    retriable = True

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = max(1, retry_after)


class SecurityMisconfigured(ValueError):
    """Authentication is required but cannot work with the given settings (fail closed)."""
