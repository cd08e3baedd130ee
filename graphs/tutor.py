"""The tutor graph: Triage (ingress) bound to Concepts, Debug and Exercise, and to the
outbox Relay (not an ingress: it moves events to Kafka; Triage asks it for /readyz).

`serve run serve_config.yaml`, the tests and the RayService all build it from here.
"""

import logging

from pydantic import BaseModel
from ray.serve import Application

from serve_app.deployments.concepts import ConceptsDeployment
from serve_app.deployments.debug import DebugDeployment
from serve_app.deployments.exercise import ExerciseDeployment
from serve_app.deployments.relay import RelayDeployment
from serve_app.deployments.triage import TriageDeployment
from serve_app.security.policy import SecurityPolicy
from serve_app.settings import get_settings

logger = logging.getLogger(__name__)


class TutorArgs(BaseModel):
    """Arguments of the application builder (`args:` in serve_config.yaml)."""


def build_app(args: TutorArgs) -> Application:
    # Checked here too, in the process that runs `serve run`: a misconfiguration fails before
    # any replica starts, and the warning reaches the console even when replica logs go only
    # to Ray's log files (RAY_SERVE_LOG_TO_STDERR=0 in the throughput-optimized mode).
    if not SecurityPolicy.from_settings(get_settings()).auth_enabled:
        logger.warning(
            "AUTHENTICATION IS OFF: every caller may act for any student. "
            "Set LEARNFLOW_AUTH_MODE (hs256 or oidc) for anything but a local tutor."
        )
    return TriageDeployment.bind(
        ConceptsDeployment.bind(),
        DebugDeployment.bind(),
        ExerciseDeployment.bind(),
        relay=RelayDeployment.bind(),
    )
