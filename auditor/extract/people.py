"""Bylines into people: drop "By", dates, e-mail, job titles and outlet names."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ..resources import word_list, words

# Between names: commas, "and" in the languages of the pages, brackets, and a lower-case "with" ("Jane
# Doe with John Roe", "(avec Damien Leloup)")
_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\by\b|\bet\b|\||[()\[\]]|(?-i:\b(?:with|avec)\b))\s*",
                    re.IGNORECASE)
# What a byline's name part never is: a form label ("Name *"), a hashtag, markup; a phrase that opens in
# lower case ("additional reporting by …") or with "The" (a body: "The Harbour Board")
_NOT_A_NAME = re.compile(r"[*#=<>{}]|^(?:[a-z]+|[Tt]he|THE)\s")
# A full stop after a word (not an initial or "Jr.") followed by a capital: the name has ended and an
# affiliation follows ("Jane Doe. Harbour Institute")
_NAME_THEN_SENTENCE = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z])")


@lru_cache(maxsize=1)
def _dangling() -> re.Pattern:
    """A lower-case preposition left at the end of a name when a date was cut from after it ("Jane Doe at",
    "Veröffentlicht am"): `byline_dangling` in rules/resources/extraction.yaml."""
    alternation = "|".join(map(re.escape, word_list("extraction", "byline_dangling"))) or "(?!)"
    return re.compile(rf"\s+(?:{alternation})$")


@lru_cache(maxsize=1)
def _by() -> re.Pattern:
    """The word a byline opens with ("By", "Written by", "Von", "Par"): `byline_prefixes` in
    rules/resources/extraction.yaml."""
    prefixes = sorted(word_list("extraction", "byline_prefixes"), key=len, reverse=True)
    alternation = "|".join(r"\s+".join(map(re.escape, p.split())) for p in prefixes) or "(?!)"
    return re.compile(rf"^\s*(?:{alternation})(?:[:\s]+|$)", re.IGNORECASE)


_NOISE = re.compile(r"\S+@\S+|https?://\S+|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}.*$|\b\d{4}\b.*$", re.IGNORECASE)
# A bracketed aside that lists no further names ("Richard (R.J.) Eskow", a handle, "(required)"), or a
# bracket left open at the end; "(with John Roe)" and "(avec …)" are kept for the names in them
_ASIDE = re.compile(r"\((?!\s*(?:with|avec)\b)[^()]*(?:\)|$)")


@lru_cache(maxsize=1)
def _date_words() -> re.Pattern:
    """A date in words ends a byline's names: a month before a day ("Mar. 4", "March 4"), a weekday or a
    date stamp's word ("Updated", "Veröffentlicht"): `byline_months`, `byline_weekdays`, `byline_stamps`
    in rules/resources/extraction.yaml."""
    months = "|".join(map(re.escape, word_list("extraction", "byline_months"))) or "(?!)"
    weekdays = "|".join(map(re.escape, word_list("extraction", "byline_weekdays"))) or "(?!)"
    stamps = "|".join(r"\s+".join(map(re.escape, s.split()))
                      for s in sorted(word_list("extraction", "byline_stamps"), key=len, reverse=True)) or "(?!)"
    return re.compile(rf"\b(?:{months})[a-z]*\.?\s+\d{{1,2}}\b.*$|\b(?:{weekdays})\b.*$|\b(?:{stamps})(?!\w).*$",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _debris() -> re.Pattern:
    """Interface text in a byline block (`byline_debris` in rules/resources/extraction.yaml), found even
    when it runs into the name before it ("Jane DoeView More Articles")."""
    phrases = sorted(word_list("extraction", "byline_debris"), key=len, reverse=True)
    alternation = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) or "(?!)"
    return re.compile(rf"(?:{alternation})(?![^\W\d_])", re.IGNORECASE)


MAX_NAME_WORDS = 5


def clean_authors(raw_values: list[str], outlet_names: list[str]) -> list[str]:
    """People named by a list of raw byline strings, in order, without duplicates."""
    return list(_clean_authors(tuple(raw_values), tuple(outlet_names)))


@lru_cache(maxsize=64)
def _clean_authors(raw_values: tuple[str, ...], outlet_names: tuple[str, ...]) -> tuple[str, ...]:
    """clean_authors, remembered: extraction asks about the same bylines at each step that may add some."""
    outlets = {o.strip().lower() for o in outlet_names if o}
    titles = words("extraction", "byline_titles")
    credits = words("extraction", "byline_credits")
    out: list[str] = []
    for raw in raw_values:
        parts = list(_name_parts(raw))
        # One-word parts beside a part that names no person (the outlet, an agency, a desk) are an address
        # ("Harbour Daily, Riverton, Wessex"); after a person's full name they are an affiliation or a beat
        # ("Jane Doe, ACLU", "…, Privacy, …")
        outlet_named = any(p.lower() in outlets or not _is_person(_without_agency(p)) for p in parts)
        person_before = False
        for name in parts:
            if len(name.split()) == 1 and (outlet_named or person_before):
                continue
            if any(ch.isdigit() for ch in name):
                continue
            tokens = name.split()
            if all(t.lower().strip(".") in titles for t in tokens) and out:
                continue  # "Jane Doe, Staff Reporter": the title part after a name
            if person_before and len(tokens) > 1 and len(tokens[0]) > 2 and tokens[0].isupper() and \
                    not name.isupper():
                continue  # "Daniel Kahn Gillmor, ACLU Speech, …": an organisation's initials open an affiliation
            if out and tokens[0].lower() in outlets and len(tokens) > 1 and \
                    all(w in titles for t in tokens[1:] for w in _title_words(t)):
                continue  # "Jane Doe, CNN Editor-at-large": the outlet and the title after a name
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
            person_before = person_before or len(tokens) >= 2
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

    return tuple(n for n in out if not run_on(n))


def _title_words(token: str) -> list[str]:
    """The words of a title token for the title list: "Editor-at-large" → editor, at-large."""
    lowered = token.lower().strip(".,")
    head, _, rest = lowered.partition("-")
    return [head, rest] if rest else [head]


def credits_no_person(raw_values: list[str]) -> bool:
    """True when the bylines credit only agencies and desks ("Reuters", "Staff Reports"): the page has
    said who wrote it, and no person."""
    parts = [name for raw in raw_values for name in _name_parts(raw)]
    return bool(parts) and not any(_is_person(_without_agency(name)) for name in parts)


def _name_parts(raw: str | None) -> Iterator[str]:
    """The names a raw byline lists, each without "By", dates, e-mail and the punctuation around it."""
    if not raw:
        return
    text = _by().sub("", re.sub(r"\s+", " ", _ASIDE.sub(" ", _debris().sub(" ", raw)))).strip()
    text = _date_words().sub("", _NOISE.sub("", text)).strip(" ,;|-–—")
    for part in _SPLIT.split(text):
        first = _NAME_THEN_SENTENCE.split(part, 1)[0]
        part = first if len(first.split()) >= 2 else part  # not "Mrs. Jane Doe"
        name = _dangling().sub("", _by().sub("", part).strip(" .,:;|-–—\"'"))
        if name and not _NOT_A_NAME.search(name):
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
    if any(t in words("extraction", "byline_desks") or t in words("extraction", "byline_organisations")
           for t in tokens):
        return False
    if all(t in words("extraction", "byline_credentials") for t in tokens):
        return False
    if tokens and tokens[-1] in words("extraction", "byline_roles"):
        if len(tokens) < 3 or tokens[0] in words("extraction", "byline_agencies"):
            return False
    return True
