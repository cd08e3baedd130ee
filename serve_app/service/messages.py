"""The markdown a student reads for each kind of answer."""

from typing import Any


def concept_message(payload: dict[str, Any]) -> str:
    parts = [f"### {payload['concept']}", payload["explanation"]]
    if payload.get("example_code"):
        parts.append(f"```python\n{payload['example_code'].rstrip()}\n```")
        if payload.get("example_output"):
            parts.append(f"Output:\n```\n{payload['example_output'].rstrip()}\n```")
    if payload.get("check_question"):
        parts.append(f"**Check yourself:** {payload['check_question']}")
    return "\n\n".join(parts)


def debug_message(payload: dict[str, Any]) -> str:
    where = f" on line {payload['line']}" if payload.get("line") else ""
    parts = [f"### {payload['error_type']}{where}", payload["summary"]]
    parts.append(f"**Hint {payload['hint_level']}:** {payload['hint']}")
    if payload.get("hints_remaining"):
        parts.append(
            f"_Ask for the next hint when you want more help ({payload['hints_remaining']} left)._"
        )
    return "\n\n".join(parts)


def exercise_message(payload: dict[str, Any]) -> str:
    parts = [
        f"### {payload['title']} ({payload['topic']}, {payload['difficulty']})",
        payload["prompt"],
        f"```python\n{payload['starter_code'].rstrip()}\n```",
    ]
    if payload.get("examples"):
        lines = "\n".join(f">>> {e['call']}\n{e['result']}" for e in payload["examples"])
        parts.append(f"Examples:\n```\n{lines}\n```")
    return "\n\n".join(parts)


def clarification_message(question: str) -> str:
    return question
