"""Every manifest renders with kustomize and validates offline, strictly; the validator itself
rejects unknown fields and wrong types; and the manifests keep the shared contract (Dapr on
both pod templates, secrets never committed, the image tag, env vars the app really reads)."""

from __future__ import annotations

import copy
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml
from pydantic import AliasChoices

from infra.serve_env import serve_env
from serve_app.events.models import KafkaTopic
from serve_app.settings import Settings
from tests.unit.kuberay import manifests
from tests.unit.kuberay.manifests import REPO_ROOT, Document

KUSTOMIZATIONS = ["kuberay/overlays/minikube", "kuberay/base", "infra/k8s"]
IMAGE = "learnflow-tutor:dev"
DAPR_APP_ID = "learnflow-tutor"
EVENT_TOPICS = {
    "learning.responses",
    "exercise.graded",
    "progress.updated",
    "struggle.detected",
    "student.lifecycle",
}
# Read by daprd itself when set on the sidecar (dapr.io/env-from-secret).
DAPR_SIDECAR_ENV = {"DAPR_API_TOKEN", "APP_API_TOKEN"}
SECRET_ENV_FILES = ["kuberay/base/secrets/learnflow.env", "kuberay/base/secrets/dapr.env"]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    try:
        manifests.kustomize_binary()
    except manifests.KustomizeUnavailable as error:
        pytest.fail(str(error))
    return manifests.scratch_tree(tmp_path_factory.mktemp("manifests"))


def _present(kustomization: str) -> bool:
    return (REPO_ROOT / kustomization / "kustomization.yaml").is_file()


@pytest.fixture(scope="module")
def minikube(scratch: Path) -> list[Document]:
    return manifests.kustomize_build(scratch, "kuberay/overlays/minikube")


def _one(docs: list[Document], kind: str, name: str | None = None) -> Document:
    found = [
        d for d in docs if d["kind"] == kind and (name is None or d["metadata"]["name"] == name)
    ]
    assert len(found) == 1, f"expected one {kind} {name or ''}, found {len(found)}"
    return found[0]


def _containers(template: dict[str, Any]) -> list[dict[str, Any]]:
    containers: list[dict[str, Any]] = template["spec"]["containers"]
    return containers


# --- Every rendered document validates ----------------------------------------------------------


@pytest.mark.parametrize("kustomization", KUSTOMIZATIONS)
def test_every_rendered_document_validates(scratch: Path, kustomization: str) -> None:
    if not _present(kustomization):
        pytest.skip(f"{kustomization}/kustomization.yaml does not exist (yet)")
    docs = manifests.kustomize_build(scratch, kustomization)
    assert docs, f"{kustomization} rendered nothing"
    for doc in docs:
        if doc["kind"] not in {"Namespace", "CustomResourceDefinition"}:
            assert doc["metadata"].get("namespace") == "learnflow", manifests.name_of(doc)
    errors = [error for doc in docs for error in manifests.validation_errors(doc)]
    assert errors == []


def test_every_custom_resource_has_a_crd(minikube: list[Document]) -> None:
    kinds = {d["kind"] for d in minikube if manifests.is_custom(d)}
    assert kinds == {"RayService", "Component", "Configuration", "Resiliency", "Subscription"}


# --- The validator rejects what the API server would ------------------------------------------


FieldPath = tuple[str | int, ...]


def _set(path: FieldPath, value: object) -> Callable[[Document], None]:
    """A mutation that sets `path` (keys and list indexes) to `value`."""

    def mutate(doc: Document) -> None:
        node: Any = doc
        for part in path[:-1]:
            node = node[part]
        node[path[-1]] = value

    return mutate


_RAY: FieldPath = ("spec", "rayClusterConfig")
_HEAD: FieldPath = (*_RAY, "headGroupSpec", "template")
_WORKER: FieldPath = (*_RAY, "workerGroupSpecs", 0)
_RETRIES: FieldPath = ("spec", "policies", "retries", "publishRetry")
_PUBSUB_TARGET: FieldPath = ("spec", "targets", "components", "learnflow-pubsub", "outbound")

