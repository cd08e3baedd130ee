"""Triage deployment: the HTTP ingress. Owns the database pool and routes to specialists."""

import logging
from typing import Any

from fastapi import FastAPI
from ray import serve
from ray.serve.handle import DeploymentHandle

from serve_app.api.app import create_api
from serve_app.deployments.handles import ConceptsHandle, DebugHandle, ExerciseHandle
from serve_app.domain.triage import RuleClassifier
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.service.tutor import build_tutor
from serve_app.settings import get_settings
from serve_app.store.database import Database

logger = logging.getLogger(__name__)


class Triage:
    async def __init__(  # type: ignore[misc]  # Serve awaits async constructors
        self,
        concepts: DeploymentHandle[Any],
        debug: DeploymentHandle[Any],
        exercise: DeploymentHandle[Any],
    ) -> None:
        settings = get_settings()
        url = settings.database_url.get_secret_value() if settings.database_url else None
        if url is None:
            logger.info("LEARNFLOW_DATABASE_URL unset: using the embedded PostgreSQL")
        self._db = Database(
            url,
            data_dir=settings.data_dir,
            min_size=settings.db_pool_min_size,
            max_size=settings.db_pool_max_size,
        )
        await self._db.start()
        exercises = ExerciseHandle(exercise)
        tutor = build_tutor(
            db=self._db,
            pseudonymize=Pseudonymizer(settings.pseudonym_key.get_secret_value().encode()),
            classifier=RuleClassifier(),
            concepts=ConceptsHandle(concepts),
            debug=DebugHandle(debug),
            exercise=exercises,
        )
        await tutor.practice.seed_bank(await exercises.catalogue())
        self._tutor = tutor
        self._max_body_bytes = settings.max_body_bytes

    def __serve_build_asgi_app__(self) -> FastAPI:
        # Built per replica after __init__, so the app holds this replica's started tutor.
        app = create_api(self._max_body_bytes)
        app.state.tutor = self._tutor
        return app

    async def check_health(self) -> None:
        await self._db.check_health()

    async def __del__(self) -> None:
        await self._db.stop()


# Late-bound ingress: Serve calls __serve_build_asgi_app__ after __init__.
TriageDeployment = serve.deployment(name="Triage")(serve.ingress()(Triage))
