"""The caller of a request, as its verified token describes it."""

from dataclasses import dataclass
from typing import Literal, get_args

Role = Literal["student", "teacher", "admin"]
ROLES: frozenset[str] = frozenset(get_args(Role))


@dataclass(frozen=True, slots=True)
class Principal:
    """`classes` narrows a teacher to some of their classes; None means all of them.

    `anonymous` is the caller when authentication is off: it may act for any student,
    which is the embedded mode's single-user behaviour.
    """

    subject: str
    roles: frozenset[str]
    classes: frozenset[str] | None = None
    anonymous: bool = False

    @property
    def is_admin(self) -> bool:
        return self.anonymous or "admin" in self.roles

    def has_any_role(self, *roles: Role) -> bool:
        """Admins (and the anonymous caller) pass every role check."""
        return self.is_admin or any(role in self.roles for role in roles)


ANONYMOUS = Principal(subject="anonymous", roles=frozenset(), anonymous=True)
