"""Debug: diagnose student code by running it in the sandbox, then build the hint ladder."""

from serve_app.domain.debug import DebugRequest, Diagnosis, diagnose
from serve_app.domain.sandbox import Sandbox


class DebugSpecialist:
    def __init__(self, sandbox: Sandbox) -> None:
        self._sandbox = sandbox

    async def diagnose(self, request: DebugRequest) -> Diagnosis:
        return await diagnose(request, self._sandbox)
