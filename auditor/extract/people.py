"""Bylines into people: drop "By", dates, e-mail, job titles and outlet names."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..resources import word_list, words

_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\by\b|\bet\b|\|)\s*", re.IGNORECASE)


@lru_cache(maxsize=1)
def _by() -> re.Pattern:
    """The word a byline opens with ("By", "Written by", "Von", "Par"): `byline_prefixes` in
    rules/resources/extraction.yaml."""
    prefixes = sorted(word_list("extraction", "byline_prefixes"), key=len, reverse=True)
    alternation = "|".join(r"\s+".join(map(re.escape, p.split())) for p in prefixes) or "(?!)"
    return re.compile(rf"^\s*(?:{alternation})(?:[:\s]+|$)", re.IGNORECASE)


_NOISE = re.compile(r"\b(?:updated|published|posted)\b.*$|\S+@\S+|https?://\S+|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}.*$"
                    r"|\b\d{4}\b.*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _date_words() -> re.Pattern:
    """A date in words ends a byline's names: a month before a day ("Mar. 4", "March 4") or a weekday
    (`byline_months`, `byline_weekdays` in rules/resources/extraction.yaml)."""
    months = "|".join(map(re.escape, word_list("extraction", "byline_months"))) or "(?!)"
    weekdays = "|".join(map(re.escape, word_list("extraction", "byline_weekdays"))) or "(?!)"
    return re.compile(rf"\b(?:{months})[a-z]*\.?\s+\d{{1,2}}\b.*$|\b(?:{weekdays})\b.*$", re.IGNORECASE)


MAX_NAME_WORDS = 5


def clean_authors(raw_values: list[str], outlet_names: list[str]) -> list[str]:
    """People named by a list of raw byline strings, in order, without duplicates."""
    outlets = {o.strip().lower() for o in outlet_names if o}
    titles = words("extraction", "byline_titles")
    credits = words("extraction", "byline_credits")
    out: list[str] = []
    for raw in raw_values:
        for name in _name_parts(raw):
            if any(ch.isdigit() for ch in name):
                continue
            tokens = name.split()
            if all(t.lower().strip(".") in titles for t in tokens) and out:
                continue  # "Jane Doe, Staff Reporter": the title part after a name
            if all(t.lower().strip(".:") in credits for t in tokens) or (
                    tokens[0].endswith(":") and tokens[0].lower().strip(".:") in credits):
                continue  # "Courtesy", "Foto", "Fotos: The Daily": a picture credit, no person
            if name.lower() in outlets or any(name.lower() == o.split(".")[0] for o in outlets):
                continue
            name = _without_agency(name)
            if not _is_person(name):
                continue
            tokens = name.split()
            if len(tokens) > MAX_NAME_WORDS:
                continue
            if name.lower() not in (n.lower() for n in out):
                out.append(name)
    # "Jane Doe Games Editor" or "Jane Doe Daily Courier" beside "Jane Doe": the name run into a job
    # title or the outlet's name ("Jane Doe Reina" beside "Jane Doe" is a fuller name, and stays)
    roles, agencies = words("extraction", "byline_roles"), words("extraction", "byline_agencies")

    def run_on(name: str) -> bool:
        for other in out:
            if other != name and name.lower().startswith(other.lower() + " "):
                tail = name[len(other):].strip().lower()
                if tail.split()[-1] in roles or tail in outlets or _key(tail) in agencies:
                    return True
        return False

    return [n for n in out if not run_on(n)]


def credits_no_person(raw_values: list[str]) -> bool:
    """True when the bylines credit only agencies and desks ("Reuters", "Staff Reports"): the page has
    said who wrote it, and no person."""
    parts = [name for raw in raw_values for name in _name_parts(raw)]
    return bool(parts) and not any(_is_person(_without_agency(name)) for name in parts)


def _name_parts(raw: str | None) -> Iterator[str]:
    """The names a raw byline lists, each without "By", dates, e-mail and the punctuation around it."""
    if not raw:
        return
    text = _by().sub("", re.sub(r"\s+", " ", raw)).strip()
    text = _date_words().sub("", _NOISE.sub("", text)).strip(" ,;|-–—")
    for part in _SPLIT.split(text):
        name = _by().sub("", part).strip(" .,:;|-–—\"'")
        if name:
            yield name


def _key(words_: str) -> str:
    """A name compared with the agency list: lower case, dots dropped, hyphens as spaces."""
    return " ".join(words_.lower().replace(".", "").replace("-", " ").split())


def _without_agency(name: str) -> str:
    """The name before a wire agency that ends it ("Jane Doe Associated Press", also run together as
    "JANE DOEAssociated Press" when two page elements touch), or the name itself."""
    key = _key(name)
    for agency in words("extraction", "byline_agencies"):
        if key != agency and key.endswith(agency) and (
                key[-len(agency) - 1] == " " or " " in agency):  # "Rajani" does not end with "ani"
            rest = name[:len(name) - _tail_length(name, len(agency.replace(" ", "")))].strip(" ,;|/-–—")
            if len(rest.split()) >= 2:
                return rest
    return name


def _tail_length(name: str, letters: int) -> int:
    """How many characters at the end of `name` hold its last `letters` letters and digits."""
    count = 0
    for k in range(len(name) - 1, -1, -1):
        if name[k].isalnum():
            count += 1
            if count == letters:
                return len(name) - k
    return len(name)


def _is_person(name: str) -> bool:
    """False for an agency, a desk or team, a list of credentials or a bare job title."""
    key = _key(name)
    if key in words("extraction", "byline_agencies"):
        return False
    tokens = key.split()
    if any(t in words("extraction", "byline_desks") for t in tokens):
        return False
    if all(t in words("extraction", "byline_credentials") for t in tokens):
        return False
    if tokens and tokens[-1] in words("extraction", "byline_roles"):
        if len(tokens) < 3 or tokens[0] in words("extraction", "byline_agencies"):
            return False
    return True
