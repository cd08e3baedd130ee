"""The one place where domain errors become HTTP status codes."""

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from serve_app.errors import (
    DependencyUnavailable,
    Forbidden,
    InvalidRequest,
    LadderExhausted,
    NotFound,
)
from serve_app.security.errors import MissingToken, QuotaExceeded, Unauthenticated

logger = logging.getLogger(__name__)

_TOO_LONG = {"string_too_long", "too_long", "bytes_too_long"}


async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    # An oversized body field is its own class of mistake: 413, as the contract says.
    too_long = any(e.get("type") in _TOO_LONG and e.get("loc", ("",))[0] == "body" for e in errors)
    status = 413 if too_long else 422
    detail = [{"loc": e.get("loc"), "msg": e.get("msg"), "type": e.get("type")} for e in errors]
    return JSONResponse({"detail": detail}, status_code=status)


def _handler(status: int):  # type: ignore[no-untyped-def]
    async def handle(_: Request, exc: Exception) -> JSONResponse:
        if status >= 500:
            logger.warning("dependency unavailable: %s", exc)
        headers = {"Retry-After": "5"} if status == 503 else None
        return JSONResponse({"detail": str(exc)}, status_code=status, headers=headers)

    return handle


async def _unauthenticated(_: Request, exc: Exception) -> JSONResponse:
    # RFC 6750: a missing token gets a bare challenge, a bad one says it was invalid.
    challenge = 'Bearer realm="learnflow"'
    if not isinstance(exc, MissingToken):
        challenge += ', error="invalid_token"'
    return JSONResponse(
        {"detail": str(exc)}, status_code=401, headers={"WWW-Authenticate": challenge}
    )


async def _too_many_requests(_: Request, exc: Exception) -> JSONResponse:
    retry_after = exc.retry_after if isinstance(exc, QuotaExceeded) else 60
    return JSONResponse(
        {"detail": str(exc)}, status_code=429, headers={"Retry-After": str(retry_after)}
    )


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    # The traceback goes to the server log only; a response never carries one.
    logger.error("unhandled error: %s", type(exc).__name__, exc_info=exc)
    return JSONResponse({"detail": "internal error"}, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)  # type: ignore[arg-type]
    app.add_exception_handler(NotFound, _handler(404))
    app.add_exception_handler(Forbidden, _handler(403))
    app.add_exception_handler(Unauthenticated, _unauthenticated)
    app.add_exception_handler(QuotaExceeded, _too_many_requests)
    app.add_exception_handler(InvalidRequest, _handler(422))
    app.add_exception_handler(LadderExhausted, _handler(409))
    app.add_exception_handler(DependencyUnavailable, _handler(503))
    app.add_exception_handler(Exception, _unexpected)
