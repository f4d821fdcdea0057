"""Claims the text presents as held by nobody it names: an agentless passive of saying or judging ("it is
widely believed that …"), an evidential marker ("reportedly"), a noun of hearsay nobody owns ("amid
growing concerns that …")."""
from __future__ import annotations

import bisect
import re

from ...textutil import Token
from ..vocab import IMPERSONAL, PASSIVE
from .base import AttributorBase, _local, _trim
from .grammar import _BE, _OWNERS, _PASSIVE_ADVERBS, _cap
from .model import Found


class ImpersonalClaims(AttributorBase):
    """Attributions to the unspecified source."""

    def _impersonal(self, toks: list[Token], start: int, end: int, found: list[Found]) -> Found | None:
        """A claim the sentence presents as held by nobody it names: an agentless passive of a verb of
        saying or judging ("it is widely believed that …", "is seen as", "has been criticized") or an
        evidential marker ("reportedly", "allegedly", "it is clear"). At most one per sentence; the content
        keeps the narrator's voice (the writer chose to present it so), and a sentence that only has this
        does not count as sourced."""
        text = self.text
        cue: tuple[int, int] | None = None
        that_from: int | None = None
        for m in self._sentence_matches[PASSIVE]:
            if self._in_quote(m.start):
                continue
            i = bisect.bisect_left(self._token_starts, m.start, self._lo) - self._lo
            tok = toks[i]
            if not (tok.norm.endswith(("ed", "en", "wn")) or tok.norm in self.v.irregular_past):
                continue
            if tok.norm == "supposed" and re.match(r"\s+to\b", text[m.end:end]):
                continue  # "the plane that was supposed to leave": what was due, not what is supposed
            k = i - 1
            be_at = -1  # "have sometimes been accused of", "has been harshly criticized"
            while k >= 0 and (toks[k].norm in _PASSIVE_ADVERBS or toks[k].norm in _BE):
                if toks[k].norm in _BE:
                    be_at = k
                k -= 1
            # a participle opening the sentence is a passive too: "Asked about the tape, Clinton said …"
            opening = i == 0 and tok.norm not in _BE and _cap(tok) and "," in text[m.end:end]
            if be_at < 0 and not opening:
                continue
            if re.match(r"\s+by\b", text[m.end:end]) or \
                    any(f.cue_span[0] <= m.start < f.cue_span[1] for f in found):
                continue  # an agent is named ("was criticised by the mayor"), or the cue is already used
            k = be_at if be_at >= 0 else i
            be_start = toks[k].start
            while k > 0 and toks[k - 1].norm in _BE | {"has", "have", "had", "will", "would", "may", "might",
                                                        "could", "can", "should", "must"}:
                k -= 1
                be_start = toks[k].start
            cue = (be_start, m.end)
            if k > 0 and toks[k - 1].norm == "it":
                that = re.match(r"\s+that\b\s*", text[m.end:end])
                that_from = m.end + that.end() if that else None
            break
        if cue is None:
            for m in self._sentence_matches[IMPERSONAL]:
                # a marker inside what a named source says is theirs ("experts say the so-called crisis")
                if not self._in_quote(m.start) and \
                        not any(f.cue_span[0] <= m.start < f.cue_span[1] or
                                any(s <= m.start < e for s, e in f.content) for f in found):
                    cue = (m.start, m.end)
                    that = re.match(r"\s+that\b\s*", text[m.end:end])
                    that_from = m.end + that.end() if that else None
                    break
        if cue is None:
            cue, that_from = self._hearsay_noun(toks, end, found)
        if cue is None:
            return None
        pieces = [(that_from, end)] if that_from is not None else [(start, cue[0]), (cue[1], end)]
        content = [_trim(text, s, e) for s, e in pieces]
        content = [c for c in content if text[c[0]:c[1]].strip(" .,;:")]
        if not content:
            return None
        return Found(self.unspecified, (cue[0], cue[0]), cue, content, "indirect", voiced=False, impersonal=True)

    def _hearsay_noun(self, toks: list[Token], end: int,
                      found: list[Found]) -> tuple[tuple[int, int] | None, int | None]:
        """A noun of hearsay or judgement that nobody owns: "amid growing concerns that …", "has faced
        criticism for …", "allegations of fraud", "there has been much speculation about …" (not "his
        claims", not "criticism from the mayor"). Returns the cue span and where its complement starts."""
        text = self.text
        for i in _local(self._hearsay_at, self._lo, len(toks)):
            tok = toks[i]
            if self._in_quote(tok.start):
                continue
            if any(f.cue_span[0] <= tok.start < f.cue_span[1] or any(s <= tok.start < e for s, e in f.content)
                   for f in found):
                continue
            prev = toks[i - 1] if i > 0 else None
            if prev is not None and (prev.norm in _OWNERS or re.match(r"['’]s?\s", text[prev.end - 2:tok.start])
                                     or text[prev.end:tok.start].strip() in ("’s", "'s")):
                continue  # "his claims", "Trump's claims": someone's
            after = re.match(r"\s+(that|of|about|over|for|as\s+to|surrounding|around|whether|from|by)\b\s*",
                             text[tok.end:end])
            if after and after.group(1) in ("from", "by"):
                continue  # "criticism from the mayor": the source is named
            before = {t.norm for t in toks[max(0, i - 3):i]}
            if before & self.v.hearsay_owner_verbs:
                continue  # "Trump is raising questions about …": the subject's own questions
            if not after and not before & self.v.hearsay_triggers:
                continue
            return (tok.start, tok.end), (tok.end + after.end() if after else tok.end)
        return None, None
