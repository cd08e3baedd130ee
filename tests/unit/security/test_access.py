"""Who may act as, or read, which student (the checks that need no database)."""

import pytest

from serve_app.errors import Forbidden
from serve_app.security.access import authorize_student, authorize_student_read, require_roles
from serve_app.security.principal import ANONYMOUS, Principal
from serve_app.store.database import Database

ALICE = Principal("alice", frozenset({"student"}))
TEACHER = Principal("t1", frozenset({"teacher"}))
ADMIN = Principal("root", frozenset({"admin"}))
NOBODY = Principal("ghost", frozenset())


def test_a_student_acts_only_as_themself() -> None:
    authorize_student(ALICE, "alice")
    for other in ("bob", "Alice", "alice ", ""):
        with pytest.raises(Forbidden):
            authorize_student(ALICE, other)


@pytest.mark.parametrize("principal", [TEACHER, NOBODY, Principal("bob", frozenset({"teacher"}))])
def test_non_students_cannot_act_as_a_student(principal: Principal) -> None:
    with pytest.raises(Forbidden):
        authorize_student(principal, principal.subject)


def test_admins_and_the_anonymous_caller_act_for_anyone() -> None:
    for principal in (ADMIN, ANONYMOUS):
        authorize_student(principal, "anyone")


def test_roles() -> None:
    require_roles(TEACHER, "teacher")
    require_roles(ADMIN, "teacher")
    require_roles(ANONYMOUS, "admin")
    for principal, role in ((ALICE, "teacher"), (TEACHER, "admin"), (NOBODY, "student")):
        with pytest.raises(Forbidden):
            require_roles(principal, role)  # type: ignore[arg-type]


async def test_reading_oneself_needs_no_database() -> None:
    unstarted = Database("postgresql://unused.invalid/x", data_dir=__import__("pathlib").Path())
    await authorize_student_read(ALICE, "alice", unstarted)
    await authorize_student_read(ADMIN, "bob", unstarted)
    with pytest.raises(Forbidden):
        await authorize_student_read(ALICE, "bob", unstarted)
    with pytest.raises(Forbidden):
        await authorize_student_read(NOBODY, "bob", unstarted)
