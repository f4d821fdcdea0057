"""Tokens and sentences with character offsets; shared by analysis and the rule kinds."""
from __future__ import annotations

import re
from functools import lru_cache, partial
from itertools import accumulate
from typing import Iterator, NamedTuple

# Words are runs of letters/digits; apostrophes and hyphens split words so that "Kyiv's"/"Kyiv’s" and
# "hard-line"/"hard line" tokenise alike.
WORD = re.compile(r"[^\W_]+", re.UNICODE)
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})


class Token(NamedTuple):
    text: str
    norm: str
    start: int
    end: int


_new_token = partial(tuple.__new__, Token)  # builds a Token in C, without the NamedTuple constructor
_WORD_SPLIT = re.compile(f"({WORD.pattern})", re.UNICODE)  # words and the gaps between them


def _tokens(text: str, offset: int) -> Iterator[Token]:
    # One split into [gap, word, gap, word, …, gap] and running sums of their lengths give every word's
    # offsets; every loop here runs in C, which makes this about twice as fast as walking finditer().
    parts = _WORD_SPLIT.split(text)
    ends = list(accumulate(map(len, parts), initial=offset))  # ends[k + 1]: where parts[k] ends
    words = parts[1::2]
    return map(_new_token, zip(words, map(str.lower, words), ends[1:-1:2], ends[2::2]))


def tokenize(text: str, offset: int = 0) -> list[Token]:
    return list(_tokens(text, offset))


# The last text document_tokens() was asked for and its tokens. Only one: the stages of an audit ask for
# the same text one after another, and tokens kept for texts long gone would only burden the garbage
# collector, which walks every live tuple.
_last_document: tuple[str, tuple[Token, ...]] = ("", ())


def document_tokens(text: str) -> tuple[Token, ...]:
    """Tokens of a whole text, computed once however many stages ask (for the same string object)."""
    global _last_document
    if _last_document[0] is text:
        return _last_document[1]
    tokens = tuple(_tokens(text, 0))
    _last_document = (text, tokens)
    return tokens


def forget_document_tokens() -> None:
    """Let go of the kept tokens: a finished audit calls this, so that the garbage collector, when it
    wakes, does not walk hundreds of tuples nobody will ask for again."""
    global _last_document
    _last_document = ("", ())


@lru_cache(maxsize=1)
def _abbreviations() -> tuple[frozenset[str], frozenset[str]]:
    """Abbreviations after which a full stop does not end a sentence, and those that only hold a sentence
    together before a number ("No. 5", "Fig. 3") (rules/resources/text.yaml)."""
    from .resources import words  # resources reads the rules folder, whose loader imports this module
    return words("text", "abbreviations"), words("text", "number_abbreviations")


_SENT_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+|$)|\n\s*\n|\n")
# Every sentence end begins with one of these characters. A pattern that is one character class is
# searched by a tight loop in C, while _SENT_END would be tried at every position of the text: finding
# the candidates first and trying _SENT_END only there gives the same ends in half the time.
_SENT_END_START = re.compile(r"[.!?…\n]")
_OPENERS = "\"“‘'«([—–-"
_PREV_WORD = re.compile(r"([\w.]+)\.?$")  # the word before a full stop (searched up to just past it)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) over text[start:end]; paragraph breaks always end a sentence."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    abbreviations, before_number = _abbreviations()
    begin = start
    prev_word = _PREV_WORD.search
    for m in _sentence_ends(text, start, end):
        stop = m.end()
        mark = m.group()
        if mark[0] == ".":
            dot = m.start()
            word = prev_word(text, max(begin, dot - 12), dot + 1)
            prev = (word.group(1).rstrip(".").lower() if word else "")
            after = text[m.end():m.end() + 3].lstrip()
            if prev in before_number:
                if after[:1].isdigit():
                    continue  # "No. 5"; "The council said no. Lloyd Grove …" ends at "no."
            elif prev in abbreviations or (len(prev) == 1 and prev.isalpha()):
                continue
            # a decimal number or an initial followed by a lower-case word does not end a sentence
            if after[:1].islower():
                continue
        elif mark[0] in "!?":
            after = text[m.end():m.end() + 3].lstrip()
            if after[:1].islower():
                continue
        _push(text, spans, begin, stop)
        begin = stop
    _push(text, spans, begin, end)
    return spans


def _sentence_ends(text: str, start: int, end: int) -> Iterator[re.Match]:
    """The matches of _SENT_END.finditer(text, start, end), found from the characters they begin with."""
    candidate, try_at = _SENT_END_START.search, _SENT_END.match
    pos = start
    while (c := candidate(text, pos, end)) is not None:
        m = try_at(text, c.start(), end)
        if m is None:
            pos = c.start() + 1
        else:
            yield m
            pos = m.end()


def _push(text: str, spans: list[tuple[int, int]], begin: int, stop: int) -> None:
    while begin < stop and text[begin].isspace():
        begin += 1
    while stop > begin and text[stop - 1].isspace():
        stop -= 1
    if stop > begin:
        spans.append((begin, stop))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: lines separated by newlines (one or more)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        if text[s:e].strip():
            out.append((s, e))
    return out
