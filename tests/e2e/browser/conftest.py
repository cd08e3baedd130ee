"""Debian's Chromium, headless, driven by Playwright against `serve run` and the built web app.

Playwright's own browser download is not used: the tests launch /usr/bin/chromium. Without it
they skip, unless LEARNFLOW_REQUIRE_BROWSER_TESTS=1 (CI) makes a missing browser a failure.
Screenshots go to tmp/screenshots/<test>-<step>.png (git-ignored) for a person to look at.
"""

import os
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Error,
    Page,
    expect,
    sync_playwright,
)

from tests.e2e.conftest import ROOT, serving_tutor

CHROMIUM = Path("/usr/bin/chromium")
# No sandbox: CI containers run as root; the rest keeps a headless run quiet and offline.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WEB = ROOT / "serve_app" / "web"
SCREENSHOTS = ROOT / "tmp" / "screenshots"
# Two cores, a Ray graph and a browser: generous, and only ever an upper bound.
TIMEOUT_MS = 30_000
expect.set_options(timeout=TIMEOUT_MS)


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"{CHROMIUM} not installed (Debian's chromium; `make system-deps` installs it)"
    if os.environ.get("LEARNFLOW_REQUIRE_BROWSER_TESTS") == "1":
        pytest.fail(f"LEARNFLOW_REQUIRE_BROWSER_TESTS=1 but {reason}")
    pytest.skip(reason)


def _require_fresh_build() -> None:
    """The tests must drive the web app as its sources are now, not an older build."""
    if not (WEB / "dist" / "index.html").is_file():
        pytest.fail("serve_app/web/dist is missing: run `make web` (make test does it first)")
    # The Makefile's own rule decides: `make -q` answers whether the build is up to date.
    stale = subprocess.run(
        ["make", "-q", "serve_app/web/dist/index.html"], cwd=ROOT, capture_output=True, check=False
    )
    if stale.returncode != 0:
        pytest.fail("serve_app/web/dist is older than its sources: run `make web`")


# Module scope, not session: Playwright's sync API runs an event loop on this thread while
# it is open, and every asyncio test collected after the browser tests would find it running.
@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    _require_chromium()
    with sync_playwright() as playwright:
        # Each launch uses a new, empty user-data directory that Playwright deletes afterwards.
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def web_url(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The tutor's base URL, serving serve_app/web/dist at `/`."""
    _require_fresh_build()
    with serving_tutor(tmp_path_factory.mktemp("serve-web")) as url:
        yield url


@dataclass
class Tab:
    """A page and what went wrong in it: uncaught errors and CSP refusals fail the test."""

    page: Page
    test_name: str
    problems: list[str] = field(default_factory=list)

    def shot(self, step: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{self.test_name}-{step}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


def _watch(tab: Tab) -> None:
    def on_console(message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text:
            tab.problems.append(f"CSP: {message.text}")

    def on_page_error(error: Error) -> None:
        tab.problems.append(f"uncaught: {error}")

    tab.page.on("console", on_console)
    tab.page.on("pageerror", on_page_error)


class Tabs:
    """New browser contexts (fresh storage each) for one test; closed when it ends."""

    def __init__(self, browser: Browser, base_url: str, test_name: str) -> None:
        self._browser = browser
        self._base_url = base_url
        self._test_name = test_name
        self._contexts: list[BrowserContext] = []
        self.opened: list[Tab] = []

    def open(self, *, width: int = 1280, height: int = 900, name: str = "") -> Tab:
        context = self._browser.new_context(
            base_url=self._base_url, viewport={"width": width, "height": height}
        )
        context.set_default_timeout(TIMEOUT_MS)
        self._contexts.append(context)
        label = f"{self._test_name}-{name}" if name else self._test_name
        tab = Tab(context.new_page(), label)
        _watch(tab)
        self.opened.append(tab)
        return tab

    def close(self) -> None:
        for context in self._contexts:
            context.close()


@pytest.fixture
def tabs(browser: Browser, web_url: str, request: pytest.FixtureRequest) -> Iterator[Tabs]:
    name = re.sub(r"[^A-Za-z0-9_-]+", "_", request.node.name.removeprefix("test_"))
    opened = Tabs(browser, web_url, name)
    try:
        yield opened
        problems = [problem for tab in opened.opened for problem in tab.problems]
        assert not problems, "\n".join(problems)
    finally:
        opened.close()
