"""The FastAPI application of the v1 contract. Triage serves it as the Serve ingress."""

from fastapi import FastAPI

from serve_app.api.body_limit import BodySizeLimit
from serve_app.api.errors import install_error_handlers
from serve_app.api.routes import debugging, exercises, health, students, tutoring


def create_api(max_body_bytes: int = 256 * 1024) -> FastAPI:
    app = FastAPI(
        title="LearnFlow tutor",
        version="1.0.0",
        description="An AI tutor for Python: concepts, debugging with a hint ladder, practice.",
    )
    for module in (tutoring, debugging, exercises, students, health):
        app.include_router(module.router)
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, max_bytes=max_body_bytes)
    return app
