"""The driver of attribution: Attributor reads a document sentence by sentence and returns who says what
in each, composing the passes (cue verbs, nominal sources, impersonal claims) from the mixins beside it."""
from __future__ import annotations

import bisect
import re

from ...ruleset.matcher import Match
from ..vocab import ACCORDING, CUE, IMPERSONAL, PASSIVE
from .clause_subjects import ClauseSubjects
from .content import Content
from .cues import VerbCues
from .grammar import _OPEN_QUOTES
from .impersonal import ImpersonalClaims
from .model import Found, _end
from .nominal import NominalSources
from .speakers import Speakers
from .subjects import Subjects


class Attributor(VerbCues, NominalSources, ImpersonalClaims, Content, ClauseSubjects, Subjects, Speakers):
    """Who says what, sentence by sentence: call sentence(start, end) for each sentence in order (the
    attributor remembers speakers from one sentence to the next)."""

    def opens_with_cue(self, start: int, end: int) -> bool:
        """Is text[start:end] a short speech clause ("Vitter demanded.", "a narrator in the ad asks.")?"""
        if end - start > 160 or self.text[start:start + 1] in _OPEN_QUOTES:
            return False
        k = bisect.bisect_left(self._match_starts, start)
        while k < len(self._matches) and self._matches[k].start < min(end, start + 60):
            m = self._matches[k]
            if m.entry.rule_index == CUE and not re.search(r"[,;:“”\"()]", self.text[start:m.start]):
                return True
            k += 1
        return False

    def sentence(self, start: int, end: int) -> list[Found]:
        """The attributions in the sentence text[start:end] (sentences are read in document order)."""
        text = self.text
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, end, lo)
        if hi > lo and self._tokens[hi - 1].end > end:
            hi -= 1  # tokens are sorted and disjoint: only the last one can run past the end
        self._lo = lo
        found: list[Found] = []
        self._sentence_found = found
        if hi == lo:
            return found
        toks = list(self._tokens[lo:hi])
        quotes = self._quotes_in(start, end)
        claimed_quotes: set[tuple[int, int]] = set()
        # "Name: …" at the start of a paragraph (interviews, transcripts, headlines)
        label = self._speaker_label(toks, start, end)
        if label is not None:
            self._label_span = label.content[0]
            found.append(label)
            claimed_quotes.update(q for q in quotes if label.content[0][0] <= q[0])
        # "In a poll released Monday, 50 percent chose …": what the poll found
        evidence = self._in_evidence(toks, end) if toks[0].norm == "in" and label is None else None
        if evidence is not None:
            found.append(evidence)
        lo_m = bisect.bisect_left(self._match_starts, start)
        hi_m = bisect.bisect_left(self._match_starts, end, lo_m)
        if lo_m == hi_m and not quotes and label is None and \
                not _any_in(self._possessives, lo, lo + len(toks)) and \
                not _any_in(self._hearsay_at, lo, lo + len(toks)) and ":" not in text[toks[-1].end:end + 1]:
            self._note_subject(toks, found)  # nothing here can attribute: no cue, quotation or noun of saying
            return found
        by_list: dict[int, list[Match]] = {CUE: [], ACCORDING: [], PASSIVE: [], IMPERSONAL: []}
        seen: set[tuple[int, int, int]] = set()
        for m in self._matches[lo_m:hi_m]:
            # (one word, one match of each list: "criticized" is a form of both "criticize" and "criticise")
            if m.end <= end and (m.start, m.end, m.entry.rule_index) not in seen:
                seen.add((m.start, m.end, m.entry.rule_index))
                by_list[m.entry.rule_index].append(m)
        self._sentence_matches = by_list
        # cue words that read as verbs here: a noun-like cue in the present ("the report", "a news report")
        # does not end a subject phrase
        noun_like, irregular = self.v.noun_like, self.v.irregular_past
        self._cue_starts = {m.start for m in by_list[CUE] if text[m.start - 1:m.start] != "-" and (
                            self.v.cue_bases[m.entry.term_index] not in noun_like
                            or text[m.end - 2:m.end] == "ed" or text[m.start:m.end].lower() in irregular)}
        found.extend(self._according_to(toks, start, end))  # according to X
        self._verb_cues(toks, start, end, quotes, found, claimed_quotes)
        found.extend(self._nominal_cues(toks, end, found))
        if evidence is not None and any(f is not evidence and evidence.content[0][0] <= f.cue_span[0] for f in found):
            found.remove(evidence)  # "In a study, three economists estimated …": theirs, not the study's
        if not found:
            introduced = self._introduced_text(toks, end)
            if introduced is not None:
                found.append(introduced)
        self._cut_at_coordinated_cues(found)
        self._end_at_main_clause(toks, found)
        self._end_at_next_speaker(found, quotes)
        impersonal = self._impersonal(toks, start, end, found)
        if impersonal is not None:
            found.append(impersonal)
        # quotations no cue claimed: "Name: “…”", "“…” ― Name", or the paragraph's speaker
        self._unclaimed_quotes(toks, start, quotes, claimed_quotes, found)
        # (remembered before duplicates go: in "scolded him: “…,” she said. “…”" the quotation goes on after
        # "she said", the duplicate of "scolded")
        self._remember(found)
        unique: list[Found] = []
        for f in found:  # "concluded by noting that …": two cues, one statement
            if not any(u.content == f.content and u.speaker is f.speaker for u in unique):
                unique.append(f)
        found = unique
        self._note_subject(toks, found)
        return found

    def _remember(self, found: list[Found]) -> None:
        """Carry the sentence's last speaker, last named person and last attribution on to the next."""
        for f in found:
            if f.speaker is not None and not f.impersonal:
                if f.cue_span[1] > f.cue_span[0] and (self.state.last_found is None or
                                                      _end(f) >= _end(self.state.last_found)):
                    self.state.last_found = f
                self.state.last_speaker = f.speaker
                self.state.last_speaker_end = max(e for _, e in f.content)
                if f.speaker.kind == "named" and not f.passive:  # (a passive's agent is not what "he" is about)
                    self.state.last_person = f.speaker


def _any_in(positions: list[int], lo: int, hi: int) -> bool:
    """Is any of the sorted positions in [lo, hi)?"""
    k = bisect.bisect_left(positions, lo)
    return k < len(positions) and positions[k] < hi
