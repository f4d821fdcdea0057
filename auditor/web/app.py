"""The Starlette app: paste text, upload an HTML file, or give a URL, and get the HTML report;
compare up to four articles. Pages carry no scripts and are sent with a strict Content-Security-Policy."""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..config import Config
from ..errors import AuditorError, InputError
from ..report.html import CSS, esc
from .guard import AddressPolicy, fetch_public
from .ratelimit import RateLimiter

MAX_COMPARE = 4
FORM_CSS = """
form{border:1px solid var(--line);border-radius:.4rem;padding:.75rem 1rem;margin:1rem 0}
label{display:block;font-weight:600;margin:.5rem 0 .2rem}
textarea,input[type=url],input[type=text]{width:100%;font:inherit;padding:.4rem;border:1px solid #6b7280;border-radius:.3rem}
input[type=file]{font:inherit}
button{font:inherit;font-weight:600;margin-top:.75rem;padding:.4rem 1rem;border:2px solid var(--ink);border-radius:.3rem;
background:#fff;cursor:pointer}
button:focus,textarea:focus,input:focus{outline:3px solid #2563eb;outline-offset:1px}
fieldset{border:1px solid var(--line);border-radius:.3rem;margin:.5rem 0}
.error{border-left:4px solid #991b1b;padding:.5rem 1rem;background:#fef2f2}
.hint{color:var(--muted);font-size:.9rem;margin:.2rem 0}
"""
PAGE_CSS = CSS + FORM_CSS
PAGE_HASH = "sha256-" + base64.b64encode(hashlib.sha256(PAGE_CSS.encode("utf-8")).digest()).decode("ascii")
PAGE_CSP = (f"default-src 'none'; style-src '{PAGE_HASH}'; img-src data:; form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")
REPORT_CSP_HEADER = "default-src 'none'; style-src 'sha256-{}'; img-src data:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'"


@dataclass(frozen=True)
class Settings:
    allow_private: bool = False
    rate_limit: int = 20  # audits per client per window
    rate_window: float = 60.0
    fetch_timeout: float = 10.0
    max_fetch_bytes: int = 5_000_000
    max_upload_bytes: int = 5_000_000
    max_text_chars: int = 500_000
    max_redirects: int = 5


def _headers(csp: str) -> dict[str, str]:
    return {"Content-Security-Policy": csp, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
            "X-Frame-Options": "DENY", "Cache-Control": "no-store"}


def _report_csp() -> str:
    from ..report.html import CSS_HASH
    return REPORT_CSP_HEADER.format(CSS_HASH.split("-", 1)[1])


def page(title: str, body: str, status: int = 200, extra_headers: dict[str, str] | None = None) -> HTMLResponse:
    doc = ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           f"<title>{esc(title)}</title>\n<style>{PAGE_CSS}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n")
    return HTMLResponse(doc, status_code=status, headers={**_headers(PAGE_CSP), **(extra_headers or {})})


def report(markup: str) -> HTMLResponse:
    return HTMLResponse(markup, headers=_headers(_report_csp()))


def error(message: str, status: int = 400, extra_headers: dict[str, str] | None = None) -> HTMLResponse:
    body = (f'<h1>Cannot make the report</h1><p class="error" role="alert">{esc(message)}</p>'
            '<p><a href="/">Back to the form</a></p>')
    return page("Cannot make the report", body, status, extra_headers)


