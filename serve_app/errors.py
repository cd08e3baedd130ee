"""Domain errors. They carry meaning; only the HTTP layer turns them into status codes."""


class LearnFlowError(Exception):
    """Base of every error the tutor raises on purpose."""

    retriable: bool = False


class NotFound(LearnFlowError):
    """A referenced thing (exercise, debug session, student) does not exist."""

    def __init__(self, kind: str, key: str) -> None:
        super().__init__(f"{kind} {key!r} not found")
        self.kind = kind
        self.key = key


class Forbidden(LearnFlowError):
    """The caller may not touch this thing (e.g. another student's debug session)."""


class InvalidRequest(LearnFlowError):
    """Well-formed input that the domain cannot accept (unknown topic, empty tests...)."""


class LadderExhausted(LearnFlowError):
    """Every hint of a debug session has been given already."""


class DependencyUnavailable(LearnFlowError):
    """A backing service (database, broker, specialist) cannot be reached right now."""

    retriable = True
