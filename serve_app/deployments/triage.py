"""Triage deployment: the HTTP ingress. Owns the database pool and routes to specialists."""

import logging
from typing import Any

from fastapi import FastAPI
from ray import serve
from ray.serve.handle import DeploymentHandle

from serve_app.api.app import create_api
from serve_app.deployments.handles import ConceptsHandle, DebugHandle, ExerciseHandle
from serve_app.deployments.relay import relay_probe
from serve_app.deployments.resources import build_llm
from serve_app.domain.triage import TriageClassifier
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.events.wiring import build_event_feed
from serve_app.privacy.bootstrap import install_cipher_from_settings
from serve_app.privacy.maintenance import PrivacyMaintenance
from serve_app.security.policy import SecurityPolicy
from serve_app.service.tutor import build_tutor
from serve_app.settings import get_settings
from serve_app.specialists.triage_llm import TriageSettler
from serve_app.store.database import Database

logger = logging.getLogger(__name__)


class Triage:
    async def __init__(  # type: ignore[misc]  # Serve awaits async constructors
        self,
        concepts: DeploymentHandle[Any],
        debug: DeploymentHandle[Any],
        exercise: DeploymentHandle[Any],
        relay: DeploymentHandle[Any] | None = None,
    ) -> None:
        settings = get_settings()
        # Before the database: a replica with missing keys or auth settings must not start.
        self._security = SecurityPolicy.from_settings(settings)
        install_cipher_from_settings(settings)
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
        pseudonymize = Pseudonymizer(settings.pseudonym_key.get_secret_value().encode())
        self._event_feed = build_event_feed(settings, self._db, pseudonymize)
        self._relay = relay
        threshold = settings.triage_clarification_threshold
        self._llm = build_llm(settings)
        settler = None
        if self._llm is not None:
            settler = TriageSettler(
                self._llm,
                budget_ms=settings.triage_llm_budget_ms,
                clarification_threshold=threshold,
            )
        tutor = build_tutor(
            db=self._db,
            pseudonymize=pseudonymize,
            classifier=TriageClassifier(clarification_threshold=threshold),
            concepts=ConceptsHandle(concepts),
            debug=DebugHandle(debug),
            exercise=exercises,
            triage_settler=settler,
        )
        await tutor.practice.seed_bank(await exercises.catalogue())
        self._maintenance = PrivacyMaintenance(
            self._db,
            retention_days=settings.retention_days,
            interval_seconds=settings.privacy_maintenance_interval_seconds,
        )
        self._maintenance.start()
        self._tutor = tutor
        self._max_body_bytes = settings.max_body_bytes
        self._web_dist_dir = settings.web_dist_dir

    def __serve_build_asgi_app__(self) -> FastAPI:
        # Built per replica after __init__, so the app holds this replica's started tutor.
        app = create_api(
            self._max_body_bytes, security=self._security, web_dist_dir=self._web_dist_dir
        )
        app.state.tutor = self._tutor
        app.state.event_feed = self._event_feed
        if self._relay is not None:
            app.state.kafka_status = relay_probe(self._relay)
        return app

    async def check_health(self) -> None:
        await self._db.check_health()

    async def __del__(self) -> None:
        await self._maintenance.stop()
        await self._event_feed.close()
        if self._llm is not None:
            await self._llm.close()
        await self._db.stop()


# Late-bound ingress: Serve calls __serve_build_asgi_app__ after __init__.
TriageDeployment = serve.deployment(name="Triage")(serve.ingress()(Triage))