BROKEN = [
    ("RayService", "learnflow", _set(("spec", "serveConfigV3"), "x"), "unknown spec field"),
    ("RayService", "learnflow", _set((*_WORKER, "maxReplicas"), "two"), "string for an integer"),
    (
        "RayService",
        "learnflow",
        _set((*_HEAD, "spec", "containers", 0, "imagePullPolicyy"), "Never"),
        "unknown container field (CRD)",
    ),
    (
        "RayService",
        "learnflow",
        _set((*_HEAD, "metadata", "annotations", "dapr.io/app-port"), 8000),
        "integer annotation (pod template metadata)",
    ),
    ("RayService", "learnflow", _set((*_HEAD, "metadata", "labelz"), {}), "unknown template meta"),
    ("RayService", "learnflow", _set(("metadata", "nmae"), "x"), "unknown metadata field"),
    (
        "RayService",
        "learnflow",
        _set((*_WORKER, "rayStartParams", "num-cpus"), 1),
        "integer rayStartParams value",
    ),
    ("RayService", "learnflow", _set((*_RAY, "enableInTreeAutoscaling"), "yes"), "not a bool"),
    ("Component", "learnflow-pubsub", _set(("spec", "metadatas"), []), "unknown component field"),
    (
        "Component",
        "learnflow-pubsub",
        _set(("spec", "metadata", 0, "secretKeyRef"), "x"),
        "wrong type",
    ),
    (
        "Resiliency",
        "learnflow-resiliency",
        _set((*_RETRIES, "maxRetries"), "three"),
        "string for an integer",
    ),
    (
        "Resiliency",
        "learnflow-resiliency",
        _set((*_PUBSUB_TARGET, "retries"), "x"),
        "unknown target field",
    ),
    (
        "Subscription",
        "learnflow-exercise-graded",
        _set(("spec", "route"), "/dapr/events"),
        "v1alpha1 field in v2alpha1",
    ),
    ("Configuration", "learnflow-tutor", _set(("spec", "acessControl"), {}), "unknown field"),
    ("Secret", "learnflow-secrets", _set(("stringDatas",), {}), "unknown Secret field"),
    ("Secret", "learnflow-secrets", _set(("data", "jwt-secret"), 42), "integer secret value"),
    ("ConfigMap", "learnflow-config", _set(("data", "LEARNFLOW_DB_POOL_MAX_SIZE"), 5), "integer"),
    ("Subscription", "learnflow-exercise-graded", _set(("apiVersion",), "dapr.io/v9"), "no CRD"),
]


@pytest.mark.parametrize(
    ("kind", "name", "mutate", "what"), BROKEN, ids=[f"{b[0]}: {b[3]}" for b in BROKEN]
)
def test_the_validator_rejects_a_broken_manifest(
    minikube: list[Document],
    kind: str,
    name: str,
    mutate: Callable[[Document], None],
    what: str,
) -> None:
    original = _one(minikube, kind, name)
    assert manifests.validation_errors(original) == []
    broken = copy.deepcopy(original)
    mutate(broken)
    assert manifests.validation_errors(broken), f"{kind}/{name} with {what} was accepted"


