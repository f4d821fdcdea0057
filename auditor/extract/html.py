"""HTML into an Article: body from trafilatura, metadata from JSON-LD, OpenGraph/meta tags,
rel=author links and visible byline and author-bio blocks."""
from __future__ import annotations

import json
import re
import threading
import unicodedata
from functools import lru_cache
from typing import Any, Iterable

import lxml.html
import tldextract
import trafilatura
from lxml import etree

from ..errors import ExtractionError
from ..model import Article, Link, Outlet
from ..resources import resource, word_list
from .people import clean_authors, credits_no_person
from .text import drop_debris, split_bio

MAX_HTML_BYTES = 15_000_000
_SPACES = re.compile(r"\s+")
# The whitespace characters other than the plain space (those str.isspace() and the pattern \s know)
_OTHER_SPACES = tuple(chr(c) for c in range(0x3001) if chr(c).isspace() and c != 0x20)
_FULL_DOCUMENT = re.compile(r"<(?:html|body|head)\b", re.IGNORECASE)
_BLOCKS = {"p", "head", "list", "item", "quote", "table", "row", "cell", "code", "lb"}


@lru_cache(maxsize=1)
def _tld() -> tldextract.TLDExtract:
    # the bundled public suffix list: no network at run time
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


def registered_domain(url: str | None) -> str | None:
    if not url:
        return None
    result = _tld()(url)
    if result.top_domain_under_public_suffix:
        return result.top_domain_under_public_suffix
    # a host outside the public suffix list (an intranet or reserved name): the host without "www."
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip(), flags=re.IGNORECASE).split("/")[0].split("@")[-1]
    host = host.split(":")[0].lower().strip(".")
    host = host[4:] if host.startswith("www.") else host
    return host if "." in host and not host.replace(".", "").isdigit() else None


def from_html(html: str | bytes, url: str | None = None, location: str | None = None) -> Article:
    if isinstance(html, bytes) and len(html) > MAX_HTML_BYTES or isinstance(html, str) and len(html) > MAX_HTML_BYTES:
        raise ExtractionError(location or url or "<html>", f"page is larger than {MAX_HTML_BYTES} bytes")
    tree = load_page(html)
    if tree is None and _FULL_DOCUMENT.search(html[:2000] if isinstance(html, str)
                                               else html[:2000].decode("latin-1")) is None:
        # a fragment (an article's <div> saved on its own): trafilatura takes whole documents only
        tree = load_page(b"<html><body>%s</body></html>" % html if isinstance(html, bytes)
                         else f"<html><body>{html}</body></html>")
    if tree is None:
        raise ExtractionError(location or url or "<html>", "not parseable as HTML")
    meta = _metadata(tree, url, _spelled_markers(html))
    # Reader comments: trafilatura moves them out of the body into doc.comments, which the audit
    # never reads. (Turning them off instead makes trafilatura prune copies of the tree: slower, and
    # the body comes out the same.) Only the body tree is read: an output format other than "python"
    # spares trafilatura rendering body and comments as plain text (about 1% of its work); the tree
    # is the same whatever the format.
    doc = trafilatura.bare_extraction(tree, url=url, include_links=True, include_comments=True,
                                      include_tables=True, with_metadata=False, output_format="xml")
    if doc is None or getattr(doc, "body", None) is None:
        raise ExtractionError(location or url or "<html>", "no article text found on the page")
    text, links, quotes = _body_text(doc.body)
    text, links, quotes, bios_in_body, bio_authors = _trim_body(text, links, quotes, meta)
    if not text.strip():
        raise ExtractionError(location or url or "<html>", "no article text found on the page")
    page_url = url or meta.get("url")
    domain = registered_domain(page_url)
    site_name = meta.get("site_name")
    outlets = _outlet_names(meta) + [domain or ""]
    authors = clean_authors(meta.get("authors", []), outlets) or clean_authors(bio_authors, outlets)
    bios: list[str] = []
    for bio in meta.get("bios", []) + bios_in_body:
        bio = re.sub(r"^(?:about the author|about|author|the author)\s*[:.\-–—]?\s+", "", bio, flags=re.IGNORECASE)
        # one bio per person: of two that open with the same name, keep the fuller one
        same = next((i for i, kept in enumerate(bios) if bio in kept or kept in bio
                     or kept.split()[:2] == bio.split()[:2]), None)
        if same is None:
            bios.append(bio)
        elif len(bio) > len(bios[same]):
            bios[same] = bio
    return Article(
        text=text, title=meta.get("title"), url=page_url,
        outlet=Outlet(domain, site_name or meta.get("publisher")),
        authors=tuple(authors), author_bios=tuple(bios),
        published=meta.get("published"), modified=meta.get("modified"), section=meta.get("section"),
        kind=_kind(meta, page_url), language=meta.get("language"),
        links=tuple(links), blockquotes=tuple(quotes), input_kind="html", location=location or url,
    )


