"""Debug deployment: adapts Serve to DebugSpecialist."""

from ray import serve

from serve_app.deployments.resources import build_sandbox
from serve_app.domain.debug import DebugRequest, Diagnosis
from serve_app.settings import get_settings
from serve_app.specialists.debug import DebugSpecialist


class Debug:
    def __init__(self) -> None:
        self._specialist = DebugSpecialist(build_sandbox(get_settings()))

    async def diagnose(self, request: DebugRequest) -> Diagnosis:
        return await self._specialist.diagnose(request)


# Bound explicitly (not as a decorator) so type checkers see a Deployment.
DebugDeployment = serve.deployment(name="Debug")(Debug)
