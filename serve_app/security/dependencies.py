"""FastAPI dependencies: the caller's Principal and an Access gate for per-route checks.

A route that acts for a student writes `await access.act_as(body.student_id)`; one that
reads a student's records writes `await access.read_student(student_id)`; both also count
the request against the caller's quotas. Role-only endpoints declare `TeacherDep` or
`AdminDep` (admins pass every role check).
"""

from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from serve_app.api.deps import TutorDep
from serve_app.errors import DependencyUnavailable
from serve_app.security.access import authorize_student, authorize_student_read, require_roles
from serve_app.security.errors import MissingToken
from serve_app.security.policy import SecurityPolicy
from serve_app.security.principal import ANONYMOUS, Principal, Role
from serve_app.store.database import Database

_bearer = HTTPBearer(
    auto_error=False,
    description="A JWT from the school's identity provider, or `make token` in development.",
)
BearerDep = Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]


def get_security(request: Request) -> SecurityPolicy:
    policy: SecurityPolicy | None = getattr(request.app.state, "security", None)
    if policy is None:
        # create_api always sets one; an app without it must fail closed, not open.
        raise DependencyUnavailable("security policy not configured")
    return policy


async def authenticate(request: Request, credentials: BearerDep) -> Principal:
    policy = get_security(request)
    if policy.verifier is None:
        return ANONYMOUS
    if credentials is None:
        raise MissingToken("missing bearer token")
    return await policy.verifier.verify(credentials.credentials)


PrincipalDep = Annotated[Principal, Depends(authenticate)]


def require_role(*roles: Role) -> Any:
    """`Depends(...)` that yields the Principal when it has one of `roles` (or is admin)."""

    async def with_role(principal: PrincipalDep) -> Principal:
        require_roles(principal, *roles)
        return principal

    return Depends(with_role)


TeacherDep = Annotated[Principal, require_role("teacher")]
AdminDep = Annotated[Principal, require_role("admin")]


class Access:
    """The per-request gate: authorization of student ids plus quota accounting."""

    def __init__(self, principal: Principal, policy: SecurityPolicy, db: Database) -> None:
        self.principal = principal
        self._policy = policy
        self._db = db

    def _caller(self, student_id: str | None) -> str | None:
        # With auth off there is no identity but the student id the request names.
        return student_id if self.principal.anonymous else self.principal.subject

    async def charge(self, student_id: str | None = None, *, uses_llm: bool = False) -> None:
        caller = self._caller(student_id)
        if caller is None:
            return
        await self._policy.quotas.charge(
            self._db, caller=caller, student_id=student_id, uses_llm=uses_llm
        )

    async def act_as(self, student_id: str, *, uses_llm: bool = False) -> None:
        """The caller acts as `student_id`: 403 for anyone else, then quotas (429)."""
        authorize_student(self.principal, student_id)
        await self.charge(student_id, uses_llm=uses_llm)

    async def read_student(self, student_id: str) -> None:
        """The caller reads `student_id`'s records: themself, their teacher, or an admin."""
        await authorize_student_read(self.principal, student_id, self._db)
        await self.charge(student_id)

    async def require(self, *roles: Role) -> None:
        require_roles(self.principal, *roles)
        await self.charge()


async def get_access(request: Request, principal: PrincipalDep, tutor: TutorDep) -> Access:
    return Access(principal, get_security(request), tutor.db)


AccessDep = Annotated[Access, Depends(get_access)]
