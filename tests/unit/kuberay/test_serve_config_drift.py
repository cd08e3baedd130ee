"""The RayService's serveConfigV2 is serve_config.yaml as the cluster needs it, and stays so."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from ray.serve.schema import ServeDeploySchema

from tests.unit.kuberay.manifests import REPO_ROOT

SERVE_CONFIG = REPO_ROOT / "serve_config.yaml"
RAYSERVICE = REPO_ROOT / "kuberay" / "base" / "rayservice.yaml"


def _load_renderer() -> ModuleType:
    path = REPO_ROOT / "infra" / "k8s" / "render_rayservice.py"
    spec = importlib.util.spec_from_file_location("render_rayservice", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("render_rayservice", module)
    spec.loader.exec_module(module)
    return module


render = _load_renderer()


def _embedded(manifest: Path) -> dict[str, Any]:
    service = yaml.safe_load(manifest.read_text())
    loaded: dict[str, Any] = yaml.safe_load(service["spec"]["serveConfigV2"])
    return loaded


@pytest.fixture
def copies(tmp_path: Path) -> tuple[Path, Path]:
    serve_config = tmp_path / "serve_config.yaml"
    manifest = tmp_path / "rayservice.yaml"
    serve_config.write_text(SERVE_CONFIG.read_text())
    manifest.write_text(RAYSERVICE.read_text())
    return serve_config, manifest


def test_the_committed_rayservice_matches_serve_config() -> None:
    diff = render.drift(SERVE_CONFIG, RAYSERVICE)
    assert diff == "", f"run `python infra/k8s/render_rayservice.py`:\n{diff}"


def test_only_the_http_host_differs_from_serve_config() -> None:
    local = yaml.safe_load(SERVE_CONFIG.read_text())
    embedded = _embedded(RAYSERVICE)
    assert embedded["http_options"]["host"] == "0.0.0.0"
    assert embedded["http_options"]["port"] == 8000
    local["http_options"]["host"] = "0.0.0.0"
    assert embedded == local


def test_the_embedded_config_is_a_valid_serve_deploy_config() -> None:
    schema = ServeDeploySchema.model_validate(_embedded(RAYSERVICE))
    assert [app.name for app in schema.applications] == ["tutor"]


def _edit(serve_config: Path, change: Callable[[dict[str, Any]], None]) -> None:
    config = yaml.safe_load(serve_config.read_text())
    change(config)
    serve_config.write_text(yaml.safe_dump(config, sort_keys=False))


def _check(serve_config: Path, manifest: Path) -> int:
    code: int = render.main(
        ["--check", "--serve-config", str(serve_config), "--manifest", str(manifest)]
    )
    return code


def test_a_changed_serve_config_is_reported_as_drift(copies: tuple[Path, Path]) -> None:
    serve_config, manifest = copies
    assert render.drift(serve_config, manifest) == ""
    assert _check(serve_config, manifest) == 0

    def more_cpu(config: dict[str, Any]) -> None:
        config["applications"][0]["deployments"][0]["ray_actor_options"]["num_cpus"] = 0.75

    _edit(serve_config, more_cpu)
    diff = render.drift(serve_config, manifest)
    assert "+          num_cpus: 0.75" in diff
    assert _check(serve_config, manifest) == 1


def test_a_hand_edit_of_the_manifest_is_reported_as_drift(copies: tuple[Path, Path]) -> None:
    serve_config, manifest = copies
    manifest.write_text(manifest.read_text().replace("route_prefix: /", "route_prefix: /x", 1))
    assert render.drift(serve_config, manifest) != ""


def test_rendering_rewrites_only_the_block(copies: tuple[Path, Path]) -> None:
    serve_config, manifest = copies

    def slower(config: dict[str, Any]) -> None:
        config["http_options"]["request_timeout_s"] = 91

    _edit(serve_config, slower)
    before = manifest.read_text()
    assert render.main(["--serve-config", str(serve_config), "--manifest", str(manifest)]) == 0
    after = manifest.read_text()
    assert _embedded(manifest)["http_options"]["request_timeout_s"] == 91
    changed = [
        (old, new)
        for old, new in zip(before.splitlines(), after.splitlines(), strict=True)
        if old != new
    ]
    assert len(changed) == 1
    assert changed[0][1] == "      request_timeout_s: 91"
    # Comments and the rest of the manifest survive; a second run changes nothing.
    assert "# Generated from serve_config.yaml" in after
    assert _check(serve_config, manifest) == 0


def test_a_manifest_without_the_block_is_refused(copies: tuple[Path, Path]) -> None:
    serve_config, manifest = copies
    manifest.write_text(manifest.read_text().replace("serveConfigV2: |", "serveConfig: |"))
    with pytest.raises(render.RenderError):
        render.drift(serve_config, manifest)
    assert _check(serve_config, manifest) == 2