# --- parsing ------------------------------------------------------------------------------------
# Pages are parsed as trafilatura.load_html parses them (its decoding and repairs, an lxml.html parser with
# the same options, the same test for what is no HTML at all), with one difference: how lxml makes the
# Python object for an element. lxml.html's parser asks a Python function for every element (forms,
# inputs and labels get classes of their own), and trafilatura touches thousands of elements a page, so
# that lookup is about 5% of the extraction's work (cachegrind). Here every element is a plain
# HtmlElement, chosen in C. trafilatura returns the same body from either tree (compared on 461 saved
# pages), and a page this parse rejects is handed to trafilatura.load_html itself.
_PARSERS = threading.local()  # a parser serves one parse at a time: one per thread


def _parser() -> lxml.html.HTMLParser:
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8",
                                      remove_comments=True, remove_pis=True)
        parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
            element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity))
        _PARSERS.parser = parser
    return parser


# A trafilatura without the helpers load_html is made of: its own loader parses every page
_OWN_PARSE = all(hasattr(trafilatura.utils, f) for f in ("decode_file", "repair_faulty_html", "is_dubious_html"))


def load_page(html: str | bytes) -> Any:
    """The page's lxml.html tree, or None when it is no HTML document."""
    utils = trafilatura.utils
    if not _OWN_PARSE:
        return utils.load_html(html)
    text = utils.decode_file(html)
    beginning = text[:50].lower()
    text = utils.repair_faulty_html(text, beginning)
    try:
        tree = lxml.html.fromstring(text, parser=_parser())
    except Exception:  # noqa: BLE001 - e.g. a str that declares its encoding, which lxml reads as bytes only
        tree = None
    if tree is None or len(tree) < 1:
        try:
            tree = lxml.html.fromstring(text.encode("utf-8", "surrogatepass"), parser=_parser())
        except Exception:  # noqa: BLE001 - nothing lxml can read: trafilatura's loader has the last word
            tree = None
    if tree is not None and utils.is_dubious_html(beginning) and len(tree) < 2:
        tree = None
    return tree if tree is not None else utils.load_html(html)


