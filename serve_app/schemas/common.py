"""Field types shared by every request model."""

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

# Limits of the contract; the HTTP layer maps "too long" to 413 and the rest to 422.
MAX_TEXT_CHARS = 4_000
MAX_CODE_CHARS = 20_000

StudentId = Annotated[
    str,
    Field(
        min_length=1,
        max_length=128,
        pattern=r"^[A-Za-z0-9_.@:+\-]+$",
        description="Opaque student id",
        examples=["s1"],
    ),
]
Text = Annotated[str, Field(min_length=1, max_length=MAX_TEXT_CHARS)]
Code = Annotated[str, Field(max_length=MAX_CODE_CHARS)]
TopicName = Annotated[str, Field(min_length=1, max_length=64)]
RouteName = Literal["concepts", "debug", "exercise", "off_topic"]
LevelName = Literal["beginner", "intermediate", "advanced"]
DifficultyName = Literal["easy", "medium", "hard"]


class RequestModel(BaseModel):
    # Unknown fields are refused: a typo in a field name should not pass silently.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)
