"""The built web app (serve_app/web/dist) on the same origin as the API.

`/` and any unknown GET path a browser navigates to (Accept: text/html) answer index.html,
so a reload on a deep link still opens the app; `/assets/*` are Vite's content-hashed files,
cached for a year. API paths are never answered here: they keep their own 404 and 405. Files
are looked up by Starlette's StaticFiles, which refuses paths that leave the directory.
"""

import html
import os
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.routing import Router
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

# Paths that belong to the API (and Dapr's sidecar calls); the web app never shadows them.
API_PREFIXES = ("/v1", "/healthz", "/readyz", "/docs", "/redoc", "/openapi.json", "/dapr")
# The HTML must be revalidated so a new build is picked up; hashed assets never change.
HTML_CACHE_CONTROL = "no-cache"
ASSET_CACHE_CONTROL = "public, max-age=31536000, immutable"
_INDEX = "index.html"


def is_api_path(path: str) -> bool:
    return any(path == prefix or path.startswith(prefix + "/") for prefix in API_PREFIXES)


def _not_built_page(dist_dir: Path) -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>LearnFlow tutor</title></head>
<body><main><h1>LearnFlow tutor</h1>
<p>The web app has not been built: <code>{html.escape(str(dist_dir / _INDEX))}</code> is
missing. Run <code>make web</code> (or <code>make run</code>, which builds it), then reload.</p>
<p>The API is up: see <a href="/docs">/docs</a>.</p></main></body></html>
"""


class _Assets(StaticFiles):
    """Hashed build output; a missing directory (app not built yet) is a 404, not a 500."""

    async def check_config(self) -> None:
        return None

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = super().file_response(full_path, stat_result, scope, status_code)
        response.headers["cache-control"] = ASSET_CACHE_CONTROL
        return response


class _WebApp:
    """What `/` and the router's not-found fallback answer."""

    def __init__(self, dist_dir: Path, not_found: ASGIApp) -> None:
        self._dist = dist_dir
        # Files at the top of dist (favicon, robots.txt from Vite's public/), traversal-safe.
        self._files = StaticFiles(directory=dist_dir, check_dir=False)
        self._not_found = not_found

    def index(self) -> Response:
        index = self._dist / _INDEX
        if not index.is_file():
            return HTMLResponse(
                _not_built_page(self._dist), headers={"cache-control": HTML_CACHE_CONTROL}
            )
        return FileResponse(
            index, media_type="text/html", headers={"cache-control": HTML_CACHE_CONTROL}
        )

    async def fallback(self, scope: Scope, receive: Receive, send: Send) -> None:
        """The router found no route: a file of dist, the app for a browser, else a 404."""
        path = str(scope.get("path", ""))
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD") or is_api_path(path):
            await self._not_found(scope, receive, send)
            return
        response = await self._top_level_file(path, scope)
        if response is None and "text/html" in Request(scope).headers.get("accept", ""):
            response = self.index()
        if response is None:
            await self._not_found(scope, receive, send)
            return
        await response(scope, receive, send)

    async def _top_level_file(self, path: str, scope: Scope) -> Response | None:
        name = path.lstrip("/")
        if not name or "/" in name or name == _INDEX:
            return None
        try:
            response = await self._files.get_response(name, scope)
        except HTTPException:
            return None
        response.headers["cache-control"] = HTML_CACHE_CONTROL
        return response


def install_web_app(app: FastAPI, dist_dir: Path) -> None:
    """Serve the built frontend from `dist_dir` next to the API routes already on `app`."""
    web = _WebApp(dist_dir, app.router.default)

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def index() -> Response:
        return web.index()

    app.mount("/assets", _Assets(directory=dist_dir / "assets", check_dir=False), name="assets")
    router: Router = app.router
    router.default = web.fallback
