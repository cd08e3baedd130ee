"""The JSON Schemas (draft 2020-12) of the event contract, one file per event type in
`serve_app/events/schemas/<type>.json`, and validation of envelopes against them."""

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

SCHEMA_DIR = Path(__file__).with_name("schemas")


class MissingSchema(LookupError):
    """An event type without a schema file: the contract must be written down first."""


def schema_path(event_type: str) -> Path:
    return SCHEMA_DIR / f"{event_type}.json"


@lru_cache(maxsize=64)
def _validator(event_type: str) -> Draft202012Validator:
    path = schema_path(event_type)
    if not path.is_file():
        raise MissingSchema(
            f"event type {event_type!r} has no JSON Schema: add "
            f"serve_app/events/schemas/{event_type}.json (see the other files there)"
        )
    schema = json.loads(path.read_text())
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def schema_types() -> set[str]:
    return {path.name.removesuffix(".json") for path in SCHEMA_DIR.glob("*.json")}


def validate_envelope(envelope: dict[str, Any]) -> None:
    """Raise MissingSchema, or jsonschema.ValidationError, unless `envelope` is valid."""
    _validator(str(envelope.get("type"))).validate(envelope)


def envelope_errors(envelope: dict[str, Any]) -> list[str]:
    """Every problem with `envelope`, one readable line each (empty when it is valid)."""
    validator = _validator(str(envelope.get("type")))
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<envelope>'}: {error.message}"
        for error in validator.iter_errors(envelope)
    ]
