"""Who may touch which student's data.

- Acting as a student (asking, debugging, practising) is for that student themself.
- Reading a student's progress or history is also for teachers of one of their classes.
- Admins, and the anonymous caller when authentication is off, may do both for anyone.
"""

from serve_app.errors import Forbidden
from serve_app.security.principal import Principal, Role
from serve_app.store.database import Database
from serve_app.store.repositories.classes import teaches_student


def require_roles(principal: Principal, *roles: Role) -> None:
    if not principal.has_any_role(*roles):
        raise Forbidden(f"this endpoint needs the {' or '.join(roles)} role")


def authorize_student(principal: Principal, student_id: str) -> None:
    """Raise Forbidden unless the caller may act as `student_id`."""
    if principal.is_admin:
        return
    if "student" in principal.roles and principal.subject == student_id:
        return
    raise Forbidden("a token may only act for its own student")


async def authorize_student_read(principal: Principal, student_id: str, db: Database) -> None:
    """Raise Forbidden unless the caller may read `student_id`'s records."""
    if principal.is_admin:
        return
    if "student" in principal.roles and principal.subject == student_id:
        return
    if "teacher" in principal.roles:
        async with db.connection() as conn:
            if await teaches_student(conn, principal.subject, student_id, principal.classes):
                return
    raise Forbidden("this student is not in one of your classes")