INDEX = """
<header><p class="kicker">Article audit</p><h1>Audit a news article</h1>
<p>Paste an article, upload a saved web page, or give an address. The report highlights loaded words,
vague sourcing and framing, tells the writer's voice apart from quotations, and explains its score.
It does not check facts.</p></header>

<section aria-labelledby="h-paste"><h2 id="h-paste">Paste the text</h2>
<form method="post" action="/audit/text">
<label for="paste-title">Headline (optional)</label><input type="text" id="paste-title" name="title" maxlength="500">
<label for="paste-text">Article text</label>
<textarea id="paste-text" name="text" rows="12" required></textarea>
<p class="hint" id="paste-hint">End with the author's bio paragraph, if there is one, so it is recognised.</p>
<button type="submit">Audit the text</button>
</form></section>

<section aria-labelledby="h-upload"><h2 id="h-upload">Upload a saved page</h2>
<form method="post" action="/audit/upload" enctype="multipart/form-data">
<label for="upload-file">HTML or text file (up to {max_mb} MB)</label>
<input type="file" id="upload-file" name="file" accept=".html,.htm,.txt,.md,text/html,text/plain" required>
<button type="submit">Audit the file</button>
</form></section>

<section aria-labelledby="h-url"><h2 id="h-url">Give an address</h2>
<form method="post" action="/audit/url">
<label for="url-input">Article address (http or https)</label>
<input type="url" id="url-input" name="url" required placeholder="https://">
<p class="hint">The server fetches the page once; addresses on private or local networks are refused.</p>
<button type="submit">Fetch and audit</button>
</form></section>

<section aria-labelledby="h-compare"><h2 id="h-compare">Compare up to four articles on the same story</h2>
<form method="post" action="/compare" enctype="multipart/form-data">
<p class="hint">For each article give an address, a file or the text; at least two articles.</p>
{slots}
<button type="submit">Compare</button>
</form></section>
"""


def index_page(settings: Settings) -> str:
    slots = "".join(
        f'<fieldset><legend>Article {letter}</legend>'
        f'<label for="c{i}-url">Address of article {letter}</label><input type="url" id="c{i}-url" name="url{i}" placeholder="https://">'
        f'<label for="c{i}-file">or a file for article {letter}</label><input type="file" id="c{i}-file" name="file{i}" '
        f'accept=".html,.htm,.txt,.md,text/html,text/plain">'
        f'<label for="c{i}-text">or the text of article {letter}</label><textarea id="c{i}-text" name="text{i}" rows="4"></textarea>'
        f'</fieldset>' for i, letter in enumerate("ABCD", 1))
    return INDEX.replace("{slots}", slots).replace("{max_mb}", f"{settings.max_upload_bytes / 1_000_000:g}")


class Auditing:
    """Turns form input into audits; all network access goes through the address policy."""

    def __init__(self, settings: Settings, config: Config | None, policy: AddressPolicy):
        self.settings, self.config, self.policy = settings, config, policy

    def text(self, text: str, title: str | None = None) -> Any:
        from ..audit import audit_text
        if len(text) > self.settings.max_text_chars:
            raise InputError("pasted text", f"longer than {self.settings.max_text_chars} characters")
        if not text.strip():
            raise InputError("pasted text", "it is empty")
        meta = {"title": title} if title and title.strip() else {}
        return audit_text(text, location="pasted text", config=self.config, **meta)

    def data(self, data: bytes, name: str) -> Any:
        from ..audit import audit_html, audit_text
        if not data.strip():
            raise InputError(name, "the file is empty")
        if name.lower().endswith((".html", ".htm", ".xhtml")) or data.lstrip()[:1] == b"<":
            return audit_html(data, location=name, config=self.config)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", "replace")
        return audit_text(text, markdown=name.lower().endswith((".md", ".markdown")), location=name, config=self.config)

    def url(self, url: str) -> Any:
        from ..audit import audit_html, audit_text
        url = url.strip()
        s = self.settings
        fetched = fetch_public(url, self.policy, timeout=s.fetch_timeout, max_bytes=s.max_fetch_bytes,
                               max_redirects=s.max_redirects)
        if "html" in fetched.content_type or fetched.content.lstrip()[:1] == b"<" or not fetched.content_type:
            return audit_html(fetched.content, url=fetched.url, location=url, config=self.config)
        return audit_text(fetched.content.decode("utf-8", "replace"), location=url, url=fetched.url,
                          config=self.config)


async def _read_upload(upload: UploadFile, limit: int) -> bytes:
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise InputError(upload.filename or "upload", f"the file is larger than {limit} bytes")
    return data


