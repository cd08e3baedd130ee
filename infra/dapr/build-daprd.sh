#!/usr/bin/env bash
# Build LearnFlow's slim daprd (infra/dapr/daprd: Dapr's runtime with only the Kafka pub/sub
# and PostgreSQL state components) once per source and Go version, and print its path.
#
#   bash infra/dapr/build-daprd.sh        prints e.g. ~/.cache/learnflow/daprd/<hash>/daprd
#
# The binary is cached under ${XDG_CACHE_HOME:-$HOME/.cache}/learnflow/daprd/<hash>/daprd, where
# <hash> covers go.mod, go.sum, main.go, the build flags and `go version`; an existing binary is
# reused without invoking the compiler. Modules and compiled packages go to Go's own caches
# (GOMODCACHE, GOCACHE), so a rebuild after a source change is quick too.
# Only the binary's path goes to stdout; progress and errors go to stderr.
# Environment: GO (the go command; default: go on PATH, else /usr/local/go/bin/go).
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
SRC="$HERE/daprd"
CACHE_ROOT="${XDG_CACHE_HOME:-${HOME:?set HOME or XDG_CACHE_HOME}/.cache}/learnflow/daprd"

die() {
  echo "build-daprd.sh: $*" >&2
  exit 1
}

find_go() {
  if [ -n "${GO:-}" ]; then
    command -v "$GO" >/dev/null || die "GO=$GO is not an executable go command"
    echo "$GO"
  elif command -v go >/dev/null; then
    echo go
  elif [ -x /usr/local/go/bin/go ]; then
    echo /usr/local/go/bin/go
  else
    die "go not found: install Go 1.26.5 or newer (see $SRC/go.mod) and put it on PATH, or set GO"
  fi
}

GO_CMD="$(find_go)"
GO_VERSION="$("$GO_CMD" version)" || die "'$GO_CMD version' failed"

# The version stamp makes `daprd --version` and the startup log name the pinned release.
DAPR_VERSION="$(sed -n 's#^[[:space:]]*github.com/dapr/dapr v\([0-9][^[:space:]]*\).*#\1#p' "$SRC/go.mod")"
[ -n "$DAPR_VERSION" ] || die "cannot read the github.com/dapr/dapr version from $SRC/go.mod"
LDFLAGS="-s -w -X github.com/dapr/dapr/pkg/buildinfo.version=$DAPR_VERSION"

KEY="$(
  {
    cat "$SRC/go.mod" "$SRC/go.sum" "$SRC/main.go"
    echo "$GO_VERSION"
    echo "CGO_ENABLED=0 -trimpath -buildvcs=false -ldflags=$LDFLAGS"
  } | sha256sum | cut -d' ' -f1
)"
OUT_DIR="$CACHE_ROOT/$KEY"
BIN="$OUT_DIR/daprd"

if [ ! -x "$BIN" ]; then
  mkdir -p "$OUT_DIR"
  # Concurrent callers (parallel test sessions) wait for one build instead of racing it.
  exec 9>"$OUT_DIR/.lock"
  flock 9
  if [ ! -x "$BIN" ]; then
    echo "build-daprd.sh: building daprd $DAPR_VERSION with $GO_VERSION (a cold build takes minutes)" >&2
    started=$SECONDS
    tmp="$OUT_DIR/daprd.tmp.$$"
    (
      cd "$SRC"
      CGO_ENABLED=0 "$GO_CMD" build -mod=readonly -trimpath -buildvcs=false \
        -ldflags "$LDFLAGS" -o "$tmp" .
    ) >&2 || {
      rm -f "$tmp"
      die "go build failed (see above)"
    }
    mv -f "$tmp" "$BIN"
    echo "build-daprd.sh: built $BIN in $((SECONDS - started))s" >&2
  fi
  flock -u 9
fi

echo "$BIN"
