"""Plain text and Markdown into an Article: title, body, trailing bio and page debris."""
from __future__ import annotations

import re

from ..model import Article, Link
from ..resources import words

MAX_TEXT_CHARS = 2_000_000
_MD_LINK = re.compile(r"\[([^\]\n]{1,500})\]\((https?://[^)\s]{1,2000})\)")
_BIO = re.compile(r"^((?:[A-Z][\w.’'-]+\s+){1,3}[A-Z][\w’'-]+)\s+(?:is|was|has been|writes|covers|reports)\b")


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\ufeff", "")
    return re.sub(r"[ \t]+\n", "\n", text)[:MAX_TEXT_CHARS]


def split_title(lines: list[str]) -> tuple[str | None, list[str]]:
    if len(lines) < 2:
        return None, lines
    first = lines[0].strip()
    md = first.startswith("#")
    candidate = first.lstrip("#").strip()
    words_n = len(candidate.split())
    if md or (0 < words_n <= 25 and len(candidate) <= 200 and not re.search(r"[.,;:]$", candidate)):
        return candidate, lines[1:]
    return None, lines


def split_bio(paragraphs: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(body paragraphs, bios, authors): a trailing "X is a journalist who …" paragraph is a bio."""
    roles = words("extraction", "bio_roles")
    bios: list[str] = []
    authors: list[str] = []
    while paragraphs:
        last = paragraphs[-1].strip()
        m = _BIO.match(last)
        first_sentence = re.split(r"(?<=[.!?])\s", last, maxsplit=1)[0].lower()
        if m and any(re.search(rf"\b{re.escape(r)}s?\b", first_sentence) for r in roles) and len(last.split()) < 250:
            bios.insert(0, last)
            authors.insert(0, m.group(1).strip())
            paragraphs = paragraphs[:-1]
        else:
            break
    return paragraphs, bios, authors


def drop_debris(lines: list[str]) -> list[str]:
    debris = words("extraction", "debris_lines")
    while lines and (not lines[-1].strip() or lines[-1].strip().strip(":.()0123456789 ").lower() in debris):
        lines = lines[:-1]
    return lines


def from_text(text: str, markdown: bool = False, location: str | None = None) -> Article:
    text = normalise(text).strip("\n")
    lines = drop_debris(text.split("\n"))
    title, lines = split_title(lines)
    body = "\n".join(lines).strip("\n")
    links: list[Link] = []
    blockquotes: list[tuple[int, int]] = []
    if markdown:
        body, links, blockquotes = _markdown_body(body)
    paragraphs = [p for p in re.split(r"\n", body)]
    kept, bios, authors = split_bio([p for p in paragraphs if p.strip()] if paragraphs else [])
    if bios:
        # cut the bio paragraphs off the end of the body
        cut = body.rfind(bios[0])
        body = body[:cut].rstrip("\n") if cut != -1 else body
    return Article(text=body, title=title, authors=tuple(authors), author_bios=tuple(bios),
                   links=tuple(l for l in links if l.end <= len(body)),
                   blockquotes=tuple(b for b in blockquotes if b[1] <= len(body)),
                   input_kind="markdown" if markdown else "text", location=location)


def _markdown_body(body: str) -> tuple[str, list[Link], list[tuple[int, int]]]:
    out_lines: list[str] = []
    quotes: list[tuple[int, int]] = []
    links: list[Link] = []
    offset = 0
    for line in body.split("\n"):
        is_quote = line.lstrip().startswith(">")
        line = re.sub(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+)", "", line)
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
        pieces: list[str] = []
        pos = 0
        col = 0
        for m in _MD_LINK.finditer(line):
            pieces.append(line[pos:m.start()])
            col += m.start() - pos
            anchor = m.group(1)
            links.append(Link(m.group(2), anchor, offset + col, offset + col + len(anchor)))
            pieces.append(anchor)
            col += len(anchor)
            pos = m.end()
        pieces.append(line[pos:])
        clean = "".join(pieces)
        if is_quote and clean.strip():
            quotes.append((offset, offset + len(clean)))
        out_lines.append(clean)
        offset += len(clean) + 1
    return "\n".join(out_lines), links, quotes