# --- body ---------------------------------------------------------------------------------------
def _body_text(body: Any) -> tuple[str, list[Link], list[tuple[int, int]]]:
    parts: list[str] = []
    links: list[Link] = []
    quotes: list[tuple[int, int]] = []
    length = 0

    def add_block(element: Any, in_quote: bool) -> None:
        if element.tag == "quote" and not in_quote:
            start = length + (2 if parts else 0)
            children = [c for c in element if c.tag in _BLOCKS]
            if children:
                for child in children:
                    add_block(child, True)
            else:
                add_paragraph(element)
            if length > start:
                quotes.append((start, length))
            return
        if element.tag in ("list", "table", "row") or (element.tag == "quote"):
            for child in element:
                add_block(child, in_quote)
            return
        add_paragraph(element)

    def add_paragraph(element: Any) -> None:
        nonlocal length
        # Whitespace from the page source (line wrapping inside a <p>) becomes one space; only an
        # explicit <br> (trafilatura's <lb>) keeps a line break.
        pieces: list[str] = []
        local_links: list[tuple[str, str, int]] = []
        pos = 0

        def add(piece: str) -> None:
            nonlocal pos
            piece = _one_space(piece)
            if pieces and pieces[-1].endswith((" ", "\n")) and piece.startswith(" "):
                piece = piece[1:]
            pieces.append(piece)
            pos += len(piece)

        add(element.text or "")
        for child in element:
            if child.tag == "lb":
                if pieces and pieces[-1].endswith(" "):
                    pieces[-1] = pieces[-1][:-1]
                    pos -= 1
                pieces.append("\n")
                pos += 1
            else:
                inner = _one_space("".join(child.itertext()))
                if child.tag == "ref" and child.get("target", "").startswith(("http://", "https://")):
                    local_links.append((child.get("target"), inner.strip(), pos))
                add(inner)
            add(child.tail or "")
        raw = "".join(pieces)
        lead = len(raw) - len(raw.lstrip())
        paragraph = re.sub(r" ?\n ?", "\n", raw.strip())
        if not paragraph:
            return
        prefix = 2 if parts else 0
        base = length + prefix
        for href, anchor_clean, at in local_links:
            found = paragraph.find(anchor_clean, max(0, at - lead - 20)) if anchor_clean else -1
            if found == -1 and anchor_clean:
                found = paragraph.find(anchor_clean)
            start = base + found if found != -1 else -1
            links.append(Link(href, anchor_clean, start, start + len(anchor_clean) if found != -1 else -1))
        parts.append(paragraph)
        length = base + len(paragraph)

    for element in body:
        add_block(element, False)
    return "\n\n".join(parts), links, quotes


def _one_space(text: str) -> str:
    """`text` with every run of whitespace made one space; most pieces of a page have none to change,
    and looking for one first costs a fraction of the substitution."""
    if "  " in text or any(map(text.__contains__, _OTHER_SPACES)):
        return _SPACES.sub(" ", text)
    return text


def _trim_body(text: str, links: list[Link], quotes: list[tuple[int, int]], meta: dict):
    """Drop a leading byline line, trailing page debris and a trailing bio paragraph."""
    paragraphs = text.split("\n\n")
    start_cut = 0
    title = (meta.get("title") or "").strip().lower()
    # kickers, repeated headlines, bylines and "Updated" stamps above the first real paragraph
    while len(paragraphs) > 1 and (
            re.match(r"^(?:by|von|por|par)\s+\S", paragraphs[0], re.IGNORECASE) and len(paragraphs[0].split()) <= 12
            or title and paragraphs[0].strip().lower() == title
            or len(paragraphs[0].split()) <= 6 and not re.search(r"[.!?\"”»]$", paragraphs[0].strip())):
        start_cut += len(paragraphs[0]) + 2
        paragraphs = paragraphs[1:]
    paragraphs = drop_debris(paragraphs)
    kept, bios, authors = split_bio(paragraphs)
    body = "\n\n".join(kept)
    end = start_cut + len(body)
    links = [Link(l.href, l.anchor, l.start - start_cut, l.end - start_cut) if start_cut <= l.start < end
             else Link(l.href, l.anchor, -1, -1) for l in links]
    quotes = [(s - start_cut, e - start_cut) for s, e in quotes if s >= start_cut and e <= end]
    return body, links, quotes, bios, authors


