"""Plain text and Markdown into an Article: title, body, trailing bio and page debris."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Article, Link
from ..resources import resource, word_list, words
from .people import clean_authors

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


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_WRITTEN_DATE = re.compile(r"(?:(\d{1,2})\s+([A-Za-z]{3,9})\.?|([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?)"
                           r"\s+(\d{4})")
_FRONT_LINES = 3  # lines under the title where a byline or a date line may stand


def _iso_date(text: str) -> str | None:
    """YYYY-MM-DD from "2024-03-05", "March 5, 2024", "Mar. 5, 2024" or "5 March 2024" (the whole text), or
    None when it is no date."""
    iso = _ISO_DATE.fullmatch(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    else:
        written = _WRITTEN_DATE.fullmatch(text)
        if not written:
            return None
        day_s, month_s = written.group(1, 2) if written.group(1) else written.group(4, 3)
        months = word_list("extraction", "byline_months")
        month_key = month_s.lower()[:3]
        if month_key not in months:
            return None
        year, month, day = int(written.group(5)), months.index(month_key) + 1, int(day_s)
    if not (1 <= month <= 12 and 1 <= day <= 31 and 1800 <= year <= 2200):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


@lru_cache(maxsize=1)
def _date_stamp() -> re.Pattern:
    """A date line: an optional stamp word (`date_stamps` in rules/resources/extraction.yaml), then the date."""
    stamps = word_list("extraction", "date_stamps", "published") + word_list("extraction", "date_stamps", "updated")
    stamp_words = "|".join(re.escape(w) for w in sorted(stamps, key=len, reverse=True)) or "(?!)"
    # "Published on …", "Veröffentlicht am …": the prepositions a date takes (byline_dangling)
    on = "|".join(re.escape(w) for w in word_list("extraction", "byline_dangling")) or "(?!)"
    return re.compile(rf"^(?:({stamp_words})\s*:?\s*(?:(?:{on})\s+)?)?(.+)$", re.IGNORECASE)


def split_front_matter(lines: list[str]) -> tuple[list[str], str | None, str | None, list[str]]:
    """(authors, published, modified, remaining lines): a byline ("By Jane Doe, Staff Writer") and date
    lines ("Published March 5, 2024", "2024-03-05") among the first lines of the body are metadata, not
    text. A line that is neither ends the search."""
    prefixes = sorted(word_list("extraction", "byline_prefixes"), key=len, reverse=True)
    updated = word_list("extraction", "date_stamps", "updated")
    authors: list[str] = []
    published = modified = None
    index, seen = 0, 0
    while index < len(lines) and seen < _FRONT_LINES:
        if not lines[index].strip(" *_"):
            index += 1
            continue
        front = _front_line(lines[index], prefixes)
        if front is None:
            break
        names, dates = front
        authors.extend(a for a in names if a not in authors)
        for stamp_word, day in dates:
            if stamp_word in updated:
                modified = modified or day
            else:
                published = published or day
        lines = lines[:index] + lines[index + 1:]
        seen += 1
    return authors, published, modified, lines


def _front_line(line: str, prefixes: list[str]) -> tuple[list[str], list[tuple[str, str]]] | None:
    """The authors and the (stamp word, YYYY-MM-DD) dates of a byline or date line, its parts split at
    "|" or "·"; None when any part is neither, or the line is too long to be one."""
    if len(line.split()) > 16:
        return None
    names: list[str] = []
    dates: list[tuple[str, str]] = []
    parts = [p.strip(" *_") for p in re.split(r"\s+[|·•]\s+", line.strip(" *_"))]
    for part in filter(None, parts):
        stamp = _date_stamp().match(part.rstrip("."))
        day = _iso_date(stamp.group(2).strip()) if stamp else None
        if day:
            dates.append(((stamp.group(1) or "").lower(), day))
            continue
        prefix = next((p for p in prefixes if part.lower().startswith(p + " ")), None)
        found = clean_authors([part], []) if prefix and part[len(prefix) + 1:][:1].isupper() else []
        if not found:
            return None
        names.extend(found)
    return names, dates


def _kind_label(title: str | None) -> str:
    """The kind a title's label states ("Opinion: …", "Analysis | …"), by the section words of
    rules/resources/extraction.yaml (kinds_by_section); "unknown" when it states none."""
    label = re.match(r"\s*([\w-]+)\s*[:|]\s+\S", title or "")
    kinds = resource("extraction").get("kinds_by_section", {})
    kind = kinds.get(label.group(1).lower()) if label else None
    return kind if isinstance(kind, str) else "unknown"


def from_text(text: str, markdown: bool = False, location: str | None = None) -> Article:
    text = normalise(text).strip("\n")
    lines = drop_debris(text.split("\n"))
    title, lines = split_title(lines)
    byline_authors, published, modified, lines = split_front_matter(lines)
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
    authors = byline_authors or authors
    return Article(text=body, title=title, authors=tuple(authors), author_bios=tuple(bios),
                   published=published, modified=modified, kind=_kind_label(title),
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
