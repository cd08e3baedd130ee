"""A standalone daprd of ours (infra/dapr) for the tests and the relay benchmark.

`Daprd` writes a resources dir with the `pubsub.kafka` component named learnflow-pubsub
pointing at a broker (and, with an app port, Subscriptions of every event topic delivering
to /dapr/events), starts the binary on free loopback ports, waits for its health endpoint,
and can be stopped and started again on the same ports.
"""

import asyncio
import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path

import httpx
from pydantic import SecretStr

from serve_app.events.dapr import DaprPublisher
from serve_app.events.kafka import TOPICS
from tests.support.fake_openai import free_port

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "infra" / "dapr" / "build-daprd.sh"
PUBSUB = "learnflow-pubsub"
API_TOKEN = "api-token-for-the-sidecar-7c1f"  # test values
APP_TOKEN = "app-token-from-the-sidecar-3e9a"


def build_daprd(timeout: float = 3600) -> tuple[Path | None, str]:
    """The daprd binary that infra/dapr/build-daprd.sh builds or finds, or None and why not."""
    if not BUILD_SCRIPT.is_file():
        return None, "infra/dapr/build-daprd.sh is missing"
    done = subprocess.run(
        ["bash", str(BUILD_SCRIPT)], capture_output=True, text=True, timeout=timeout, check=False
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines or not Path(lines[-1]).is_file():
        return None, f"daprd could not be built: {done.stderr.strip()[-1500:]}"
    return Path(lines[-1]), ""


class Daprd:
    """One standalone daprd: the Kafka pub/sub component, optionally an app and its
    Subscriptions; stopped and started again on the same ports."""

    def __init__(self, binary: Path, bootstrap: str, app_port: int | None = None) -> None:
        self.binary = binary
        self.dir = Path(tempfile.mkdtemp(prefix="learnflow-test-daprd-"))
        self.resources = self.dir / "resources"
        self.resources.mkdir()
        self.http_port = free_port()
        self.ports = {
            "--dapr-grpc-port": free_port(),
            "--dapr-internal-grpc-port": free_port(),
            "--metrics-port": free_port(),
            "--profile-port": free_port(),
        }
        self.app_port = app_port
        self.log = self.dir / "daprd.log"
        self.process: subprocess.Popen[bytes] | None = None
        self._write_component(bootstrap)
        if app_port is not None:
            self._write_subscriptions()

    def _write_component(self, bootstrap: str) -> None:
        # A consumer group of its own per sidecar: every replica sees every event.
        (self.resources / "pubsub.yaml").write_text(f"""\
apiVersion: dapr.io/v1alpha1
kind: Component
metadata:
  name: {PUBSUB}
spec:
  type: pubsub.kafka
  version: v1
  metadata:
    - name: brokers
      value: "{bootstrap}"
    - name: authType
      value: "none"
    - name: disableTls
      value: "true"
    - name: consumerGroup
      value: "{self.dir.name}"
    - name: initialOffset
      value: "oldest"
    - name: clientID
      value: "learnflow-test-daprd"
""")

    def _write_subscriptions(self) -> None:
        for topic in TOPICS:
            (self.resources / f"subscription-{topic}.yaml").write_text(f"""\
apiVersion: dapr.io/v2alpha1
kind: Subscription
metadata:
  name: learnflow-{topic.replace(".", "-")}
spec:
  pubsubname: {PUBSUB}
  topic: {topic}
  routes:
    default: /dapr/events
""")

    def command(self) -> list[str]:
        command = [
            str(self.binary),
            "--mode",
            "standalone",
            "--app-id",
            "learnflow-tutor",
            "--resources-path",
            str(self.resources),
            "--dapr-http-port",
            str(self.http_port),
            "--dapr-listen-addresses",
            "127.0.0.1",
            "--log-level",
            "info",
        ]
        for flag, port in self.ports.items():
            command += [flag, str(port)]
        if self.app_port is not None:
            command += ["--app-port", str(self.app_port), "--app-channel-address", "127.0.0.1"]
        return command

    async def start(self) -> None:
        env = os.environ | {"DAPR_API_TOKEN": API_TOKEN, "APP_API_TOKEN": APP_TOKEN}
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.command(), stdout=log, stderr=subprocess.STDOUT, env=env, cwd=self.dir
            )
        ready = "/v1.0/healthz" if self.app_port is not None else "/v1.0/healthz/outbound"
        deadline = asyncio.get_running_loop().time() + 60
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{self.http_port}") as http:
            while True:
                assert self.process.poll() is None, f"daprd exited:\n{self.tail()}"
                with suppress(httpx.HTTPError):
                    response = await http.get(ready, headers={"dapr-api-token": API_TOKEN})
                    if response.status_code == 204:
                        return
                assert asyncio.get_running_loop().time() < deadline, (
                    f"daprd not ready:\n{self.tail()}"
                )
                await asyncio.sleep(0.2)

    async def stop(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            await asyncio.to_thread(process.wait, 30)
        except subprocess.TimeoutExpired:
            process.kill()
            await asyncio.to_thread(process.wait, 10)

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log.exists() else ""

    def publisher(self, *, timeout_seconds: float = 10.0) -> DaprPublisher:
        return DaprPublisher(
            self.http_port,
            pubsub_name=PUBSUB,
            api_token=SecretStr(API_TOKEN),
            timeout_seconds=timeout_seconds,
        )

    def remove(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


@asynccontextmanager
async def running_daprd(
    binary: Path, bootstrap: str, app_port: int | None = None
) -> AsyncIterator[Daprd]:
    daprd = Daprd(binary, bootstrap, app_port)
    try:
        await daprd.start()
        yield daprd
    except BaseException:
        print(f"daprd log:\n{daprd.tail()}")
        raise
    finally:
        await daprd.stop()
        daprd.remove()