# --- metadata -----------------------------------------------------------------------------------
def _metadata(tree: Any, url: str | None, markers: frozenset[str] | None = None) -> dict[str, Any]:
    """`markers`: the byline and bio class names the page source spells (None: look for all of them)."""
    meta: dict[str, Any] = {"authors": [], "bios": []}
    # One walk over the tree collects the elements the metadata lives in (each XPath "//" is a walk)
    found: dict[str, list[Any]] = {"meta": [], "script": [], "link": [], "title": []}
    for element in tree.iter("meta", "script", "link", "title"):
        found[element.tag].append(element)
    _from_meta_tags(found, meta)
    _from_json_ld(found["script"], meta)
    _from_visible(tree, meta, markers)
    if not _names_someone(meta):
        meta["authors"].extend(_full_names(meta["authors_otherwise"]))  # Dublin Core, Parse.ly, …
    if not _names_someone(meta):
        _from_author_links(tree, meta)
    if not meta.get("title") and found["title"]:
        meta["title"] = re.sub(r"\s+", " ", found["title"][0].text or "").strip() or None
    lang = tree.xpath("/html/@lang")
    if lang and not meta.get("language"):
        meta["language"] = lang[0].split("-")[0].lower() or None
    return meta


_SURNAME_FIRST = re.compile(r"([^\W\d_][\w'’.-]*(?: [\w'’.-]+){0,2}), ([^\W\d_][\w'’.-]*(?: [\w'’.-]+){0,2})")
_JOINED = re.compile(r"\s*(?:;|&|\band\b)\s*")


def _names_someone(meta: dict) -> bool:
    """Whether the authors found so far name a person, or credit only an agency or a desk (an answer too)."""
    return bool(clean_authors(meta["authors"], _outlet_names(meta))) or credits_no_person(meta["authors"])


def _full_names(values: list[str]) -> list[str]:
    """Author names from catalogue-style tags (Dublin Core, Parse.ly): "Surname, Given" turned round, and
    only values whose every name has two words or more; a one-word value there is mostly a publication or
    a desk ("Mac & i"), which the byline, not the catalogue entry, should name."""
    names: list[str] = []
    for value in dict.fromkeys(values):
        turned = _SURNAME_FIRST.fullmatch(value)
        if turned:
            value = f"{turned.group(2)} {turned.group(1)}"
        if all(len(part.split()) >= 2 for part in _JOINED.split(value)):
            names.append(value)
    return names


def _first(values: list[str]) -> str | None:
    return values[0] if values else None


def _from_meta_tags(found: dict[str, list[Any]], meta: dict) -> None:
    tags: dict[str, list[str]] = {}
    for element in found["meta"]:
        if element.get("content") is None:
            continue
        key = (element.get("property") or element.get("name") or "").strip().lower()
        value = re.sub(r"\s+", " ", element.get("content") or "").strip()
        if key and value:
            tags.setdefault(key, []).append(value)

    def prop(name: str) -> list[str]:
        return tags.get(name, [])

    meta["title"] = _first(prop("og:title")) or _first(prop("twitter:title"))
    meta["site_name"] = _first(prop("og:site_name")) or _first(prop("application-name"))
    canonical = [re.sub(r"\s+", " ", link.get("href") or "").strip() for link in found["link"]
                 if link.get("rel") == "canonical"]
    meta["url"] = _first(prop("og:url")) or _first([c for c in canonical if c])
    meta["section"] = _first(prop("article:section"))
    meta["published"] = _first(prop("article:published_time")) or _first(prop("date")) or _first(prop("pubdate"))
    meta["modified"] = _first(prop("article:modified_time")) or _first(prop("og:updated_time"))
    authors = [a for name in word_list("extraction", "author_meta", "first") for a in prop(name)]
    meta["authors"].extend(a for a in authors if not a.startswith("http"))
    meta["authors_otherwise"] = [a for name in word_list("extraction", "author_meta", "otherwise")
                                 for a in prop(name) if not a.startswith("http")]
    meta["language"] = (_first(prop("og:locale")) or "").split("_")[0].lower() or None
    meta["og_type"] = _first(prop("og:type"))


def _json_objects(scripts: list[Any]) -> Iterable[dict]:
    for element in scripts:
        script = element.text
        if element.get("type") != "application/ld+json" or not script:
            continue
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.extend(reversed(item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]]))
                yield item


