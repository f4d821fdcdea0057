"""One token trie for every lexicon term of every rule: matching costs O(tokens × phrase length),
whatever the number of terms."""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import compress, product
from operator import itemgetter

from ..textutil import Token, tokenize

_NORM = itemgetter(1)  # Token.norm, read in C


def _word_key(item: tuple) -> str:
    return item[0] or ""

_VOWELS = set("aeiou")
_VOWEL_GROUP = re.compile("[aeiouy]+")
# Between two words of a phrase only spaces, hyphens and apostrophes may stand (no sentence breaks).
_GAP = re.compile(r"[ \t\u00a0\-‐‑–'’]*\n?[ \t\u00a0]*")


def inflections(word: str) -> set[str]:
    """Regular English inflections of a base form (nouns: plural; verbs: -s, -ed, -ing).
    Over-generation is harmless: a form that is not a word never occurs in text."""
    w = word.lower()
    forms = {w}
    if len(w) < 3 or not w.isalpha():
        return forms
    if w.endswith(("s", "x", "z", "ch", "sh")):
        forms.add(w + "es")
    elif w.endswith("y") and w[-2] not in _VOWELS:
        forms.add(w[:-1] + "ies")
    else:
        forms.add(w + "s")
    if w.endswith("ee"):
        forms |= {w + "d", w + "ing"}
    elif w.endswith("ie"):  # lie → lied, lying; tie → tied, tying
        forms |= {w + "d", w[:-2] + "ying"}
    elif w.endswith("ic"):  # panic → panicked, panicking
        forms |= {w + "s", w + "ked", w + "king"}
    elif w.endswith("e"):
        forms |= {w + "d", w[:-1] + "ing"}
    elif w.endswith("y") and w[-2] not in _VOWELS:
        forms |= {w[:-1] + "ied", w + "ing"}
    else:
        doubles = (w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS and w[-3] not in _VOWELS
                   and len(w) <= 5)
        # A word of one syllable always doubles (slam → slammed), and its undoubled form belongs to
        # another word (spar → "spared", scrap → "scraped"); a longer one may go either way (visit → visited).
        if not (doubles and len(_VOWEL_GROUP.findall(w)) == 1):
            forms |= {w + "ed", w + "ing"}
        if doubles:
            forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
        elif w.endswith("l") and w[-2] in _VOWELS:  # British: labelled, pummelling, fuelled
            forms |= {w + "led", w + "ling"}
    return forms


_IZE = re.compile(r"(?<=\w{3})i([sz])(e|es|ed|ing|ation|ations|er|ers)$")


def spellings(word: str) -> set[str]:
    """The word and its other -ise/-ize spelling (criticise ~ criticize, polarising ~ polarizing)."""
    m = _IZE.search(word)
    if m is None:
        return {word}
    other = "z" if m.group(1) == "s" else "s"
    return {word, word[:m.start()] + "i" + other + m.group(2)}


def derivations(word: str, kinds: tuple[str, ...]) -> set[str]:
    """Regular derived forms of an adjective, by kind: `ly` the adverb (reckless → recklessly, hasty →
    hastily, dramatic → dramatically, terrible → terribly), `ness` the noun (callous → callousness, lazy →
    laziness), `degree` the comparative and superlative (harsh → harsher, harshest; crude → cruder;
    big → bigger; nasty → nastier). Over-generation is harmless, as with `inflections`."""
    w = word.lower()
    out: set[str] = set()
    if len(w) < 3 or not w.isalpha():
        return out
    consonant_y = w.endswith("y") and w[-2] not in _VOWELS
    if "ly" in kinds:
        if w.endswith("ic"):
            out.add(w + "ally")
        elif w.endswith("le") and w[-3] not in _VOWELS:
            out.add(w[:-1] + "y")
        elif w.endswith("ue"):
            out.add(w[:-1] + "ly")
        elif w.endswith("ll"):
            out.add(w + "y")
        elif consonant_y:
            out.add(w[:-1] + "ily")
        else:
            out.add(w + "ly")
    if "ness" in kinds:
        out.add(w[:-1] + "iness" if consonant_y else w + "ness")
    if "degree" in kinds:
        if w.endswith("e"):
            out |= {w + "r", w + "st"}
        elif consonant_y:
            out |= {w[:-1] + "ier", w[:-1] + "iest"}
        elif len(w) <= 4 and w[-1] not in _VOWELS | {"w", "x", "y"} and w[-2] in _VOWELS and w[-3] not in _VOWELS:
            out |= {w + w[-1] + "er", w + w[-1] + "est"}
        else:
            out |= {w + "er", w + "est"}
    return out


