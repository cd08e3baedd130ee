# Shared by infra/deploy, infra/verify and infra/teardown (sourced, not run): the names of
# the Kubernetes deployment (see kuberay/ and infra/k8s/) and small helpers.
# shellcheck shell=bash
# The names below are used by the scripts that source this file.
# shellcheck disable=SC2034

# Every name here is part of the shared contract of issue 9; change them together with the
# manifests.
NAMESPACE="learnflow"
RAYSERVICE="learnflow"
SERVE_SERVICE="learnflow-serve-svc"
IMAGE="learnflow-tutor:dev"
KUBERAY_CHART_VERSION="1.7.0"
KUBERAY_NAMESPACE="kuberay-system"
KUBERAY_SERVICE_ACCOUNT="kuberay-operator"
DAPR_CHART_VERSION="1.18.3"
DAPR_NAMESPACE="dapr-system"

# The Minikube profile doubles as the kubectl context, so every command below names its
# cluster explicitly and never acts on whatever context happens to be current.
PROFILE="${LEARNFLOW_MINIKUBE_PROFILE:-learnflow}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

kc() { kubectl --context "$PROFILE" "$@"; }
kn() { kubectl --context "$PROFILE" --namespace "$NAMESPACE" "$@"; }

need_tools() {
  local missing=() tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    die "missing tool(s): ${missing[*]} (see the README's Kubernetes section for versions and links)"
  fi
}

# The cluster must exist and answer; the verify and teardown scripts never start one.
need_cluster() {
  kc version >/dev/null 2>&1 ||
    die "no cluster answers for kubectl context '$PROFILE': run 'make k8s-deploy' (or set LEARNFLOW_MINIKUBE_PROFILE)"
}

# The RayCluster KubeRay currently routes traffic to (empty while none is ready).
active_ray_cluster() {
  kn get rayservice "$RAYSERVICE" -o jsonpath='{.status.activeServiceStatus.rayClusterName}' 2>/dev/null || true
}

rayservice_ready() {
  local ready
  ready="$(kn get rayservice "$RAYSERVICE" \
    -o jsonpath='{.status.conditions[?(@.type=="Ready")].status}' 2>/dev/null || true)"
  [ "$ready" = "True" ]
}
