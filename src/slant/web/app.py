"""``slant serve``: a local web app (paste or upload a page, see the report) and a REST API over the pipeline.

* ``GET /`` the form; ``POST /report`` the highlighted report of what was pasted or uploaded.
* ``POST /api/analyze`` with JSON ``{"text": "..."}`` or a multipart ``file`` returns the Document JSON.
* ``GET /api/techniques`` both taxonomies with definitions; ``GET /api/health``; OpenAPI docs at ``/docs``
  (Swagger UI served from the installed package, not a CDN).

Requests over ``max_bytes`` get 413; every API error has one shape, ``{"error": {"code", "message",
"status"}}``. URLs are fetched only when the app was started with ``allow_fetch``.
"""

from __future__ import annotations

import secrets
import threading
from html import escape
from typing import Any

from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..document import Document
from ..errors import RequestError, SlantError, UsageError
from ..read import LAYOUTS, read_any, read_data
from ..render.html import CSP, document_html, page
from ..taxonomy import TAXONOMIES
from ..textio import DEFAULT_MAX_BYTES
from .fetch import fetch

# HTTP status of each error code a request can cause (anything else a SlantError says is a 400)
_STATUS = {"E104": 413, "E601": 413, "E603": 403, "E604": 502, "E605": 404, "E606": 500, "E607": 405,
           "E608": 415}
_SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
                     "X-Frame-Options": "DENY"}


def error_body(code: str, message: str, status: int) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "status": status}}


class SizeLimit:
    """Refuse request bodies over ``max_bytes`` with 413 before the app sees them (declared or streamed)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(scope, send, int(declared))
            return
        body, more = [], True
        size = 0
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(scope, send, size)
                return
            body.append(chunk)
            more = message.get("more_body", False)
        whole = b"".join(body)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": whole, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, send: Send, size: int) -> None:
        message = f"request body is over the limit of {self.max_bytes:,} bytes"
        if scope["path"].startswith("/api"):
            response: Response = JSONResponse(error_body("E601", message, 413), status_code=413)
        else:
            response = _html(_form_page(error=f"{message} [E601]"), 413)
        response.headers["Connection"] = "close"
        await response(scope, _drain_nothing, send)


async def _drain_nothing() -> Message:
    return {"type": "http.disconnect"}


class Analyzer:
    """The pipeline behind the app: one model, loaded at start, used by one request at a time (onnxruntime
    already spreads one request over the cores; queueing keeps latency predictable under load)."""

    def __init__(self, model: str | None = None, techniques: bool = True) -> None:
        self.techniques = techniques
        self.model_name = model
        self.lock = threading.Lock()
        if techniques:
            from ..techniques import load_model

            self.model = load_model(model)

    def __call__(self, doc: Document) -> Document:
        from ..article import classify

        if not self.techniques:
            return classify(doc)
        from ..techniques import detect

        with self.lock:
            return classify(detect(doc, self.model))


def _html(body: str, status: int = 200) -> HTMLResponse:
    """An HTML page with the report's CSP as a header too (the meta tag holds the same nonce)."""
    nonce = secrets.token_urlsafe(16)
    response = HTMLResponse(page(body, "slant", nonce=nonce), status_code=status)
    response.headers["Content-Security-Policy"] = CSP.format(nonce=nonce)
    return response


_LAYOUT_HELP = {"auto": "detect (HTML or a text copy of a page)", "page": "text copy of a web page",
                "html": "HTML", "article": "plain article: first line the title"}


