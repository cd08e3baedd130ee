"""Server-Sent Events as the tests read them."""

import json
from typing import Any


def parse_sse(lines: list[str]) -> list[tuple[str, dict[str, Any]]]:
    """(event name, JSON data) of each `data:` line, named by the `event:` line before it."""
    events: list[tuple[str, dict[str, Any]]] = []
    name = ""
    for line in lines:
        if line.startswith("event: "):
            name = line.removeprefix("event: ")
        elif line.startswith("data: "):
            events.append((name, json.loads(line.removeprefix("data: "))))
    return events