def _types(obj: dict) -> set[str]:
    t = obj.get("@type", [])
    return set(t if isinstance(t, list) else [t]) if isinstance(t, (str, list)) else set()


def _names(value: Any) -> list[dict]:
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        if isinstance(item, str):
            out.append({"name": item})
        elif isinstance(item, dict):
            out.append(item)
    return out


def _from_json_ld(scripts: list[Any], meta: dict) -> None:
    article_types = set(resource("extraction").get("article_types", ()))
    for obj in _json_objects(scripts):
        types = _types(obj)
        if not types & article_types:
            continue
        meta["ld_types"] = sorted(types)
        if isinstance(obj.get("headline"), str):
            meta["title"] = obj["headline"].strip() or meta.get("title")
        for key, target in (("datePublished", "published"), ("dateModified", "modified")):
            if isinstance(obj.get(key), str):
                meta[target] = obj[key].strip()
        section = obj.get("articleSection")
        if isinstance(section, list):
            section = next((s for s in section if isinstance(s, str)), None)
        if isinstance(section, str):
            meta["section"] = section.strip()
        if isinstance(obj.get("url"), str) and not meta.get("url"):
            meta["url"] = obj["url"]
        if isinstance(obj.get("inLanguage"), str):
            meta["language"] = obj["inLanguage"].split("-")[0].lower()
        ld_authors = []
        for person in _names(obj.get("author")):
            name = person.get("name")
            if not isinstance(name, str):
                continue
            if "Organization" in _types(person) or "NewsMediaOrganization" in _types(person):
                meta.setdefault("publisher", name)
                continue
            ld_authors.append(name)
            bio = person.get("description")
            if isinstance(bio, str) and bio.strip():
                meta["bios"].append(re.sub(r"\s+", " ", bio).strip())
        if ld_authors:
            meta["authors"] = ld_authors + meta["authors"]
        for publisher in _names(obj.get("publisher")):
            if isinstance(publisher.get("name"), str):
                meta["publisher"] = publisher["name"].strip()
                break


@lru_cache(maxsize=1)
def _page_markers() -> tuple[re.Pattern, re.Pattern, Any, Any]:
    """From `page_markers` in rules/resources/extraction.yaml: a pattern for byline classes, one for bio
    classes, and the XPaths that collect the elements that could carry either or only a bio.

    One XPath pass collects the candidates. Walking the attribute axis (//@class) visits only elements
    that have the attribute: about twice as fast as testing every element (//*[contains(@class, …)]) on
    large pages, with the same elements in document order. A name that contains another listed name
    ("author-bio" holds "author") needs no test of its own."""
    byline, byline_words, bio = _marker_lists()

    def alternation(names: list[str], whole: list[str] = ()) -> re.Pattern:
        parts = [re.escape(n) for n in names] + [rf"\b{re.escape(w)}\b" for w in whole]
        return re.compile("|".join(parts) or "(?!)", re.IGNORECASE)

    def contains(names: list[str]) -> str:
        kept = sorted(n for n in set(names) if not any(o != n and o in n for o in names))
        return " or ".join("contains(., '%s')" % n for n in kept) or "false()"

    everything = byline + byline_words + bio
    candidates = etree.XPath(f"//@class[{contains(everything)}]/.. | //@rel[. = 'author']/.. | "
                             "//@itemprop[. = 'author']/..")
    bio_candidates = etree.XPath(f"//@class[{contains(bio)}]/..")
    return alternation(byline, byline_words), alternation(bio), candidates, bio_candidates


def _marker_lists() -> tuple[list[str], list[str], list[str]]:
    """`page_markers` in rules/resources/extraction.yaml: byline classes, byline class words, bio classes
    (without apostrophes, which an XPath string literal cannot hold)."""
    def names(key: str) -> list[str]:
        return [n.replace("'", "") for n in word_list("extraction", "page_markers", key)]

    return names("byline_classes"), names("byline_class_words"), names("bio_classes")


