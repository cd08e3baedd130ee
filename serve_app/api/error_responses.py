"""The error answers every v1 route may give, documented in the OpenAPI schema so clients
(and the schema-driven fuzz test) know them: `{"detail": ...}` as the contract says."""

from typing import Any

from pydantic import BaseModel


class ErrorPublic(BaseModel):
    detail: str | list[dict[str, Any]]


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorPublic, "description": description}


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _error("The body cannot be decoded at all (e.g. not UTF-8)"),
    401: _error("Missing or invalid bearer token (with `WWW-Authenticate: Bearer`)"),
    403: _error("The token may not touch this student or endpoint"),
    404: _error("No such exercise, debug session or class"),
    413: _error("Request body or a field of it is too large"),
    # Field errors come as a list, a domain refusal (unknown topic...) as a sentence.
    422: _error("Invalid input"),
    429: _error("Rate limit or daily quota reached (with `Retry-After`)"),
    503: _error("A backing service is unavailable (with `Retry-After`)"),
}
