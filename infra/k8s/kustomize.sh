#!/usr/bin/env bash
# Prints the path of a kustomize binary, building it once with `go install` into a cache.
#
# kustomize is a Go module, so the Go toolchain and the Go module proxy are all it needs; the
# build takes about a minute the first time and is reused after that. The tests
# (tests/unit/kuberay) render every kustomization with it; `kubectl` is not required.
#
#   "$(bash infra/k8s/kustomize.sh)" build kuberay/overlays/minikube
set -euo pipefail

KUSTOMIZE_VERSION="${KUSTOMIZE_VERSION:-v5.8.1}"
cache_dir="${XDG_CACHE_HOME:-$HOME/.cache}/learnflow/kustomize/${KUSTOMIZE_VERSION}"
binary="${cache_dir}/kustomize"

if [[ ! -x "${binary}" ]]; then
  if ! command -v go >/dev/null 2>&1; then
    echo "kustomize.sh: the Go toolchain is needed to build kustomize ${KUSTOMIZE_VERSION}" >&2
    exit 1
  fi
  mkdir -p "${cache_dir}"
  # A private GOBIN, then a rename: a concurrent caller never sees a half-written binary.
  build_dir="$(mktemp -d "${cache_dir}/build.XXXXXX")"
  trap 'rm -rf "${build_dir}"' EXIT
  GOBIN="${build_dir}" GOTOOLCHAIN=local GOFLAGS=-buildvcs=false \
    go install "sigs.k8s.io/kustomize/kustomize/v5@${KUSTOMIZE_VERSION}" >&2
  mv -f "${build_dir}/kustomize" "${binary}"
fi

echo "${binary}"