@lru_cache(maxsize=1)
def _marker_names() -> tuple[frozenset[str], frozenset[str]]:
    """The class names _page_markers() searches for (all, and those of bios), as the XPaths compare them;
    "author" also stands for the rel and itemprop values they test."""
    byline, byline_words, bio = _marker_lists()
    return frozenset(byline + byline_words + bio + ["author"]), frozenset(bio)


def _spelled_markers(html: str | bytes) -> frozenset[str] | None:
    """Which marker class names occur anywhere in the page source: a name it never spells can mark no
    element, and the XPath that looks for it walks every class attribute of the page (most pages spell
    no bio class at all). None when the bytes are in an encoding ASCII names cannot be searched in."""
    everything = _marker_names()[0]
    if isinstance(html, bytes):
        if b"\x00" in html[:4096]:  # UTF-16 or UTF-32
            return None
        return frozenset(n for n in everything if n.encode("ascii", "ignore") in html)
    return frozenset(n for n in everything if n in html)


_MAX_BLOCK_CHARS = 2500


def _short_text(element: Any) -> str:
    """The element's text when it is short (a byline or a bio, not a whole page section), else ''."""
    pieces, size = [], 0
    for piece in element.itertext():
        size += len(piece)
        if size > _MAX_BLOCK_CHARS:
            return ""
        pieces.append(piece)
    return re.sub(r"\s+", " ", "".join(pieces)).strip()


def _outlet_names(meta: dict) -> list[str]:
    """The names the page gives its outlet: the site name, each part of one that joins several
    ("Harbour plan approved | The Coastline Courier"), and the publisher."""
    site = meta.get("site_name") or ""
    return [site, *re.split(r"\s+[|–—]\s+", site), meta.get("publisher") or ""]


def _from_visible(tree: Any, meta: dict, markers: frozenset[str] | None = None) -> None:
    """Bylines and bios printed on the page, looked for only where the structured metadata (JSON-LD,
    meta tags), which takes precedence, left them out, and only when the page source spells a class
    name that could mark them (`markers`; the XPaths compare class values case-sensitively, as written)."""
    outlets = _outlet_names(meta)
    # an outlet named as author is none; an agency or a desk ("Reuters", "Staff Reports") is the page's
    # answer, and a byline block elsewhere would only offer a dateline or a photo credit
    need_authors = not _names_someone(meta)
    need_bios = len(meta["bios"]) < max(1, len(meta["authors"]))
    if markers is not None:
        need_authors = need_authors and bool(markers)  # "author" itself is a marker (rel, itemprop)
        need_bios = need_bios and not markers.isdisjoint(_marker_names()[1])
    if not (need_authors or need_bios):
        return
    byline_class, bio_class, candidates, bio_candidates = _page_markers()
    rel_authors, itemprop, bylines = [], [], []
    for element in (candidates if need_authors else bio_candidates)(tree):
        cls = element.get("class", "") or ""
        text = _short_text(element)
        if not text:
            continue
        if element.get("rel") == "author":
            rel_authors.append(text)
        elif element.get("itemprop") == "author":
            names = element.xpath(".//*[@itemprop='name']")
            itemprop.extend(re.sub(r"\s+", " ", n.text_content()).strip() for n in names)
            if not names and len(text.split()) <= 16:
                bylines.append(text)
        if bio_class.search(cls):
            if 5 <= len(text.split()) <= 250 and text not in meta["bios"] and len(meta["bios"]) < 3:
                meta["bios"].append(text)
        elif byline_class.search(cls) and 0 < len(text.split()) <= 16:
            bylines.append(text)
    if not need_authors:
        return  # the structured metadata named them: names marked up elsewhere on the page (comments,
        # related stories, "more by") would only add strangers
    meta["authors"].extend(rel_authors + itemprop)
    if not clean_authors(meta["authors"], outlets):
        meta["authors"].extend(bylines[:3])