def test_strict_schema_leaves_open_objects_open() -> None:
    schema = {
        "type": "object",
        "properties": {
            "closed": {"type": "object", "properties": {"a": {"type": "string"}}},
            "open": {
                "type": "object",
                "x-kubernetes-preserve-unknown-fields": True,
                "properties": {"a": {"type": "string"}},
            },
            "map": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    }
    strict = manifests.strict_schema(schema)
    assert strict["additionalProperties"] is False
    assert strict["properties"]["closed"]["additionalProperties"] is False
    assert "additionalProperties" not in strict["properties"]["open"]
    assert strict["properties"]["map"]["additionalProperties"] == {"type": "string"}
    assert "additionalProperties" not in schema  # the input is left alone


# --- The shared contract --------------------------------------------------------------------------


def test_both_pod_templates_carry_the_dapr_sidecar(minikube: list[Document]) -> None:
    service = _one(minikube, "RayService", "learnflow")
    templates = list(manifests.pod_templates(service))
    assert [path for path, _ in templates] == [
        "headGroupSpec.template",
        "workerGroupSpecs[0].template",
    ]
    configurations = {d["metadata"]["name"] for d in minikube if d["kind"] == "Configuration"}
    secrets = {
        d["metadata"]["name"]: set(d.get("data", {})) for d in minikube if d["kind"] == "Secret"
    }
    for path, template in templates:
        annotations = template["metadata"]["annotations"]
        assert annotations["dapr.io/enabled"] == "true", path
        assert annotations["dapr.io/app-id"] == DAPR_APP_ID, path
        assert annotations["dapr.io/app-port"] == "8000", path
        assert annotations["dapr.io/config"] in configurations, path
        for key in ("cpu-request", "cpu-limit", "memory-request", "memory-limit"):
            assert annotations[f"dapr.io/sidecar-{key}"], path
        # Sidecar env from a secret: NAME=secret:key, each naming a generated key.
        pairs = dict(
            item.strip().split("=", 1) for item in annotations["dapr.io/env-from-secret"].split(",")
        )
        assert set(pairs) == DAPR_SIDECAR_ENV, path
        for reference in pairs.values():
            secret, key = reference.split(":")
            assert key in secrets.get(secret, set()), f"{path}: {reference} is not generated"


def test_the_serve_service_and_group_sizes_fit_minikube(minikube: list[Document]) -> None:
    service = _one(minikube, "RayService", "learnflow")
    cluster = service["spec"]["rayClusterConfig"]
    assert cluster["rayVersion"] == "2.60.0"
    assert cluster["enableInTreeAutoscaling"] is True
    (workers,) = cluster["workerGroupSpecs"]
    assert (workers["minReplicas"], workers["maxReplicas"]) == (1, 2)
    serve = yaml.safe_load(service["spec"]["serveConfigV2"])
    deployments = serve["applications"][0]["deployments"]

    def replicas(d: dict[str, Any], bound: str) -> int:
        scaling = d.get("autoscaling_config")
        return int(scaling[f"{bound}_replicas"]) if scaling else int(d.get("num_replicas", 1))

    def cpus(bound: str) -> float:
        return sum(
            float(d["ray_actor_options"]["num_cpus"]) * replicas(d, bound) for d in deployments
        )

    head_cpus = float(cluster["headGroupSpec"]["rayStartParams"]["num-cpus"])
    worker_cpus = float(workers["rayStartParams"]["num-cpus"])
    # The minimum replicas fit the minimum cluster; the maximum fits the largest one.
    assert cpus("min") <= head_cpus + workers["minReplicas"] * worker_cpus
    assert cpus("max") <= head_cpus + workers["maxReplicas"] * worker_cpus
    # Ray's logical CPUs never exceed what the container may use.
    for group, logical in ((cluster["headGroupSpec"], head_cpus), (workers, worker_cpus)):
        assert _cpu(_containers(group["template"])[0]["resources"]["limits"]["cpu"]) >= logical


def _cpu(quantity: str | int) -> float:
    text = str(quantity)
    return float(text[:-1]) / 1000 if text.endswith("m") else float(text)


def test_image_is_the_contract_image(minikube: list[Document]) -> None:
    service = _one(minikube, "RayService", "learnflow")
    for path, template in manifests.pod_templates(service):
        for container in _containers(template):
            assert container["image"] == IMAGE, path
            # Built into Minikube's daemon: never pulled from a registry.
            assert container["imagePullPolicy"] == "Never", path
    autoscaler = service["spec"]["rayClusterConfig"].get("autoscalerOptions", {})
    assert autoscaler.get("image", IMAGE) == IMAGE


def _settings_env_names() -> set[str]:
    prefix = str(Settings.model_config.get("env_prefix", ""))
    names: set[str] = set()
    for field_name, field in Settings.model_fields.items():
        alias = field.validation_alias
        if isinstance(alias, AliasChoices):
            names |= {choice for choice in alias.choices if isinstance(choice, str)}
        elif isinstance(alias, str):
            names.add(alias)
        else:
            names.add(f"{prefix}{field_name}".upper())
    return names


def test_every_env_var_is_one_the_app_reads(minikube: list[Document]) -> None:
    # The Settings class, or Ray Serve's tuning that every `serve run` gets (infra/serve.env).
    readable = _settings_env_names() | set(serve_env())
    config_maps = {d["metadata"]["name"]: d for d in minikube if d["kind"] == "ConfigMap"}
    service = _one(minikube, "RayService", "learnflow")
    named: set[str] = set()
    for _, template in manifests.pod_templates(service):
        for container in _containers(template):
            named |= {env["name"] for env in container.get("env", [])}
            for source in container.get("envFrom", []):
                config_map = config_maps[source["configMapRef"]["name"]]
                named |= set(config_map.get("data", {}))
    assert named, "no env vars found"
    assert named - readable == set(), "env vars no Settings field reads"
    # In the cluster events go through Dapr, never straight to Kafka.
    assert "LEARNFLOW_KAFKA_BOOTSTRAP_SERVERS" not in named
    # HAProxy needs a binary the image does not have.
    assert "RAY_SERVE_ENABLE_HA_PROXY" not in named
    assert {
        "LEARNFLOW_DATABASE_URL",
        "LEARNFLOW_LLM_API_KEY",
        "LEARNFLOW_PSEUDONYM_KEY",
        "LEARNFLOW_AUTH_JWT_SECRET",
        "LEARNFLOW_ENCRYPTION_KEYS",
        "DAPR_API_TOKEN",
        "APP_API_TOKEN",
    } <= named


def test_every_secret_reference_names_a_generated_key(minikube: list[Document]) -> None:
    secrets = {
        d["metadata"]["name"]: set(d.get("data", {})) for d in minikube if d["kind"] == "Secret"
    }
    assert set(secrets) == {"learnflow-secrets", "learnflow-dapr"}
    references: list[tuple[str, str]] = []
    service = _one(minikube, "RayService", "learnflow")
    for _, template in manifests.pod_templates(service):
        for container in _containers(template):
            for env in container.get("env", []):
                ref = env.get("valueFrom", {}).get("secretKeyRef")
                if ref:
                    references.append((ref["name"], ref["key"]))
    for component in (d for d in minikube if d["kind"] == "Component"):
        for item in component["spec"]["metadata"]:
            if "secretKeyRef" in item:
                assert component.get("auth", {}).get("secretStore") == "kubernetes"
                references.append((item["secretKeyRef"]["name"], item["secretKeyRef"]["key"]))
    assert ("learnflow-secrets", "database-url") in references
    missing = [ref for ref in references if ref[1] not in secrets.get(ref[0], set())]
    assert missing == []


def test_dapr_components_and_subscriptions(minikube: list[Document]) -> None:
    pubsub = _one(minikube, "Component", "learnflow-pubsub")
    meta = {item["name"]: item.get("value") for item in pubsub["spec"]["metadata"]}
    assert pubsub["spec"]["type"] == "pubsub.kafka"
    assert meta["brokers"] == "kafka.learnflow.svc.cluster.local:9092"
    assert meta["authType"] == "none"
    assert meta["consumerGroup"] == "{podName}"  # every pod its own group: it sees every event
    state = _one(minikube, "Component", "learnflow-state")
    assert state["spec"]["type"] == "state.postgresql"
    subscriptions = [d for d in minikube if d["kind"] == "Subscription"]
    assert {s["spec"]["topic"] for s in subscriptions} == EVENT_TOPICS
    for subscription in subscriptions:
        assert subscription["apiVersion"] == "dapr.io/v2alpha1"
        assert subscription["spec"]["pubsubname"] == "learnflow-pubsub"
        assert subscription["spec"]["routes"] == {"default": "/dapr/events"}
    for doc in (d for d in minikube if d["apiVersion"].startswith("dapr.io/")):
        if doc["kind"] != "Configuration":
            assert doc["scopes"] == [DAPR_APP_ID], manifests.name_of(doc)
    resiliency = _one(minikube, "Resiliency", "learnflow-resiliency")
    target = resiliency["spec"]["targets"]["components"]["learnflow-pubsub"]
    for direction in ("outbound", "inbound"):
        assert set(target[direction]) == {"timeout", "retry", "circuitBreaker"}, direction


def test_the_event_topics_are_the_apps(minikube: list[Document]) -> None:
    assert set(get_args(KafkaTopic)) == EVENT_TOPICS


# --- No secret value is committed ----------------------------------------------------------------


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    git = shutil.which("git")
    if git is None or not (REPO_ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    return subprocess.run([git, *args], cwd=REPO_ROOT, capture_output=True, text=True, check=False)


def _secret_sources() -> list[str]:
    """Every file a secretGenerator of a kustomization reads, relative to the repo."""
    sources = []
    for kustomization in KUSTOMIZATIONS:
        if not _present(kustomization):
            continue
        spec = yaml.safe_load((REPO_ROOT / kustomization / "kustomization.yaml").read_text())
        for generator in spec.get("secretGenerator", []):
            assert "literals" not in generator, f"{kustomization}: a literal secret value"
            for source in generator.get("envs", []) + generator.get("files", []):
                sources.append(f"{kustomization}/{source.split('=')[-1]}")
    return sources


def test_secret_generators_read_only_ignored_files_with_committed_examples() -> None:
    sources = _secret_sources()
    assert set(SECRET_ENV_FILES) <= set(sources)
    for path in sources:
        # check-ignore also fails for a tracked file: tracked files are never "ignored".
        assert _git("check-ignore", "-q", path).returncode == 0, f"{path} is not gitignored"
        assert _git("check-ignore", "-q", f"{path}.example").returncode == 1, path
        assert (REPO_ROOT / f"{path}.example").is_file(), f"{path}.example is missing"


def test_secret_names_are_stable() -> None:
    kustomization = yaml.safe_load((REPO_ROOT / "kuberay/base/kustomization.yaml").read_text())
    assert kustomization["generatorOptions"]["disableNameSuffixHash"] is True


@pytest.mark.parametrize("path", SECRET_ENV_FILES)
def test_example_env_files_hold_placeholders_only(path: str) -> None:
    for line in (REPO_ROOT / f"{path}.example").read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, _, value = line.partition("=")
        assert value == "" or "REPLACE" in value, f"{path}.example: {key} looks like a real value"


def test_no_committed_manifest_is_a_secret_with_data() -> None:
    # Tracked files and new ones git would commit (ignored ones are not committable).
    listed = _git("ls-files", "--cached", "--others", "--exclude-standard", "kuberay", "infra")
    tracked = [REPO_ROOT / p for p in listed.stdout.split() if p.endswith((".yaml", ".yml"))]
    offenders = []
    for path in tracked:
        if not path.is_file():
            continue
        for doc in yaml.safe_load_all(path.read_text()):
            is_secret = isinstance(doc, dict) and doc.get("kind") == "Secret"
            if is_secret and (doc.get("data") or doc.get("stringData")):
                offenders.append(str(path.relative_to(REPO_ROOT)))
    assert offenders == []
