"""What every attribution pass reads: the text and its indexes (tokens, word-list matches, possessives,
nouns of hearsay, quotations, name mentions), the vocabulary and the memory carried from sentence to
sentence; the lookups all passes share; and the helpers for positions and spans."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter

from ...textutil import Token, document_tokens
from ...ruleset.matcher import Match
from ..vocab import CUE, Vocabulary
from .grammar import _CLOSE_QUOTES, _NOT_NAMES, _OPEN_QUOTE
from .model import Found, Speaker, UNSPECIFIED

_TOK_NORM, _TOK_START, _TOK_END = itemgetter(1), itemgetter(2), itemgetter(3)  # Token fields, read in C


@dataclass
class _State:
    """What carries over from one sentence to the next: the people named so far, the last person, speaker
    and attribution."""

    people: list[Speaker] = field(default_factory=list)
    last_person: Speaker | None = None
    last_speaker: Speaker | None = None
    last_speaker_end: int = -1
    last_found: Found | None = None  # the attribution a quotation right after it goes on from


class AttributorBase:
    """The document an Attributor reads and the lookups its passes share (the passes are mixins on this
    class, composed into Attributor)."""

    # the cue, according-to, passive and impersonal matches of the sentence being read (set by sentence())
    _sentence_matches: dict[int, list[Match]]
    # the attributions found so far in the sentence being read (set by sentence())
    _sentence_found: list[Found]

    def __init__(self, text: str, quotes: list[tuple[int, int]], vocab: Vocabulary, names_context: str = ""):
        self.text = text
        self.names_context = names_context  # more text whose capitals tell names from headings (a headline's article)
        self._sentence_found = []
        self._tokens = document_tokens(text)
        self._token_starts = list(map(_TOK_START, self._tokens))
        self._token_ends = list(map(_TOK_END, self._tokens))
        self._matches = vocab.lexicon.find(text, self._tokens)  # one scan of the document for all word lists
        self._match_starts = [m.start for m in self._matches]
        # where a verb or phrase of saying starts ("Added Holm: …", "Stated Stone: …" open with one)
        self._cue_match_starts = frozenset(m.start for m in self._matches if m.entry.rule_index == CUE)
        self._cue_starts: set[int] = set()
        self._issued_cues: set[int] = set()  # cues of a document's words already read with its issuer ("saying")
        # where a possessive "'s" or a hearsay noun stands: the only places the nominal passes look at
        hearsay = vocab.hearsay_nouns
        norms = list(map(_TOK_NORM, self._tokens))
        self._possessives: list[int] = list(compress(range(len(norms)), map("s".__eq__, norms)))
        self._hearsay_at: list[int] = list(compress(range(len(norms)), map(hearsay.__contains__, norms)))
        self._lo = 0
        self._label_span = (0, 0)  # what a "NAME:" label at a paragraph's start gives its speaker
        self.mentions = _name_mentions(text, vocab, self._cue_match_starts)
        if names_context:  # "Trump: …" over an article that names Donald Trump: the article's full names
            context_cues = frozenset(m.start for m in vocab.lexicon.find(names_context) if m.entry.rule_index == CUE)
            self.mentions = {**_name_mentions(names_context, vocab, context_cues), **self.mentions}
        self.quotes = quotes
        self._quote_starts = [s for s, _ in quotes]
        self._quote_reach = max((e - s for s, e in quotes), default=0)  # no quotation is longer
        self.state = _State()
        self.v = vocab
        # One source for every claim the text presents as held by nobody it names
        self.unspecified = Speaker(UNSPECIFIED, "anonymous")

    def _in_quote(self, pos: int) -> tuple[int, int] | None:
        quotes = self.quotes
        for k in range(bisect.bisect_left(self._quote_starts, pos - self._quote_reach),
                       bisect.bisect_right(self._quote_starts, pos)):
            if pos < quotes[k][1]:
                return quotes[k]
        return None

    def _quotes_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotations that overlap text[start:end]."""
        lo = bisect.bisect_left(self._quote_starts, start - self._quote_reach)
        hi = bisect.bisect_left(self._quote_starts, end, lo)
        return [q for q in self.quotes[lo:hi] if q[1] > start]

    def _quote_before(self, pos: int) -> tuple[int, int] | None:
        """The quotation that ends a sentence right before pos (only space between), if any."""
        k = bisect.bisect_left(self._quote_starts, pos) - 1
        if k < 0:
            return None
        q = self.quotes[k]
        if q[1] <= pos and not self.text[q[1]:pos].strip() and "\n" not in self.text[q[1]:pos] and \
                self.text[max(0, q[1] - 6):q[1]].rstrip(_CLOSE_QUOTES)[-1:] in (".", "!", "?"):
            return q
        return None

    def _gap(self, a: Token, b: Token) -> str:
        gap = self.text[a.end:b.start]
        if gap in (",", ".") and a.text.isdigit() and b.text.isdigit():
            return ""  # "3,000", "2.5": one number, not a clause break
        return gap


# "[A-Z](?<!\w[A-Z])" is "\b[A-Z]" with the capital first: a pattern that opens with a character class
# is searched by a tight loop in C, about twice as fast over a whole text
_NAME_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+(?:[-’'][A-Z]?[a-z]+)?(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?){1,2}\b")


def _name_mentions(text: str, vocab: Vocabulary, cue_starts: frozenset[int]) -> dict[str, str]:
    """Surname → full name for every "First Last" run in the text that is not a title (nor opened by a past
    form of a verb of saying: "Added Poynter: …")."""
    out: dict[str, str] = {}
    for m in _NAME_RUN.finditer(text):
        words = m.group().split()
        if m.start() in cue_starts and words[0].lower().endswith("ed"):
            words = words[1:]
        titled = False
        while words and (words[0].lower().strip(".") in vocab.title_words or words[0].lower() in _NOT_NAMES):
            titled = titled or words[0].lower().strip(".") in vocab.title_words
            words = words[1:]  # "Foreign Minister …", "Had Klein …": a title or a sentence's first word
        if any(w.lower() in vocab.institution_heads for w in words):
            continue
        if len(words) >= 2:
            if " " not in out.get(words[-1].lower(), ""):  # the first full name, over a titled surname
                out[words[-1].lower()] = " ".join(words)
        elif titled and words:
            out.setdefault(words[0].lower(), words[0])  # "President Trump", "Senator Schiff": a person
    return out


def _local(positions: list[int], lo: int, count: int) -> list[int]:
    """Document token indices in `positions` that fall in the sentence starting at token `lo`, made local."""
    first = bisect.bisect_left(positions, lo)
    last = bisect.bisect_left(positions, lo + count, first)
    return [k - lo for k in positions[first:last]]


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " ,;:—–\t\n":
        s += 1
    while e > s and text[e - 1] in " ,;:\t\n":
        e -= 1
    if e > s and text[e - 1] == "." and not _OPEN_QUOTE.search(text, s, e):
        e -= 1
    return s, e
