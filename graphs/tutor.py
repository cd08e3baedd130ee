"""The tutor graph: Triage (ingress) bound to Concepts, Debug and Exercise, and to the
outbox Relay (not an ingress: it moves events to Kafka; Triage asks it for /readyz).

`serve run serve_config.yaml`, the tests and the RayService all build it from here.
"""

from pydantic import BaseModel
from ray.serve import Application

from serve_app.deployments.concepts import ConceptsDeployment
from serve_app.deployments.debug import DebugDeployment
from serve_app.deployments.exercise import ExerciseDeployment
from serve_app.deployments.relay import RelayDeployment
from serve_app.deployments.triage import TriageDeployment


class TutorArgs(BaseModel):
    """Arguments of the application builder (`args:` in serve_config.yaml)."""


def build_app(args: TutorArgs) -> Application:
    return TriageDeployment.bind(
        ConceptsDeployment.bind(),
        DebugDeployment.bind(),
        ExerciseDeployment.bind(),
        relay=RelayDeployment.bind(),
    )
