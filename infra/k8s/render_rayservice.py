"""Writes serve_config.yaml into the RayService as its `serveConfigV2`, adapted for a cluster.

serve_config.yaml is the one source of the Serve applications: `serve run` uses it locally and
the RayService embeds it. Only what must differ inside a pod changes (Serve listens on
0.0.0.0 so KubeRay's Service and probes reach it); applications, deployments, actor options
and autoscaling stay exactly as written. Only the `serveConfigV2:` block of the manifest is
rewritten; the rest of the file (comments included) is kept.

    python infra/k8s/render_rayservice.py            # rewrite kuberay/base/rayservice.yaml
    python infra/k8s/render_rayservice.py --check    # exit 1 with a diff when they drift
"""

from __future__ import annotations

import argparse
import copy
import difflib
import re
import sys
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
SERVE_CONFIG = REPO_ROOT / "serve_config.yaml"
RAYSERVICE = REPO_ROOT / "kuberay" / "base" / "rayservice.yaml"

# What the cluster needs instead of the local defaults: inside a pod, KubeRay's Service and
# probes reach Serve on the pod's address, not on loopback.
CLUSTER_HTTP_HOST = "0.0.0.0"  # noqa: S104
CLUSTER_HTTP_PORT = 8000

_BLOCK_KEY = re.compile(r"^(?P<indent>[ ]*)serveConfigV2:[ ]*\|[-+]?[ ]*$")


class RenderError(Exception):
    """The manifest or the Serve config is not in a shape this script can rewrite."""


def cluster_serve_config(serve_config: dict[str, Any]) -> dict[str, Any]:
    """The Serve config as the RayService must carry it."""
    config = copy.deepcopy(serve_config)
    http_options = dict(config.get("http_options") or {})
    http_options["host"] = CLUSTER_HTTP_HOST
    http_options["port"] = CLUSTER_HTTP_PORT
    config["http_options"] = http_options
    return config


def render_block(serve_config: dict[str, Any]) -> str:
    """The YAML text that goes into `serveConfigV2` (without indentation)."""
    text: str = yaml.safe_dump(
        cluster_serve_config(serve_config),
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )
    return text


def load_serve_config(path: Path) -> dict[str, Any]:
    loaded = yaml.safe_load(path.read_text())
    if not isinstance(loaded, dict) or "applications" not in loaded:
        raise RenderError(f"{path} is not a Serve config (no `applications`)")
    return loaded


def replace_block(manifest: str, block: str) -> str:
    """`manifest` with the literal block under `serveConfigV2: |` replaced by `block`."""
    lines = manifest.splitlines(keepends=True)
    found = [
        (i, match)
        for i, line in enumerate(lines)
        if (match := _BLOCK_KEY.match(line.rstrip("\n"))) is not None
    ]
    if len(found) != 1:
        raise RenderError(
            f"expected exactly one `serveConfigV2: |` line in the manifest, found {len(found)}"
        )
    start, match = found[0]
    key_indent = len(match.group("indent"))
    end = start + 1
    # The block runs while lines are blank or indented deeper than the key.
    while end < len(lines):
        line = lines[end]
        stripped = line.strip()
        if stripped and len(line) - len(line.lstrip(" ")) <= key_indent:
            break
        end += 1
    # Blank lines that end the block belong to what follows it.
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    pad = " " * (key_indent + 2)
    body = [pad + line if line.strip() else "\n" for line in block.splitlines(keepends=True)]
    head = f"{match.group('indent')}serveConfigV2: |\n"
    return "".join([*lines[:start], head, *body, *lines[end:]])


def render_manifest(serve_config_path: Path, manifest_path: Path) -> str:
    """The manifest text as it should be, given the Serve config."""
    block = render_block(load_serve_config(serve_config_path))
    return replace_block(manifest_path.read_text(), block)


def drift(serve_config_path: Path, manifest_path: Path) -> str:
    """A unified diff from the manifest as it is to the manifest as it should be; '' if none."""
    current = manifest_path.read_text()
    wanted = render_manifest(serve_config_path, manifest_path)
    return "".join(
        difflib.unified_diff(
            current.splitlines(keepends=True),
            wanted.splitlines(keepends=True),
            fromfile=f"{manifest_path} (committed)",
            tofile=f"{manifest_path} (rendered from {serve_config_path.name})",
        )
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write serve_config.yaml into the RayService's serveConfigV2."
    )
    parser.add_argument("--serve-config", type=Path, default=SERVE_CONFIG)
    parser.add_argument("--manifest", type=Path, default=RAYSERVICE)
    parser.add_argument(
        "--check", action="store_true", help="do not write; exit 1 with a diff on drift"
    )
    args = parser.parse_args(argv)
    try:
        if args.check:
            diff = drift(args.serve_config, args.manifest)
            if diff:
                sys.stdout.write(diff)
                print(
                    f"\n{args.manifest} drifted from {args.serve_config}: "
                    f"run python infra/k8s/render_rayservice.py",
                    file=sys.stderr,
                )
                return 1
            return 0
        wanted = render_manifest(args.serve_config, args.manifest)
    except (RenderError, OSError, yaml.YAMLError) as error:
        print(f"render_rayservice: {error}", file=sys.stderr)
        return 2
    if wanted != args.manifest.read_text():
        args.manifest.write_text(wanted)
        print(f"wrote serveConfigV2 of {args.manifest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
