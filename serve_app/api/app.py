"""The FastAPI application of the v1 contract. Triage serves it as the Serve ingress."""

import logging
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from serve_app.api.access_log import AccessLog
from serve_app.api.body_limit import BodySizeLimit
from serve_app.api.error_responses import ERROR_RESPONSES
from serve_app.api.errors import install_error_handlers
from serve_app.api.routes import (
    admin,
    checks,
    curriculum,
    dapr,
    debugging,
    events,
    exercises,
    health,
    privacy,
    students,
    tutoring,
)
from serve_app.api.security_headers import SecurityHeaders
from serve_app.api.web import install_web_app
from serve_app.security.policy import SecurityPolicy
from serve_app.settings import get_settings

logger = logging.getLogger(__name__)


def create_api(
    max_body_bytes: int = 256 * 1024,
    security: SecurityPolicy | None = None,
    web_dist_dir: Path | None = None,
) -> FastAPI:
    """`security` defaults to the one the settings describe (auth, quotas, CORS, HSTS);
    with `web_dist_dir` the built web app is served at `/` next to the API."""
    if security is None:
        security = SecurityPolicy.from_settings(get_settings())
    if not security.auth_enabled:
        logger.warning(
            "AUTHENTICATION IS OFF: every caller may act for any student. "
            "Set LEARNFLOW_AUTH_MODE (hs256 or oidc) for anything but a local tutor."
        )
    app = FastAPI(
        title="LearnFlow tutor",
        version="1.0.0",
        description="An AI tutor for Python: concepts, debugging with a hint ladder, practice.",
    )
    app.state.security = security
    for module in (
        tutoring,
        checks,
        debugging,
        exercises,
        students,
        privacy,
        admin,
        events,
        curriculum,
    ):
        app.include_router(module.router, responses=ERROR_RESPONSES)
    app.include_router(health.router, responses={503: ERROR_RESPONSES[503]})
    app.include_router(dapr.router)  # the sidecar's deliveries; hidden from the schema
    if web_dist_dir is not None:
        install_web_app(app, web_dist_dir)
    install_error_handlers(app)
    # The last added is the outermost: size limit inside CORS inside the security headers.
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)
    if security.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(security.cors_origins),
            allow_methods=["GET", "POST", "PUT", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Accept"],
            expose_headers=["Retry-After"],
            max_age=600,
        )
    app.add_middleware(SecurityHeaders, hsts_seconds=security.hsts_seconds)
    # Outermost, so every response (413s and CORS refusals too) is logged, with no raw ids.
    app.add_middleware(AccessLog)
    return app
