"""The web app in a real browser: headless Chromium from Debian's packages, driven by Playwright.

It pastes a page of our own full of markup and script, sees highlighted spans and the legend, opens one
span's explanation, switches taxonomy, uploads the same page as a file, and opens a saved HTML report; no
script from the page may run. Screenshots go to ``test-screenshots/`` (or ``$SLANT_SCREENSHOTS``).

Without Chromium the test skips, unless ``SLANT_REQUIRE_BROWSER=1`` (set by ``.ci/run``, which installs it).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HOSTILE_FILE = ROOT / "tests" / "data" / "hostile_page.txt"
SHOTS = Path(os.environ.get("SLANT_SCREENSHOTS", ROOT / "test-screenshots"))
CHROMIUM = os.environ.get("SLANT_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
# Debian's Chromium, as root, in a sandbox with no network: no sandbox, no background connections
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
CAUGHT = "window.__pwned === undefined"


def _need_browser() -> str:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "playwright is not installed (pip install '.[test]')"
    else:
        if CHROMIUM:
            return CHROMIUM
        reason = "no chromium on PATH (Debian: apt-get install chromium)"
    if os.environ.get("SLANT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"SLANT_REQUIRE_BROWSER=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    import uvicorn

    from slant.web import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(), host="127.0.0.1", port=port, log_level="warning")
    app_server = uvicorn.Server(config)
    thread = threading.Thread(target=app_server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not app_server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web app did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    app_server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    executable = _need_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, args=ARGS)
        yield chromium
        chromium.close()


def _page(browser, **options):
    page = browser.new_page(**options)
    page.dialogs = []  # alert() from injected markup would land here
    page.errors = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    return page


def _check_report(page, shot: str) -> None:
    page.wait_for_selector(".slant-report mark.s")
    layer = page.locator('.tax[data-tax="semeval2023"]')
    assert layer.is_visible()
    assert layer.locator("mark.s").count() >= 3
    assert layer.locator(".legend").is_visible() and "Attack on reputation" in layer.locator(".legend").inner_text()
    text = layer.locator(".text").inner_text()
    assert "<script>window.__pwned = 1</script>" in text  # shown as text, in the title
    assert '<a href="javascript:window.__pwned = 3">the minutes</a>' in text
    comments = layer.locator(".comments").inner_text()
    assert 'Mallory"><img src=x onerror=alert(6)>' in comments and "<script>window.__pwned = 7</script>" in comments
    for selector in ("img", "a[href^='javascript']", "textarea", "script", "b"):
        assert page.locator(f".slant-report .main {selector}").count() == 0, selector
    mark = layer.locator("mark.s").first
    mark.click()
    detail = page.locator(".slant-report .detail")
    detail.wait_for(state="visible")
    first = detail.locator(".item").first
    assert first.locator("h4").inner_text().strip() and "score" in first.locator(".meta").inner_text()
    assert first.locator(".why").inner_text().strip()
    page.screenshot(path=str(SHOTS / f"{shot}-span-open.png"), full_page=True)
    page.keyboard.press("Escape")
    detail.wait_for(state="hidden")
    page.locator('.switch button[data-tax="ptc2020"]').click()
    assert page.locator('.tax[data-tax="ptc2020"]').is_visible() and not layer.is_visible()
    # switching a category off in the legend takes its highlights away
    ptc = page.locator('.tax[data-tax="ptc2020"]')
    before = ptc.locator("mark.s:not(.off)").count()
    ptc.locator("input[data-category]").first.uncheck()
    assert ptc.locator("mark.s:not(.off)").count() < before
    assert page.evaluate(CAUGHT) and not page.dialogs and not page.errors


def test_paste_a_page_and_read_the_report(server, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = _page(browser, viewport={"width": 1280, "height": 900})
    page.goto(server + "/")
    page.fill("textarea[name=text]", HOSTILE_FILE.read_text(encoding="utf-8"))
    page.click("button[type=submit]")
    _check_report(page, "paste")
    page.close()


def test_upload_a_file_on_a_phone(server, browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = _page(browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(server + "/")
    page.set_input_files("input[type=file]", str(HOSTILE_FILE))
    page.click("button[type=submit]")
    _check_report(page, "phone-upload")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 392, f"the page is {width}px wide on a 390px screen"
    page.close()


def test_saved_report_file(browser, tmp_path):
    from slant import analyze_file
    from slant.render.html import report_html

    report = tmp_path / "report.html"
    report.write_text(report_html(analyze_file(HOSTILE_FILE)), encoding="utf-8")
    page = _page(browser, viewport={"width": 1024, "height": 800})
    page.goto(report.as_uri())
    _check_report(page, "report-file")
    page.emulate_media(media="print")  # printed: the text and legend, not the controls
    assert not page.locator(".switch").is_visible() and page.locator(".tax:not([hidden]) .legend").is_visible()
    assert page.locator(".tax:not([hidden]) .text").is_visible()
    page.close()


def test_api_docs_load_offline(server, browser):
    page = _page(browser)
    page.goto(server + "/docs")
    page.get_by_text("/api/analyze", exact=True).first.wait_for(timeout=15000)
    page.screenshot(path=str(SHOTS / "api-docs.png"))
    page.close()