def _form_page(error: str = "", text: str = "", report: str = "") -> str:
    options = "".join(f'<option value="{k}">{escape(v)}</option>' for k, v in _LAYOUT_HELP.items())
    problem = f'<p class="error" role="alert">{escape(error)}</p>' if error else ""
    heading = "<h2>Analyse another page</h2>" if report else "<h1>slant</h1>"
    form = (f'<section class="app">{heading}<p>Paste an article or a whole web page (text or HTML), or '
            f'upload a saved page, to see the persuasion techniques it uses.</p>{problem}'
            f'<form method="post" action="/report" enctype="multipart/form-data">'
            f'<label for="text">Text or HTML</label>'
            f'<textarea id="text" name="text" placeholder="Paste here">{escape(text)}</textarea>'
            f'<div class="row"><label>or a file <input type="file" name="file" accept=".txt,.html,.htm,text/*">'
            f'</label><label>reading as <select name="layout">{options}</select></label>'
            f'<button type="submit">Analyse</button></div></form>'
            f'<p class="hint">API: <code>POST /api/analyze</code>, <a href="/docs">docs</a>. Nothing leaves this '
            f"machine.</p></section>")
    return report + form if report else form  # a report comes first: the form stays below for the next page


def create_app(model: str | None = None, *, max_bytes: int = DEFAULT_MAX_BYTES, allow_fetch: bool = False,
               techniques: bool = True) -> FastAPI:
    """The web app. ``model``: a technique model tier or folder; ``max_bytes``: the request size limit."""
    analyzer = Analyzer(model, techniques)
    app = FastAPI(title="slant", version=__version__, docs_url=None, redoc_url=None,
                  description="Persuasion techniques in news text, at the character level. Offline: no text "
                              "leaves the machine; URLs are fetched only when the server allows it.")
    # the Swagger UI that ships on PyPI (4.15) reads OpenAPI 3.0; our schemas use nothing of 3.1
    app.openapi_version = "3.0.3"
    app.state.max_bytes, app.state.allow_fetch, app.state.analyzer = max_bytes, allow_fetch, analyzer
    app.add_middleware(SizeLimit, max_bytes=max_bytes)  # outermost: runs before anything reads the body

    def _document(data: bytes | None, text: str | None, name: str, layout: str) -> Document:
        if layout not in LAYOUTS:
            raise UsageError("E401", f"unknown layout {layout!r}; choose one of {', '.join(LAYOUTS)}")
        if data is not None:
            if not data.strip():
                raise RequestError("E602", f"{name}: the file is empty")
            return analyzer(read_data(data, name, layout=layout))
        if not (text or "").strip():
            raise RequestError("E602", "no text given: send {\"text\": \"...\"}, a file, or a url")
        return analyzer(read_any(text or "", layout=layout, source=None))

    async def _inputs(request: Request) -> tuple[bytes | None, str | None, str, str]:
        """(file bytes, text, name, layout) from a JSON or multipart/form body."""
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind == "application/json":
            try:
                body = await request.json()
            except ValueError as err:
                raise RequestError("E602", f"the body is not valid JSON: {err}") from None
            if not isinstance(body, dict):
                raise RequestError("E602", "the JSON body must be an object such as {\"text\": \"...\"}")
            layout = str(body.get("layout") or "auto")
            if body.get("url"):
                if not app.state.allow_fetch:
                    raise RequestError("E603", "fetching URLs is disabled: send the page's text, or start the "
                                     "server with --allow-fetch")
                url = str(body["url"])
                data = await run_in_threadpool(fetch, url, app.state.max_bytes)
                return data, None, url, layout
            text = body.get("text")
            if text is not None and not isinstance(text, str):
                raise RequestError("E602", "\"text\" must be a string")
            return None, text, "", layout
        if kind in ("multipart/form-data", "application/x-www-form-urlencoded"):
            form = await request.form()
            layout = str(form.get("layout") or "auto")
            upload = form.get("file")
            if upload is not None and not isinstance(upload, str) and upload.filename:
                return await upload.read(), None, upload.filename, layout
            text = form.get("text")
            return None, text if isinstance(text, str) else None, "", layout
        if kind in ("text/plain", "text/html"):
            return (await request.body()), None, "body.html" if kind == "text/html" else "body.txt", "auto"
        raise RequestError("E608", f"unsupported content type {kind or '(none)'!r}: send application/json, "
                         "multipart/form-data or text/plain")

    @app.exception_handler(SlantError)
    async def _slant_error(request: Request, err: SlantError) -> Response:
        status = _STATUS.get(err.code, 400)
        if request.url.path.startswith("/api"):
            message = str(err).removesuffix(f" [{err.code}]")  # the code has its own field
            return JSONResponse(error_body(err.code, message, status), status_code=status)
        return _html(_form_page(error=str(err)), status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, err: RequestValidationError) -> Response:
        first = err.errors()[0] if err.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return JSONResponse(error_body("E602", f"{where}: {first.get('msg', 'invalid request')}", 422),
                            status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, err: StarletteHTTPException) -> Response:
        code = {404: "E605", 405: "E607"}.get(err.status_code, "E602")
        return JSONResponse(error_body(code, str(err.detail), err.status_code), status_code=err.status_code)

    @app.exception_handler(Exception)
    async def _crash(request: Request, err: Exception) -> Response:
        return JSONResponse(error_body("E606", f"internal error: {type(err).__name__}", 500), status_code=500)

    @app.middleware("http")
    async def _headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        for key, value in _SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        return response

    body_schema = {"requestBody": {"required": True, "content": {
        "application/json": {"schema": {"type": "object", "properties": {
            "text": {"type": "string", "description": "the page: plain text or HTML"},
            "layout": {"type": "string", "enum": list(LAYOUTS), "default": "auto"},
            "url": {"type": "string", "description": "fetch this page (only when the server allows it)"}}},
            "example": {"text": "Title\n\nThe first paragraph of the article."}},
        "multipart/form-data": {"schema": {"type": "object", "properties": {
            "file": {"type": "string", "format": "binary"},
            "layout": {"type": "string", "enum": list(LAYOUTS)}}}}}}}

    @app.post("/api/analyze", tags=["api"], openapi_extra=body_schema,
              summary="Analyse a page; returns the Document JSON (schema slant.document/1)")
    async def api_analyze(request: Request) -> JSONResponse:
        data, text, name, layout = await _inputs(request)
        doc = await run_in_threadpool(_document, data, text, name or "upload", layout)
        return JSONResponse(doc.to_dict())

    @app.get("/api/techniques", tags=["api"], summary="Both taxonomies' techniques with definitions")
    def api_techniques() -> dict[str, list[dict[str, str]]]:
        return {name: [t.to_dict() for t in inventory.values()] for name, inventory in TAXONOMIES.items()}

    @app.get("/api/health", tags=["api"], summary="Version and model")
    def api_health() -> dict[str, Any]:
        return {"status": "ok", "version": __version__, "techniques": analyzer.techniques,
                "model": getattr(getattr(analyzer, "model", None), "name", None), "max_bytes": max_bytes,
                "allow_fetch": allow_fetch}

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home() -> HTMLResponse:
        return _html(_form_page())

    @app.post("/report", response_class=HTMLResponse, include_in_schema=False)
    async def report(request: Request) -> HTMLResponse:
        data, text, name, layout = await _inputs(request)
        doc = await run_in_threadpool(_document, data, text, name or "pasted text", layout)
        return _html(_form_page(report=document_html(doc)))

    _docs(app)
    return app


def _docs(app: FastAPI) -> None:
    """Swagger UI from the swagger-ui-bundle package, so /docs works with no network."""
    from pathlib import Path

    from starlette.staticfiles import StaticFiles
    from swagger_ui_bundle import swagger_ui_path

    app.mount("/static/swagger", StaticFiles(directory=Path(swagger_ui_path)), name="swagger")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="slant API",
                                   swagger_js_url="/static/swagger/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger/swagger-ui.css",
                                   swagger_favicon_url="/static/swagger/favicon-32x32.png")


def serve(host: str = "127.0.0.1", port: int = 8000, **options: Any) -> None:
    """Run the app with uvicorn until interrupted."""
    import uvicorn

    uvicorn.run(create_app(**options), host=host, port=port, log_level="warning")


def host_is_local(host: str) -> bool:
    """True for loopback addresses: the app is only reachable from this machine."""
    return host in ("127.0.0.1", "localhost", "::1") or host.startswith("127.")
