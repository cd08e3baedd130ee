"""Who is calling (bearer JWTs), what they may touch (roles, classes), and how often (quotas)."""

from serve_app.security.access import authorize_student, authorize_student_read, require_roles
from serve_app.security.errors import QuotaExceeded, SecurityMisconfigured, Unauthenticated
from serve_app.security.policy import SecurityPolicy, resolve_auth_mode
from serve_app.security.principal import ANONYMOUS, ROLES, Principal, Role

__all__ = [
    "ANONYMOUS",
    "ROLES",
    "Principal",
    "QuotaExceeded",
    "Role",
    "SecurityMisconfigured",
    "SecurityPolicy",
    "Unauthenticated",
    "authorize_student",
    "authorize_student_read",
    "require_roles",
    "resolve_auth_mode",
]