def create_app(*, allow_private: bool = False, config: Config | None = None, settings: Settings | None = None,
               policy: AddressPolicy | None = None) -> Starlette:
    """The web app. `allow_private` lets URL fetching reach private and local addresses (tests, local use)."""
    settings = settings or Settings(allow_private=allow_private)
    policy = policy or AddressPolicy(allow_private=settings.allow_private or allow_private)
    auditing = Auditing(settings, config, policy)
    limiter = RateLimiter(settings.rate_limit, settings.rate_window)
    body_limit = settings.max_upload_bytes * MAX_COMPARE + 1_000_000

    async def home(request: Request) -> Response:
        return page("Audit a news article", index_page(settings))

    def guarded(handler):
        async def endpoint(request: Request) -> Response:
            client = request.client.host if request.client else "unknown"
            wait = limiter.allow(client)
            if wait is not None:
                return error(f"Too many requests from {client}: at most {settings.rate_limit} audits every "
                             f"{settings.rate_window:g} seconds. Try again in {int(wait) + 1} seconds.",
                             429, {"Retry-After": str(int(wait) + 1)})
            declared = request.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > body_limit:
                return error(f"The request is larger than {body_limit} bytes.", 413)
            try:
                return await handler(request)
            except AuditorError as exc:
                return error(f"Cannot audit {exc}")
        return endpoint

    async def audit_text_form(request: Request) -> Response:
        from ..report.html import render
        form = await request.form(max_files=0, max_fields=10, max_part_size=settings.max_text_chars * 4)
        text = form.get("text")
        if not isinstance(text, str):
            return error("Paste the article text into the form.")
        title = form.get("title")
        audit = await run_in_threadpool(auditing.text, text, title if isinstance(title, str) else None)
        return report(render(audit))

    async def audit_upload(request: Request) -> Response:
        from ..report.html import render
        form = await request.form(max_files=1, max_fields=5)
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            return error("Choose an HTML or text file to upload.")
        data = await _read_upload(upload, settings.max_upload_bytes)
        audit = await run_in_threadpool(auditing.data, data, upload.filename or "upload")
        return report(render(audit))

    async def audit_url_form(request: Request) -> Response:
        from ..report.html import render
        form = await request.form(max_files=0, max_fields=5)
        url = form.get("url")
        if not isinstance(url, str) or not url.strip():
            return error("Give the article's address.")
        audit = await run_in_threadpool(auditing.url, url)
        return report(render(audit))

    async def compare_form(request: Request) -> Response:
        from ..compare import compare
        from ..report.html import render_comparison
        form = await request.form(max_files=MAX_COMPARE, max_fields=3 * MAX_COMPARE + 5,
                                  max_part_size=settings.max_text_chars * 4)
        audits = []
        for i in range(1, MAX_COMPARE + 1):
            url, upload, text = form.get(f"url{i}"), form.get(f"file{i}"), form.get(f"text{i}")
            if isinstance(url, str) and url.strip():
                audits.append(await run_in_threadpool(auditing.url, url))
            elif isinstance(upload, UploadFile) and upload.filename:
                data = await _read_upload(upload, settings.max_upload_bytes)
                audits.append(await run_in_threadpool(auditing.data, data, upload.filename))
            elif isinstance(text, str) and text.strip():
                audits.append(await run_in_threadpool(auditing.text, text))
        if len(audits) < 2:
            return error("Give at least two articles to compare (an address, a file or the text for each).")
        return report(render_comparison(compare(audits)))

    routes = [
        Route("/", home, methods=["GET"]),
        Route("/audit/text", guarded(audit_text_form), methods=["POST"]),
        Route("/audit/upload", guarded(audit_upload), methods=["POST"]),
        Route("/audit/url", guarded(audit_url_form), methods=["POST"]),
        Route("/compare", guarded(compare_form), methods=["POST"]),
    ]
    return Starlette(routes=routes)
