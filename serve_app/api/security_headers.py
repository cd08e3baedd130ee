"""Security headers on every HTTP response, errors included.

The API serves JSON only, so its CSP forbids everything; the interactive docs load
FastAPI's Swagger UI and ReDoc assets from a CDN and get a policy that only forbids framing.
The web app (every path outside the API, serve_app/api/web.py) may load its own scripts,
styles and fonts and call its own origin, nothing else. Its styles may be inline because
CodeMirror injects its theme as <style> elements.
"""

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from serve_app.api.web import is_api_path

_DOCS_PATHS = ("/docs", "/redoc")
_COMMON = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
# API answers that are the same for every caller: their routes say how they may be cached
# (errors on them, which set nothing, still get no-store).
_SAME_FOR_EVERYONE = frozenset({"/v1/curriculum"})
_API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"
_DOCS_CSP = "frame-ancestors 'none'"
_WEB_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)


def _is_https(scope: Scope) -> bool:
    if scope.get("scheme") == "https":
        return True
    # Behind a TLS-terminating proxy; the header can only add HSTS, never remove a check.
    forwarded: bytes = dict(scope["headers"]).get(b"x-forwarded-proto", b"")
    return forwarded.split(b",")[0].strip().lower() == b"https"


class SecurityHeaders:
    def __init__(self, app: ASGIApp, hsts_seconds: int = 0) -> None:
        self._app = app
        self._hsts = f"max-age={hsts_seconds}; includeSubDomains" if hsts_seconds > 0 else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        docs = path.startswith(_DOCS_PATHS)
        web = not is_api_path(path)
        csp = _DOCS_CSP if docs else _WEB_CSP if web else _API_CSP
        hsts = self._hsts if self._hsts and _is_https(scope) else None

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in _COMMON.items():
                    headers.setdefault(name, value)
                headers.setdefault("content-security-policy", csp)
                # Answers are per student: no shared cache may keep them. The web app's files
                # say how they may be cached (serve_app/api/web.py); anything else there is not.
                if web or path in _SAME_FOR_EVERYONE:
                    headers.setdefault("cache-control", "no-store")
                elif not docs:
                    headers["cache-control"] = "no-store"
                if hsts:
                    headers.setdefault("strict-transport-security", hsts)
            await send(message)

        await self._app(scope, receive, send_with_headers)