@dataclass(frozen=True)
class Entry:
    """What a trie path ending means: a term of a rule (or an exception phrase of that rule)."""

    rule_index: int
    term_index: int  # -1 for exceptions
    case: str
    surface: tuple[str, ...]  # the term's own words, for case-sensitive comparison
    lead: int = 0  # context words before the match ("[the] claim"): required, not part of the finding
    trail: int = 0  # context words after it ("claims [that]")


@dataclass(frozen=True)
class Match:
    entry: Entry
    start: int
    end: int


def _variants(words: list[str], inflect: str, forms: tuple[str, ...],
              derive: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    lowered = [w.lower() for w in words]
    if inflect == "none" or not lowered:
        options = [[w] for w in lowered]
    else:
        options = []
        for i, w in enumerate(lowered):
            inflects = inflect == "all" or (inflect == "last" and i == len(lowered) - 1) or (
                inflect == "first" and i == 0)
            options.append(sorted(inflections(w)) if inflects else [w])
    if derive and lowered:  # derived forms of the last word, on top of its inflections
        options[-1] = sorted(set(options[-1]) | derivations(lowered[-1], derive))
    # British and American spellings of -ise/-ize words match alike
    options = [sorted({v for o in opts for v in spellings(o)}) for opts in options]
    seqs: list[tuple[str, ...]] = [()]
    for opts in options:
        seqs = [s + (o,) for s in seqs for o in opts]
        if len(seqs) > 256:  # bound combinatorial growth of "all"
            break
    for form in forms:
        seqs.append(tuple(t.norm for t in tokenize(form)))
    return seqs


_CONTEXT = re.compile(r"^\s*((?:\[[^\[\]]*\]\s*)*)(.*?)\s*((?:\[[^\[\]]*\]\s*)*)$", re.S)


def _context(phrase: str) -> tuple[list[str], str, list[str]]:
    """(leading context slots, the phrase proper, trailing context slots) of "[a|b] words [c]"."""
    m = _CONTEXT.match(phrase)
    if m is None or not m.group(2).strip():
        return [], phrase, []
    return re.findall(r"\[([^\[\]]*)\]", m.group(1)), m.group(2), re.findall(r"\[([^\[\]]*)\]", m.group(3))


def _slots(slots: list[str]) -> list[tuple[str, ...]]:
    """Every word sequence a list of context slots allows (each slot: alternatives split by '|')."""
    sequences: list[tuple[str, ...]] = [()]
    for slot in slots:
        options = [tuple(t.norm for t in tokenize(alt)) for alt in slot.split("|")]
        sequences = [s + o for s in sequences for o in options if o]
    return sequences


class LexiconMatcher:
    def __init__(self) -> None:
        self._root: dict = {}
        self.max_depth = 0
        self.size = 0

    def add(self, phrase: str, entry: Entry, inflect: str, forms: tuple[str, ...] = (),
            derive: tuple[str, ...] = ()) -> None:
        """Index a phrase, its inflections and derived forms and its explicit `forms`. Words in square
        brackets at either end are context ("claims [that]", "[the] claim", "[to|that]" for either):
        they must be there, but the match covers only the words between them, which inflect."""
        lead, core, trail = _context(phrase)
        tokens = [t.text for t in tokenize(core)]
        if not tokens:
            return
        cores = set(_variants(tokens, inflect, (), derive))
        # a hyphenated or spaced compound also matches written as one word: hard-line ~ hardline
        if len(tokens) > 1 and ("-" in core or "‐" in core):
            joined = "".join(w.lower() for w in tokens)
            cores |= set(_variants([joined], inflect, (), derive))
        shapes = [(lead, cores, trail)]
        for form in forms:
            f_lead, f_core, f_trail = _context(form)
            f_tokens = tuple(t.norm for t in tokenize(f_core))
            if f_tokens:
                shapes.append((f_lead, {f_tokens}, f_trail))
        for before, middles, after in shapes:
            for head, middle, tail in product(_slots(before), sorted(middles), _slots(after)):
                sequence_entry = entry if not (head or tail) else replace(
                    entry, lead=len(head), trail=len(tail),
                    surface=tuple(t.text for t in tokenize(core)) if entry.surface else ())
                node = self._root
                for word in head + middle + tail:
                    node = node.setdefault(word, {})
                node.setdefault(None, []).append(sequence_entry)
                self.max_depth = max(self.max_depth, len(head) + len(middle) + len(tail))
                self.size += 1

    def shared_forms(self) -> Iterator[tuple[tuple[str, ...], list[Entry]]]:
        """Every word sequence at which terms of more than one rule end (context-free terms only: a
        bracketed context makes a different match), with one entry per rule, in trie order."""
        stack: list[tuple[tuple[str, ...], dict]] = [((), self._root)]
        while stack:
            path, node = stack.pop()
            per_rule: dict[int, Entry] = {}
            for entry in node.get(None, ()):
                if entry.term_index >= 0 and not entry.lead and not entry.trail:
                    per_rule.setdefault(entry.rule_index, entry)
            if len(per_rule) > 1:
                yield path, [per_rule[k] for k in sorted(per_rule)]
            stack.extend((path + (word,), child) for word, child in sorted(node.items(), key=_word_key,
                                                                             reverse=True) if word is not None)

    def find(self, text: str, tokens: Sequence[Token] | None = None) -> list[Match]:
        """All matches (overlapping allowed), in text order."""
        tokens = tokenize(text) if tokens is None else tokens
        out: list[Match] = []
        root = self._root
        count = len(tokens)
        depth = self.max_depth
        gap_ok = _GAP.fullmatch
        # Only tokens that begin some phrase start a walk: one dict lookup per token, all in C
        for i in compress(range(count), map(root.__contains__, map(_NORM, tokens))):
            first = tokens[i]
            node = root[first.norm]
            j = i
            while node is not None:
                entries = node.get(None)
                if entries:
                    for entry in entries:
                        if entry.lead or entry.trail:  # context words stay outside the match
                            a, b = i + entry.lead, j - entry.trail
                            if entry.case == "insensitive" or _case_ok(entry, tokens, a, b, text):
                                out.append(Match(entry, tokens[a].start, tokens[b].end))
                        elif entry.case == "insensitive" or _case_ok(entry, tokens, i, j, text):
                            out.append(Match(entry, first.start, tokens[j].end))
                j += 1
                if j >= count or j - i >= depth:
                    break
                node = node.get(tokens[j].norm)
                # the phrase continues only across spaces, hyphens and apostrophes
                if node is not None and not gap_ok(text, tokens[j - 1].end, tokens[j].start):
                    break
        return out


def _case_ok(entry: Entry, tokens: Sequence[Token], i: int, j: int, text: str) -> bool:
    if entry.case == "insensitive":
        return True
    found = tuple(t.text for t in tokens[i:j + 1])
    if entry.case == "sensitive":
        return len(found) == len(entry.surface) and all(
            f.lower().startswith(s.lower()[:1]) and (f[:1] == s[:1]) and (not s.isupper() or f.isupper())
            for f, s in zip(found, entry.surface))
    # "lower": written in lower case, except a capital that only marks the start of a sentence
    if all(not t[:1].isupper() for t in found):
        return True
    if all(not t[:1].isupper() for t in found[1:]):
        before = text[max(0, tokens[i].start - 4):tokens[i].start].rstrip(" \"“‘'«(")
        return before == "" or before[-1:] in ".!?\n:"
    return False
