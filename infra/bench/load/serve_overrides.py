"""The project's serve_config.yaml, moved to another port and with tuning overrides applied.

Overrides are `KEY=VALUE` with a dotted KEY: a deployment's name first addresses that
deployment of the tutor application (`Triage.max_ongoing_requests=100`,
`Debug.autoscaling_config.max_replicas=3`); anything else addresses the top level
(`logging_config.enable_access_log=false`). VALUE is parsed as YAML (numbers, booleans).
"""

from collections.abc import Iterable
from typing import Any

import yaml  # type: ignore[import-untyped]


def parse_override(text: str) -> tuple[list[str], Any]:
    key, sep, value = text.partition("=")
    if not sep or not key or any(not part for part in key.split(".")):
        raise ValueError(f"override {text!r} is not KEY=VALUE with a dotted KEY")
    return key.split("."), yaml.safe_load(value)


def _deployment(config: dict[str, Any], name: str) -> dict[str, Any] | None:
    for app in config.get("applications", []):
        for deployment in app.get("deployments", []):
            if deployment.get("name") == name:
                found: dict[str, Any] = deployment
                return found
    return None


def apply_overrides(config: dict[str, Any], port: int, overrides: Iterable[str]) -> dict[str, Any]:
    """A copy of `config` on `port` with `overrides` applied; unknown deployments are errors."""
    result: dict[str, Any] = yaml.safe_load(yaml.safe_dump(config))
    result.setdefault("http_options", {})["port"] = port
    for text in overrides:
        path, value = parse_override(text)
        node = _deployment(result, path[0])
        if node is None:
            if path[0][:1].isupper():
                raise ValueError(f"override {text!r}: no deployment named {path[0]!r}")
            node, path = result, path
        else:
            path = path[1:]
            if not path:
                raise ValueError(f"override {text!r} names a deployment but no setting")
        for part in path[:-1]:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                raise ValueError(f"override {text!r}: {part!r} is not a mapping")
            node = child
        node[path[-1]] = value
    return result