@lru_cache(maxsize=1)
def _author_link_finder() -> tuple[Any, re.Pattern]:
    """An XPath for links whose address holds an author-page segment (`author_link_segments` in
    rules/resources/extraction.yaml), and the pattern that checks the segment is followed by a name."""
    segments = [s for s in word_list("extraction", "author_link_segments") if s.isalnum()]
    test = " or ".join(f"contains(@href, '/{s}/')" for s in segments) or "false()"
    path = re.compile(rf"/(?:{'|'.join(map(re.escape, segments)) or '(?!)'})/[^/?#\s]*[^\W\d_][^/?#\s]*/?(?:[?#]|$)",
                      re.IGNORECASE)
    return etree.XPath(f"//a[{test}]"), path


_AUTHOR_BLOCK_CHARS = 300
_NOT_BYLINE_TAGS = frozenset({"nav", "footer", "aside"})  # HTML's own elements for menus and asides


@lru_cache(maxsize=1)
def _navigation() -> re.Pattern:
    """Class names of menus (`page_markers.navigation_classes` in rules/resources/extraction.yaml), as
    the start of a class or of one of its hyphen/underscore parts ("site-nav", "main-menu-item")."""
    names = "|".join(map(re.escape, word_list("extraction", "page_markers", "navigation_classes"))) or "(?!)"
    return re.compile(rf"(?:^|[\s_-])(?:{names})", re.IGNORECASE)


def _folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))


def _names_its_page(link: Any, author_path: re.Pattern) -> bool:
    """Whether a link goes to an author page named after its own text: most of the words of "Alex
    Bozarjian" are in "/newsteam/alex-bozarjian"; a column's name on a link to its writer's page
    ("Reflexiones de Fidel" → "/autor/fidel-castro-ruz") or a numbered profile is not a byline."""
    found = author_path.search(link.get("href") or "")
    if not found:
        return False
    navigation = _navigation()
    if any(a.tag in _NOT_BYLINE_TAGS or navigation.search(a.get("class") or "") for a in link.iterancestors()):
        return False  # a menu's link to a columnist's page
    address = _folded(found.group())
    words = re.findall(r"[^\W\d_]{3,}", _folded(link.text_content()))
    return bool(words) and 2 * sum(w in address for w in words) > len(words)


def _from_author_links(tree: Any, meta: dict) -> None:
    """When nothing else named the author: the names on links to author pages ("/author/jane-doe"), taken
    from the block that holds the first such link (a byline of several names), not from the whole page
    (a sidebar of other writers' links)."""
    find, author_path = _author_link_finder()
    links = [a for a in find(tree) if _names_its_page(a, author_path)]
    if not links:
        return
    block = links[0].getparent()
    block = block.getparent() if block is not None and block.getparent() is not None else block
    if block is None or len(_short_text(block)) > _AUTHOR_BLOCK_CHARS:
        chosen = links[:1]
    else:
        chosen = [a for a in links if any(parent is block for parent in a.iterancestors())]
    names = [re.sub(r"\s+", " ", a.text_content()).strip() for a in chosen[:4]]
    meta["authors"].extend(n for n in names if n and len(n.split()) <= 5)


def _kind(meta: dict, url: str | None) -> str:
    data = resource("extraction")
    by_type = data.get("kinds_by_type", {})
    by_section = data.get("kinds_by_section", {})
    types = meta.get("ld_types", [])
    for t in types:
        if t in by_type and by_type[t] != "news":
            return by_type[t]
    section = (meta.get("section") or "").strip().lower()
    for word in re.split(r"[\s/&|,]+", section):
        if word in by_section and by_section[word] != "news":
            return by_section[word]
    path = re.sub(r"^https?://[^/]+", "", url or "").lower()
    for segment in path.split("/")[:-1]:
        if segment in by_section and by_section[segment] != "news":
            return by_section[segment]
    if any(by_type.get(t) == "news" for t in types):
        return "news"
    return "unknown"
