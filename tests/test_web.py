"""The web app and REST API, in-process (fastapi's TestClient); the browser test is test_browser.py."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from slant.errors import CODES
from slant.web import create_app

ROOT = Path(__file__).resolve().parents[1]
HOSTILE = (ROOT / "tests" / "data" / "hostile_page.txt").read_text(encoding="utf-8")
ARTICLE = (ROOT / "examples" / "article.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app(max_bytes=200_000))


def assert_error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["code"] == code and body["error"]["status"] == status and code in CODES
    assert body["error"]["message"] and f"[{code}]" not in body["error"]["message"]
    return body["error"]


def test_analyze_json_returns_the_document(client):
    response = client.post("/api/analyze", json={"text": ARTICLE})
    assert response.status_code == 200
    doc = response.json()
    assert doc["schema"] == "slant.document/1" and doc["text"] == ARTICLE
    assert doc["title"] is not None and doc["meta"]["technique_model"] == "techniques-minilm"
    assert all(ARTICLE[s["start"] : s["end"]] for s in doc["spans"])
    assert response.headers["x-content-type-options"] == "nosniff"


def test_analyze_upload_html_and_layout(client):
    page = (ROOT / "examples" / "page.html").read_bytes()
    doc = client.post("/api/analyze", files={"file": ("page.html", page, "text/html")}).json()
    assert doc["meta"]["format"] == "html" and doc["source"] == "page.html" and doc["comments"]
    plain = client.post("/api/analyze", json={"text": ARTICLE, "layout": "article"}).json()
    assert plain["meta"]["format"] == "article"


def test_upload_not_utf8_is_decoded_with_a_warning(client):
    data = ("Le marché\n\nLe café du marché ouvre à sept heures, après la grève des boulangers.\n"
            ).encode("latin-1")
    doc = client.post("/api/analyze", files={"file": ("p.txt", data)}).json()
    assert "marché" in doc["text"] and any("not UTF-8" in w for w in doc["warnings"])


def test_bad_requests_share_one_error_shape(client):
    assert_error(client.post("/api/analyze", json={"text": ""}), 400, "E602")
    assert_error(client.post("/api/analyze", json={"text": 5}), 400, "E602")
    assert_error(client.post("/api/analyze", json=["text"]), 400, "E602")
    assert_error(client.post("/api/analyze", content=b"{oops", headers={"content-type": "application/json"}),
                 400, "E602")
    assert_error(client.post("/api/analyze", json={"text": "x", "layout": "pdf"}), 400, "E401")
    binary = assert_error(client.post("/api/analyze", files={"file": ("img.png", b"\x89PNG\x00\x00" * 50)}),
                          400, "E102")
    assert "img.png" in binary["message"]
    assert_error(client.post("/api/analyze", files={"file": ("empty.txt", b"")}), 400, "E602")
    assert_error(client.post("/api/analyze", content=b"x", headers={"content-type": "image/png"}), 415, "E608")
    assert_error(client.get("/api/nothing"), 404, "E605")
    assert_error(client.get("/api/analyze"), 405, "E607")


def test_request_size_limit_declared_and_streamed(client):
    error = assert_error(client.post("/api/analyze", json={"text": "word " * 50_000}), 413, "E601")
    assert "200,000" in error["message"]

    def chunks():  # no Content-Length: the limit must hold while the body streams in
        for _ in range(30):
            yield b"x" * 10_000

    assert_error(client.post("/api/analyze", content=chunks(), headers={"content-type": "text/plain"}),
                 413, "E601")
    page = client.post("/report", data={"text": "word " * 50_000})
    assert page.status_code == 413 and "text/html" in page.headers["content-type"] and "E601" in page.text


def test_fetching_urls_is_off_unless_enabled(client, tmp_path):
    assert_error(client.post("/api/analyze", json={"url": "http://127.0.0.1:9/x"}), 403, "E603")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        fetching = TestClient(create_app(allow_fetch=True, techniques=False))
        url = f"http://127.0.0.1:{server.server_port}/a.txt"
        doc = fetching.post("/api/analyze", json={"url": url}).json()
        assert doc["text"] == ARTICLE and doc["source"] == url
        assert_error(fetching.post("/api/analyze", json={"url": url.replace("a.txt", "gone.txt")}), 502, "E604")
        assert_error(fetching.post("/api/analyze", json={"url": "file:///etc/passwd"}), 502, "E604")
    finally:
        server.shutdown()


def test_techniques_health_and_offline_docs(client):
    techniques = client.get("/api/techniques").json()
    assert len(techniques["ptc2020"]) == 14 and len(techniques["semeval2023"]) == 23
    assert all(t["definition"] for t in techniques["semeval2023"])
    assert client.get("/api/health").json()["model"] == "techniques-minilm"
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/static/swagger/swagger-ui-bundle.js" in docs.text and "cdn" not in docs.text
    assert client.get("/static/swagger/swagger-ui-bundle.js").status_code == 200
    spec = client.get("/openapi.json").json()
    assert "multipart/form-data" in spec["paths"]["/api/analyze"]["post"]["requestBody"]["content"]


def test_report_page_shows_markup_as_text(client):
    home = client.get("/")
    assert home.status_code == 200 and "<textarea" in home.text
    page = client.post("/report", data={"text": HOSTILE})
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'nonce-" in csp
    html = page.text
    assert '<mark class="s"' in html and "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "<script>window.__pwned" not in html and "<img src=x" not in html
    assert '<a href="javascript' not in html and "</textarea><script>" not in html
    assert html.count("<textarea") == 1 and html.count("</textarea>") == 1  # the form's own, empty
    bad = client.post("/report", files={"file": ("x.bin", b"\x00\x01" * 20)})
    assert bad.status_code == 400 and "x.bin: binary file" in bad.text and "text/html" in bad.headers["content-type"]


def test_serve_refuses_an_unknown_model_before_listening(run):
    res = run("serve", "--model", "no-such-model", "--port", "1")
    assert res.code == 2 and "E501" in res.err and "serving on" not in res.err
