"""The built web app on the ingress: index, hashed assets, fallbacks, headers, no escapes."""

from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace

import httpx
import pytest
from fastapi import FastAPI

from serve_app.api.app import create_api
from serve_app.api.web import API_PREFIXES, ASSET_CACHE_CONTROL, is_api_path
from serve_app.security.policy import SecurityPolicy
from serve_app.settings import Settings

INDEX = "<!doctype html><title>LearnFlow</title><div id=app></div>"
SCRIPT = "console.log('app')"
BROWSER = {"accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text(INDEX)
    (root / "assets" / "index-3f2a1b.js").write_text(SCRIPT)
    (root / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    # Files next to dist that no request may reach.
    (tmp_path / "secret.txt").write_text("not for the web")
    return root


def _app(dist_dir: Path | None) -> FastAPI:
    app = create_api(security=SecurityPolicy(), web_dist_dir=dist_dir)
    app.state.tutor = SimpleNamespace(db=None)
    return app


@pytest.fixture
async def client(dist: Path) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=_app(dist), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://tutor") as http:
        yield http


async def test_root_serves_index_without_caching(client: httpx.AsyncClient) -> None:
    response = await client.get("/")
    assert response.status_code == 200
    assert response.text == INDEX
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-cache"
    head = await client.head("/")
    assert head.status_code == 200


async def test_html_gets_a_same_origin_csp(client: httpx.AsyncClient) -> None:
    csp = (await client.get("/")).headers["content-security-policy"]
    directives = {part.split()[0]: part.split()[1:] for part in csp.split("; ")}
    assert directives["script-src"] == ["'self'"]
    assert directives["connect-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
    assert "'unsafe-eval'" not in csp
    assert "'unsafe-inline'" not in directives["script-src"]
    # The API's own answers keep the policy that forbids everything.
    api = await client.get("/healthz")
    assert api.headers["content-security-policy"].startswith("default-src 'none'")
    assert api.headers["cache-control"] == "no-store"


async def test_hashed_assets_are_immutable(client: httpx.AsyncClient) -> None:
    response = await client.get("/assets/index-3f2a1b.js")
    assert response.status_code == 200
    assert response.text == SCRIPT
    assert response.headers["cache-control"] == ASSET_CACHE_CONTROL
    assert response.headers["x-content-type-options"] == "nosniff"
    missing = await client.get("/assets/index-000000.js")
    assert missing.status_code == 404
    assert missing.headers["cache-control"] == "no-store"


async def test_top_level_build_files_are_served(client: httpx.AsyncClient) -> None:
    response = await client.get("/favicon.svg")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-cache"


async def test_deep_links_from_a_browser_get_the_app(client: httpx.AsyncClient) -> None:
    for path in ("/learn", "/teacher/students/s1", "/practice/"):
        response = await client.get(path, headers=BROWSER)
        assert response.status_code == 200, path
        assert response.text == INDEX
    # A script or fetch asking for something that is not there gets a plain 404.
    assert (await client.get("/learn", headers={"accept": "application/json"})).status_code == 404
    assert (await client.post("/learn", headers=BROWSER)).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/v1/nothing-here",
        "/v1/students/s1/nothing",
        "/healthz/extra",
        "/dapr/subscribe",
        "/docs/nothing",
        "/openapi.json/x",
    ],
)
async def test_api_paths_are_never_shadowed(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path, headers=BROWSER)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not Found"}


async def test_api_routes_keep_their_answers(client: httpx.AsyncClient) -> None:
    assert (await client.get("/healthz", headers=BROWSER)).json() == {"status": "ok"}
    assert (await client.get("/openapi.json", headers=BROWSER)).json()["openapi"]
    docs = await client.get("/docs", headers=BROWSER)
    assert docs.status_code == 200
    assert "swagger" in docs.text.lower()
    # A GET on a POST-only route is still a 405, not the web app.
    wrong_method = await client.get("/v1/ask", headers=BROWSER)
    assert wrong_method.status_code == 405
    # The web app is not part of the API's description.
    paths = (await client.get("/openapi.json")).json()["paths"]
    assert "/" not in paths
    assert all(is_api_path(path) for path in paths)


@pytest.mark.parametrize(
    "path",
    [
        "/assets/../../secret.txt",
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "/assets/..%2f..%2fsecret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e/secret.txt",
        "/assets/%2fetc%2fpasswd",
        "/assets//etc/passwd",
        "/assets/..",
        "/..",
        "/%00",
        "/assets/%00index-3f2a1b.js",
    ],
)
async def test_no_path_leaves_the_build_directory(client: httpx.AsyncClient, path: str) -> None:
    for headers in (BROWSER, {"accept": "*/*"}):
        response = await client.get(path, headers=headers)
        assert "not for the web" not in response.text
        assert "root:" not in response.text
        assert response.status_code in (200, 404), (path, response.status_code)
        if response.status_code == 200:
            # Only the app itself, for a browser that navigated somewhere unknown.
            assert response.text == INDEX


async def test_symlinks_out_of_the_build_are_not_followed(dist: Path) -> None:
    (dist / "assets" / "leak.txt").symlink_to(dist.parent / "secret.txt")
    (dist / "leak.txt").symlink_to(dist.parent / "secret.txt")
    transport = httpx.ASGITransport(app=_app(dist), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://tutor") as http:
        assert (await http.get("/assets/leak.txt")).status_code == 404
        assert (await http.get("/leak.txt")).status_code == 404


async def test_an_unbuilt_app_says_how_to_build_it(tmp_path: Path) -> None:
    transport = httpx.ASGITransport(app=_app(tmp_path / "absent"), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://tutor") as http:
        root = await http.get("/")
        assert root.status_code == 200
        assert "make web" in root.text
        assert root.headers["content-type"].startswith("text/html")
        deep = await http.get("/practice", headers=BROWSER)
        assert "make web" in deep.text
        # No assets directory yet: a 404, not a server error.
        assert (await http.get("/assets/index.js")).status_code == 404


async def test_without_a_build_directory_only_the_api_is_served() -> None:
    transport = httpx.ASGITransport(app=_app(None), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://tutor") as http:
        assert (await http.get("/", headers=BROWSER)).status_code == 404
        assert (await http.get("/healthz")).status_code == 200


def test_api_prefixes_match_whole_segments() -> None:
    assert is_api_path("/v1/ask")
    assert is_api_path("/v1")
    assert not is_api_path("/v10")
    assert not is_api_path("/learn")
    assert set(API_PREFIXES) >= {"/v1", "/healthz", "/readyz", "/docs", "/openapi.json", "/dapr"}


def test_settings_default_to_the_package_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LEARNFLOW_WEB_DIST_DIR", raising=False)
    default = Settings().web_dist_dir
    assert default is not None
    assert default.parts[-3:] == ("serve_app", "web", "dist")
    monkeypatch.setenv("LEARNFLOW_WEB_DIST_DIR", "")
    assert Settings().web_dist_dir is None
    monkeypatch.setenv("LEARNFLOW_WEB_DIST_DIR", "/srv/web")
    assert Settings().web_dist_dir == Path("/srv/web")
