"""Rendering and offline validation of the Kubernetes manifests (kuberay/, infra/k8s/).

Kustomizations are rendered by a real `kustomize` (built once by infra/k8s/kustomize.sh) in a
scratch copy where every `*.env.example` stands in for its uncommitted `*.env`, so nothing
secret is read. Then each document is validated:

- built-in kinds against the Kubernetes OpenAPI schemas of `kubernetes-validate` (strict:
  unknown fields are errors);
- custom resources against the openAPIV3Schema of their CRD in ../shared/crds, made strict
  the way the API server prunes: an object schema with `properties` and neither
  `x-kubernetes-preserve-unknown-fields` nor `additionalProperties` accepts no other field.
  Their `metadata` (and the pod templates inside a RayService, whose metadata the CRD leaves
  open) are checked against Kubernetes' own ObjectMeta / PodTemplateSpec schemas.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import kubernetes_validate  # type: ignore[import-untyped]
import kubernetes_validate.utils  # type: ignore[import-untyped]
import yaml
from referencing import Registry, Resource

REPO_ROOT = Path(__file__).resolve().parents[3]
CRD_ROOT = REPO_ROOT.parent / "shared" / "crds"
KUSTOMIZE_SCRIPT = REPO_ROOT / "infra" / "k8s" / "kustomize.sh"
KUBERNETES_VERSION = "1.33"

# Directories copied into the scratch tree; kustomizations may refer to each other inside it.
_TREES = ("kuberay", "infra/k8s")

Document = dict[str, Any]
# The KubeRay CRDs are 2 MB of YAML: libyaml parses them ten times faster when it is there.
_YAML_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KustomizeUnavailable(Exception):
    """infra/k8s/kustomize.sh could not provide a kustomize binary."""


@cache
def kustomize_binary() -> Path:
    result = subprocess.run(
        ["bash", str(KUSTOMIZE_SCRIPT)], capture_output=True, text=True, timeout=900, check=False
    )
    lines = result.stdout.strip().splitlines()
    if result.returncode != 0 or not lines or not Path(lines[-1]).is_file():
        raise KustomizeUnavailable(f"{KUSTOMIZE_SCRIPT} failed:\n{result.stderr[-3000:]}")
    return Path(lines[-1])


def _ignore_secret_env_files(_directory: str, names: list[str]) -> list[str]:
    # A developer's real secrets never enter the scratch copy; the examples stand in for them.
    return [name for name in names if name.endswith(".env")]


def scratch_tree(scratch: Path) -> Path:
    """A copy of the manifest trees under `scratch`, with `X.env` made from `X.env.example`."""
    for tree in _TREES:
        source = REPO_ROOT / tree
        if source.is_dir():
            shutil.copytree(source, scratch / tree, ignore=_ignore_secret_env_files)
    for example in scratch.rglob("*.env.example"):
        example.with_suffix("").write_text(example.read_text())
    return scratch


def kustomize_build(scratch_root: Path, kustomization: str) -> list[Document]:
    """The documents `kustomize build` renders for `kustomization` (relative to the repo)."""
    result = subprocess.run(
        [str(kustomize_binary()), "build", str(scratch_root / kustomization)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(f"kustomize build {kustomization} failed:\n{result.stderr}")
    return [doc for doc in yaml.safe_load_all(result.stdout) if doc]


# --- Kubernetes built-in schemas --------------------------------------------------------------


def _k8s_schema_dir() -> str:
    versions = [
        v for v in kubernetes_validate.utils.all_versions() if v.startswith(KUBERNETES_VERSION)
    ]
    if not versions:
        raise AssertionError(f"kubernetes-validate has no schemas for {KUBERNETES_VERSION}")
    return f"v{versions[-1]}-local-strict"


@cache
def _k8s_schema(filename: str) -> dict[str, Any]:
    root = resources.files("kubernetes_validate") / "kubernetes-json-schema" / _k8s_schema_dir()
    loaded: dict[str, Any] = json.loads((root / filename).read_text())
    return loaded


@cache
def _k8s_registry() -> Registry:
    definitions = Resource.from_contents(_k8s_schema("_definitions.json"))
    registry: Registry = definitions @ Registry()
    return registry


def k8s_errors(instance: object, schema_file: str, where: str) -> list[str]:
    """Errors of `instance` against one strict Kubernetes schema file (e.g. objectmeta)."""
    schema = _k8s_schema(schema_file)
    registry = Resource.from_contents(schema) @ _k8s_registry()
    validator = jsonschema.Draft202012Validator(schema, registry=registry)
    return [_describe(where, error) for error in validator.iter_errors(instance)]


def builtin_errors(doc: Document) -> list[str]:
    try:
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)
    except kubernetes_validate.ValidationError as error:
        return [_describe(name_of(doc), error)]
    except kubernetes_validate.SchemaNotFoundError as error:
        return [f"{name_of(doc)}: {error.message}"]
    return []


# --- Custom resources ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CrdVersion:
    group: str
    version: str
    kind: str
    schema: dict[str, Any]


def strict_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """`schema` with unknown fields forbidden wherever the API server would prune them."""
    strict = copy.deepcopy(schema)

    def walk(node: object) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
            return
        if not isinstance(node, dict):
            return
        if (
            "properties" in node
            and "additionalProperties" not in node
            and not node.get("x-kubernetes-preserve-unknown-fields")
        ):
            node["additionalProperties"] = False
        for key in ("properties", "patternProperties", "definitions", "$defs"):
            for child in (node.get(key) or {}).values():
                walk(child)
        for key in ("items", "additionalProperties", "not"):
            walk(node.get(key))
        for key in ("allOf", "anyOf", "oneOf"):
            walk(node.get(key) or [])

    walk(strict)
    return strict


@cache
def crd_versions() -> dict[tuple[str, str, str], CrdVersion]:
    """Every served version of every CRD under ../shared/crds, keyed by (group, version, kind)."""
    if not CRD_ROOT.is_dir():
        raise AssertionError(f"CRDs not found at {CRD_ROOT} (expected ../shared/crds)")
    found: dict[tuple[str, str, str], CrdVersion] = {}
    for path in sorted(CRD_ROOT.rglob("*.yaml")):
        for crd in yaml.load_all(path.read_text(), Loader=_YAML_LOADER):
            if not crd or crd.get("kind") != "CustomResourceDefinition":
                continue
            spec = crd["spec"]
            for version in spec["versions"]:
                if not version.get("served", False):
                    continue
                key = (spec["group"], version["name"], spec["names"]["kind"])
                schema = strict_schema(version["schema"]["openAPIV3Schema"])
                found[key] = CrdVersion(*key, schema=schema)
    return found


def split_api_version(api_version: str) -> tuple[str, str]:
    group, _, version = api_version.rpartition("/")
    return group, version


def is_custom(doc: Document) -> bool:
    group, _ = split_api_version(str(doc.get("apiVersion", "")))
    return "." in group and not group.endswith(".k8s.io")


def custom_errors(doc: Document) -> list[str]:
    where = name_of(doc)
    group, version = split_api_version(str(doc.get("apiVersion", "")))
    crd = crd_versions().get((group, version, str(doc.get("kind"))))
    if crd is None:
        return [f"{where}: no CRD in {CRD_ROOT} serves {doc.get('apiVersion')} {doc.get('kind')}"]
    validator = jsonschema.Draft202012Validator(crd.schema)
    errors = [_describe(where, error) for error in validator.iter_errors(doc)]
    errors += k8s_errors(doc.get("metadata"), "objectmeta-meta-v1.json", f"{where} metadata")
    for path, template in pod_templates(doc):
        errors += k8s_errors(template, "podtemplatespec-v1.json", f"{where} {path}")
    return errors


def validation_errors(doc: Document) -> list[str]:
    """Everything wrong with one rendered document; [] when it would be accepted."""
    return custom_errors(doc) if is_custom(doc) else builtin_errors(doc)


# --- Helpers for the checks ---------------------------------------------------------------------


def name_of(doc: Document) -> str:
    metadata = doc.get("metadata") or {}
    name = metadata.get("name", "?") if isinstance(metadata, dict) else "?"
    return f"{doc.get('kind', '?')}/{name}"


def pod_templates(doc: Document) -> Iterator[tuple[str, Any]]:
    """(path, template) of the head and every worker group of a RayService."""
    if doc.get("kind") != "RayService":
        return
    cluster = (doc.get("spec") or {}).get("rayClusterConfig") or {}
    head = cluster.get("headGroupSpec") or {}
    if "template" in head:
        yield "headGroupSpec.template", head["template"]
    for index, group in enumerate(cluster.get("workerGroupSpecs") or []):
        if isinstance(group, dict) and "template" in group:
            yield f"workerGroupSpecs[{index}].template", group["template"]


def _describe(where: str, error: jsonschema.ValidationError) -> str:
    path = ".".join(str(part) for part in error.absolute_path) or "(root)"
    return f"{where}: {path}: {error.message}"
