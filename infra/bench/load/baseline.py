"""The one-process limit: the tutor's domain logic in ONE plain uvicorn process, no Ray.

`python -m infra.bench.load.baseline --port 8300` serves the same FastAPI app (`create_api`)
over the same use cases (`build_tutor`) as the Triage ingress, but with the specialists
called in-process instead of through deployment handles. Same settings, same kind of
database (LEARNFLOW_DATABASE_URL, or the embedded server in LEARNFLOW_DATA_DIR), same
sandbox: what differs is only Serve (proxy, handles, replicas).
"""

import argparse
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import uvicorn
from fastapi import FastAPI

import serve_app.domain.triage as triage_domain
from serve_app.api.app import create_api
from serve_app.deployments.resources import build_llm, build_sandbox
from serve_app.domain.concepts import KnowledgeBase
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.service.tutor import build_tutor
from serve_app.settings import Settings, get_settings
from serve_app.specialists.concepts import ConceptsSpecialist
from serve_app.specialists.debug import DebugSpecialist
from serve_app.specialists.exercise import ExerciseSpecialist
from serve_app.store.database import Database

logger = logging.getLogger(__name__)


def _classifier() -> Any:
    # The triage engine's class name has moved before; take whichever this checkout has.
    for name in ("TriageClassifier", "RuleClassifier", "Classifier"):
        factory = getattr(triage_domain, name, None)
        if factory is not None:
            return factory()
    raise ImportError("serve_app.domain.triage exports no classifier")


def build_baseline_app(settings: Settings) -> FastAPI:
    """The app of the Triage ingress, wired like Triage.__init__ but with local specialists."""
    app = create_api(settings.max_body_bytes)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        url = settings.database_url.get_secret_value() if settings.database_url else None
        db = Database(
            url,
            data_dir=settings.data_dir,
            min_size=settings.db_pool_min_size,
            max_size=settings.db_pool_max_size,
        )
        await db.start()
        llm = build_llm(settings)
        # One sandbox per specialist, as the Debug and Exercise deployments each own one.
        exercise = ExerciseSpecialist(build_sandbox(settings))
        tutor = build_tutor(
            db=db,
            pseudonymize=Pseudonymizer(settings.pseudonym_key.get_secret_value().encode()),
            classifier=_classifier(),
            concepts=ConceptsSpecialist(KnowledgeBase.load(), llm),
            debug=DebugSpecialist(build_sandbox(settings)),
            exercise=exercise,
        )
        await tutor.practice.seed_bank(exercise.bank)
        app.state.tutor = tutor
        try:
            yield
        finally:
            if llm is not None:
                await llm.close()
            await db.stop()

    app.router.lifespan_context = lifespan
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8300)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)
    # Plain uvicorn: one process, one event loop, no access log (Serve's is measured apart).
    uvicorn.run(
        build_baseline_app(get_settings()),
        host=args.host,
        port=args.port,
        log_level="warning",
        access_log=False,
        timeout_keep_alive=75,
    )


if __name__ == "__main__":
    main()
