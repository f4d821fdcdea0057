"""Bylines into people: drop "By", dates, e-mail, job titles and outlet names."""
from __future__ import annotations

import re
from functools import lru_cache

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
        if not raw:
            continue
        text = _by().sub("", re.sub(r"\s+", " ", raw)).strip()
        text = _date_words().sub("", _NOISE.sub("", text)).strip(" ,;|-–—")
        for part in _SPLIT.split(text):
            name = _by().sub("", part).strip(" .,:;|-–—\"'")
            if not name or any(ch.isdigit() for ch in name):
                continue
            tokens = name.split()
            if all(t.lower().strip(".") in titles for t in tokens) and out:
                continue  # "Jane Doe, Staff Reporter": the title part after a name
            if all(t.lower().strip(".:") in credits for t in tokens):
                continue  # "Courtesy", "Foto": a picture credit, no person
            if name.lower() in outlets or any(name.lower() == o.split(".")[0] for o in outlets):
                continue
            if len(tokens) > MAX_NAME_WORDS:
                continue
            if name.lower() not in (n.lower() for n in out):
                out.append(name)
    return out
