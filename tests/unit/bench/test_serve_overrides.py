"""Serve config overrides for tuning runs: the project's config, another port, a few settings."""

from typing import Any

import pytest

from infra.bench.load.serve_overrides import apply_overrides, parse_override

CONFIG: dict[str, Any] = {
    "http_options": {"host": "127.0.0.1", "port": 8000},
    "logging_config": {"enable_access_log": True},
    "applications": [
        {
            "name": "tutor",
            "deployments": [
                {"name": "Triage", "max_ongoing_requests": 200},
                {"name": "Debug", "autoscaling_config": {"max_replicas": 2}},
            ],
        }
    ],
}


def test_overrides_address_deployments_by_name_and_the_top_level_by_key() -> None:
    result = apply_overrides(
        CONFIG,
        9123,
        [
            "Triage.max_ongoing_requests=64",
            "Debug.autoscaling_config.downscale_delay_s=30",
            "logging_config.enable_access_log=false",
        ],
    )
    triage, debug = result["applications"][0]["deployments"]
    assert result["http_options"]["port"] == 9123
    assert triage["max_ongoing_requests"] == 64
    assert debug["autoscaling_config"] == {"max_replicas": 2, "downscale_delay_s": 30}
    assert result["logging_config"]["enable_access_log"] is False
    # The project's config itself is never changed.
    assert CONFIG["applications"][0]["deployments"][0]["max_ongoing_requests"] == 200
    assert CONFIG["http_options"]["port"] == 8000


@pytest.mark.parametrize(
    "override",
    ["Triage", "no-equals-sign", "=1", "a..b=1", "Concepts.max_ongoing_requests=1", "Triage=3"],
)
def test_malformed_or_unknown_overrides_are_refused(override: str) -> None:
    with pytest.raises(ValueError, match="override"):
        apply_overrides(CONFIG, 9123, [override])


def test_values_are_parsed_as_yaml() -> None:
    assert parse_override("a.b=0.5") == (["a", "b"], 0.5)
    assert parse_override("a=text") == (["a"], "text")
