"""The curriculum: topics in order, with their concept cards and bank exercises."""

from pydantic import BaseModel, Field


class CurriculumTopicPublic(BaseModel):
    topic: str = Field(description="The topic id the other endpoints accept, e.g. loops")
    title: str = Field(description="The topic's name for people, e.g. Loops")
    concepts: list[str] = Field(description="The ids of the concept cards on this topic")
    exercises: int = Field(ge=0, description="How many built-in exercises are on this topic")


class CurriculumPublic(BaseModel):
    topics: list[CurriculumTopicPublic] = Field(description="Every topic, in curriculum order")
    difficulties: list[str] = Field(description="Exercise difficulties, easiest first")
    levels: list[str] = Field(description="Mastery levels as progress reports them, lowest first")
