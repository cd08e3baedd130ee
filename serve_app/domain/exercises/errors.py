"""Domain errors of the exercise engine; the HTTP layer maps them to status codes."""


class NoExerciseAvailable(LookupError):
    """No exercise matches the request (unknown topic or difficulty, or an empty selection)."""

    def __init__(self, reason: str, *, topic: str | None = None, difficulty: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.topic = topic
        self.difficulty = difficulty


class InvalidExerciseBank(ValueError):
    """The exercise bank breaks an invariant; every problem found is listed."""

    def __init__(self, problems: list[str]):
        super().__init__("invalid exercise bank:\n- " + "\n- ".join(problems))
        self.problems = tuple(problems)
