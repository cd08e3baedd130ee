"""The Ray Serve environment every `serve run` of the tutor gets: infra/serve.env as a dict."""

from pathlib import Path

SERVE_ENV_FILE = Path(__file__).with_name("serve.env")


def serve_env(path: Path = SERVE_ENV_FILE) -> dict[str, str]:
    pairs = {}
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            pairs[key.strip()] = value.strip()
    return pairs
