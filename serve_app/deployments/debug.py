"""Debug deployment: adapts Serve to DebugSpecialist."""

from ray import serve

from serve_app.deployments.resources import build_llm, build_sandbox
from serve_app.domain.debug import DebugRequest, Diagnosis
from serve_app.settings import get_settings
from serve_app.specialists.debug import DebugSpecialist


class Debug:
    def __init__(self) -> None:
        settings = get_settings()
        self._llm = build_llm(settings)
        self._specialist = DebugSpecialist(build_sandbox(settings), self._llm)

    async def diagnose(self, request: DebugRequest, *, allow_llm: bool = True) -> Diagnosis:
        return await self._specialist.diagnose(request, allow_llm=allow_llm)

    async def __del__(self) -> None:
        if self._llm is not None:
            await self._llm.close()


# Bound explicitly (not as a decorator) so type checkers see a Deployment.
DebugDeployment = serve.deployment(name="Debug")(Debug)
