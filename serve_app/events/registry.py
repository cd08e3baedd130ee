"""Every event class the application can write, found from the models themselves."""

from serve_app.events.models import Event


def event_classes() -> dict[str, type[Event]]:
    """Event type (e.g. `learnflow.exercise.graded.v1`) to its payload model."""
    found: dict[str, type[Event]] = {}
    pending: list[type[Event]] = list(Event.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if "type" in cls.__dict__:
            found[cls.type] = cls
    return found
