"""`auditor serve`: the web app through Starlette's TestClient, and URL fetching that refuses the
server's own network (every DNS answer, every redirect hop)."""
from __future__ import annotations

import ipaddress
import re
import threading
import warnings
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*starlette.testclient.*")
from starlette.testclient import TestClient  # noqa: E402

from auditor.web.app import Settings, create_app  # noqa: E402
from auditor.web.guard import AddressPolicy, address_kind, fetch_public  # noqa: E402
from auditor.errors import FetchError  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ("Council approves water contract\n\nThe regime slammed its critics on Tuesday. Critics say the deal "
           "was rushed.\n\n\"It is a fair deal,\" said Ana Torres, the mayor.\n")
LOCAL_PAGE = (b"<!DOCTYPE html><html><head><title>Local page headline</title></head><body><article>"
              b"<h1>Local page headline</h1><p>The council met on Tuesday and approved the contract after a "
              b"long debate about the cost of the plant and its repairs.</p></article></body></html>")


def message(response) -> str:
    found = re.search(r'role="alert">(.*?)</p>', response.text, re.S)
    return found.group(1) if found else ""


@pytest.fixture()
def client():
    with TestClient(create_app()) as c:
        yield c


class _Handler(BaseHTTPRequestHandler):
    hosts: list[str] = []

    def do_GET(self):  # noqa: N802
        type(self).hosts.append(self.headers.get("Host", ""))
        targets = {"/to-metadata": "http://169.254.169.254/latest/meta-data/", "/to-private": "http://10.0.0.1/",
                   "/to-article": "/article"}
        if self.path in targets:
            self.send_response(302)
            self.send_header("Location", targets[self.path])
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(LOCAL_PAGE)))
        self.end_headers()
        self.wfile.write(LOCAL_PAGE)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def local_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class Labels(HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields, self.labels, self.forms = [], set(), 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms += 1
        if tag in ("input", "textarea", "select") and a.get("type") not in ("hidden", "submit"):
            self.fields.append(a.get("id"))
        if tag == "label":
            self.labels.add(a.get("for"))


def test_home_page_labels_every_input_and_sends_a_csp(client):
    response = client.get("/")
    assert response.status_code == 200
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "form-action 'self'" in csp
    parser = Labels()
    parser.feed(response.text)
    assert parser.forms == 4  # paste, upload, URL, compare
    assert parser.fields and all(f in parser.labels for f in parser.fields), parser.fields
    assert "<script" not in response.text


def test_pasted_article_gets_the_html_report(client):
    response = client.post("/audit/text", data={"text": ARTICLE, "title": "<b>Council</b> approves"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'none'" in response.headers["content-security-policy"]
    page = response.text
    assert "The article, annotated" in page and "Transparency checklist" in page and "Source map" in page
    assert "&lt;b&gt;Council&lt;/b&gt; approves" in page and "<b>Council</b>" not in page
    assert "Ana Torres" in page


@pytest.mark.parametrize("url, expected", [
    ("http://127.0.0.1/admin", "refused: 127.0.0.1 is a loopback address"),
    ("http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a link-local address"),
    ("http://[::1]:8000/", "refused: ::1 is a loopback address"),
    ("http://[::ffff:127.0.0.1]/", "refused: ::ffff:7f00:1 is a loopback address"),
    ("http://10.0.0.7/", "refused: 10.0.0.7 is a private address"),
    ("http://0.0.0.0:8000/", "refused: 0.0.0.0 is an unspecified address"),
    ("http://224.0.0.1/", "refused: 224.0.0.1 is a multicast address"),
    ("ftp://example.org/x", "only http and https URLs can be fetched"),
])
def test_url_fetching_refuses_the_servers_own_network(client, url, expected):
    response = client.post("/audit/url", data={"url": url})
    assert response.status_code == 400
    assert expected in message(response), message(response)


def test_every_dns_answer_is_checked():
    answers = {"mixed.example": ["93.184.216.34", "10.1.2.3"], "public.example": ["93.184.216.34"]}
    policy = AddressPolicy(resolver=lambda host, port: answers[host])
    with pytest.raises(FetchError, match=r"refused: mixed.example resolves to 10.1.2.3, a private address"):
        policy.addresses("http://mixed.example/")
    assert [str(ip) for ip in policy.addresses("https://public.example/")] == ["93.184.216.34"]
    with TestClient(create_app(policy=policy)) as c:
        response = c.post("/audit/url", data={"url": "http://mixed.example/story"})
    assert "refused: mixed.example resolves to 10.1.2.3, a private address" in message(response)


def test_address_kinds():
    assert address_kind(ipaddress.ip_address("8.8.8.8")) is None
    assert address_kind(ipaddress.ip_address("100.64.0.1")) == "a non-public address"  # carrier-grade NAT
    assert address_kind(ipaddress.ip_address("fe80::1")) == "a link-local address"
    assert address_kind(ipaddress.ip_address("fc00::1")) == "a private address"


def test_redirects_are_checked_hop_by_hop(local_server):
    # the local test server itself is allowed; where it redirects to is not
    policy = AddressPolicy(allowed_networks=(ipaddress.ip_network("127.0.0.0/8"),))
    fetched = fetch_public(f"{local_server}/to-article", policy, timeout=5)
    assert fetched.status == 200 and fetched.url.endswith("/article")
    with pytest.raises(FetchError, match="refused: 169.254.169.254 is a link-local address"):
        fetch_public(f"{local_server}/to-metadata", policy, timeout=5)
    with TestClient(create_app(policy=policy)) as c:
        response = c.post("/audit/url", data={"url": f"{local_server}/to-private"})
    assert "refused: 10.0.0.1 is a private address" in message(response)


def test_connection_goes_to_the_checked_address_with_the_original_host(local_server):
    port = local_server.rsplit(":", 1)[1]
    policy = AddressPolicy(resolver=lambda host, p: ["127.0.0.1"], allowed_networks=(ipaddress.ip_network("127.0.0.1/32"),))
    _Handler.hosts.clear()
    fetched = fetch_public(f"http://news.test:{port}/article", policy, timeout=5)
    assert fetched.status == 200 and _Handler.hosts == [f"news.test:{port}"]


def test_allow_private_fetches_a_local_page(local_server):
    with TestClient(create_app(allow_private=True)) as c:
        response = c.post("/audit/url", data={"url": f"{local_server}/article"})
    assert response.status_code == 200, message(response)
    assert "Local page headline" in response.text


def test_rate_limit_per_client():
    with TestClient(create_app(settings=Settings(rate_limit=3))) as c:
        codes = [c.post("/audit/text", data={"text": ARTICLE}).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        limited = c.post("/audit/text", data={"text": ARTICLE})
        assert limited.status_code == 429 and int(limited.headers["retry-after"]) > 0
        assert "Too many requests" in message(limited)
        assert c.get("/").status_code == 200  # reading the form is not limited


def test_upload_html_file(client):
    page = (ROOT / "examples" / "wire-report.html").read_bytes()
    response = client.post("/audit/upload", files={"file": ("wire-report.html", page, "text/html")})
    assert response.status_code == 200
    assert "Riverton council approves water plant contract" in response.text
    assert "wire-report.html" in response.text


def test_upload_hostile_file_stays_escaped(client):
    hostile = (ROOT / "tests" / "fixtures" / "hostile.html").read_bytes()
    response = client.post("/audit/upload", files={"file": ("<img src=x onerror=alert(1)>.html", hostile, "text/html")})
    assert response.status_code == 200
    assert "<script" not in response.text and "<img" not in response.text
    assert "&lt;img src=x onerror=alert(1)&gt;.html" in response.text


def test_upload_too_large_is_refused():
    with TestClient(create_app(settings=Settings(max_upload_bytes=1000))) as c:
        response = c.post("/audit/upload", files={"file": ("big.txt", b"word " * 1000, "text/plain")})
    assert response.status_code == 400 and "larger than 1000 bytes" in message(response)


def test_compare_up_to_four(client):
    wire = (ROOT / "examples" / "wire-report.html").read_bytes()
    response = client.post("/compare", data={"text1": ARTICLE, "text3": "The regime slammed the plan.\n\nMore text."},
                           files={"file2": ("wire.html", wire, "text/html")})
    assert response.status_code == 200, message(response)
    assert "3 articles compared" in response.text and "Loaded terms each uses" in response.text
    single = client.post("/compare", data={"text1": ARTICLE})
    assert single.status_code == 400 and "at least two" in message(single)


def test_serve_command_is_registered():
    from auditor.cli import build_parser
    parser, handlers = build_parser()
    args = parser.parse_args(["serve"])
    assert "serve" in handlers and (args.host, args.port, args.allow_private) == ("127.0.0.1", 8000, False)
