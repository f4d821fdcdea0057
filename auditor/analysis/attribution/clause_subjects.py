"""The subject a cue borrows when it has none of its own: the subject of the clause a participle or a
coordinated verb goes with ("The mayor spoke to reporters, saying …", "… spotted a sign and asked"),
the subject after a fronted phrase, the nearest pronoun; and the named subject remembered for "she"."""
from __future__ import annotations

import re

from ...textutil import Token
from .base import AttributorBase, _trim
from .grammar import (
    _AUXILIARIES, _BETWEEN, _CLAUSE_GAP, _COMMA_END, _COORDINATORS, _DATELINE, _DETERMINERS, _FIRST_SECOND,
    _FUNCTION, _OPENERS, _PERSON_ENDINGS, _PREPOSITIONS, _PRONOUN_GAP, _PUNCT_GAP, _SUBORDINATORS, _THIRD_PERSON,
    _adverb, _cap, _is_boundary,
)
from .model import Found, Speaker


class ClauseSubjects(AttributorBase):
    """The subject of the clause or sentence around a cue that has none of its own."""

    def _borrowed_source(self, toks: list[Token], i: int, start: int, c_end: int,
                         content: list[tuple[int, int]], found: list[Found], sentence_subject: Speaker | None
                         ) -> tuple[Speaker | None, tuple[int, int], list[tuple[int, int]]] | None:
        """The source of a cue with no subject of its own ("…, describing it as", "and pointed out", "went on to
        say"): the sentence's earlier speaker, the subject of a coordinated verb, the clause's or the
        sentence's subject, or the nearest pronoun before it. Returns the speaker, the source span and the
        content (cut where the subject comes after it), or None when the sentence names nobody to borrow
        or no content is left."""
        text = self.text
        cue_tok = toks[i]
        if sentence_subject is not None:  # "Lavrov stated …, and pointed out …"
            speaker, subject_toks = sentence_subject, []
            # a coordinated verb goes with the nearest mention ("she attacked … and blamed …"); a participle with
            # the mention outside what was said ("Lee said he doubted it, arguing …" is Lee's, not "he")
            said = [f for f in found if f.speaker is sentence_subject]
            if cue_tok.norm.endswith("ing"):
                said = [f for f in said if not any(g is not f and g.content[0][0] <= f.source_span[0] <
                                                   g.content[-1][1] for g in found)] or said
            src_from = said[-1].source_span
        else:
            subject_toks = self._coordinated_subject(toks, i, start) if not cue_tok.norm.endswith("ing") \
                else []
            if subject_toks:  # "The crowd cheered when Lee spotted a sign and asked …": Lee
                speaker = self._resolve_subject(subject_toks, toks)
            else:
                speaker, subject_toks = self._clause_subject(toks, i)
            if speaker is None:
                speaker, subject_toks = self._main_subject(toks, i)
            src_from = None
        if not subject_toks and src_from is None and (i == 0 or toks[i - 1].norm in _PREPOSITIONS | _SUBORDINATORS):
            # "One month after announcing his run, Jo Lin …": the subject after the fronted phrase
            speaker, subject_toks = self._subject_after_phrase(toks, i)
        if not subject_toks and src_from is None:
            # "A while later they turned round and said …": the nearest subject pronoun before the cue; "But it
            # is steering clear of criticizing …": "it" with a verb after it, standing for the last source
            near = self._pronoun_before(toks, i) or self._it_before(toks, i)
            if near is not None:
                speaker, subject_toks = self.resolve([near]), [near]
        if not subject_toks and src_from is None:
            return None  # nobody in the sentence for the cue to borrow: no source to guess
        if speaker is None:
            speaker = self.state.last_speaker
        src_span = (subject_toks[0].start, subject_toks[-1].end) if subject_toks else src_from
        if subject_toks and subject_toks[0].start > c_end:
            # "After saying he was nervous, the man stood up": what was said ends before the subject
            subject_at = subject_toks[0].start
            content = [(s, _trim(text, s, m.start())[1]) if s < subject_at < e and
                       (m := _COMMA_END.search(text, s, subject_at)) else (s, e) for s, e in content]
            content = [c for c in content if c[1] > c[0]]
            if not content:
                return None
        return speaker, src_span, content

    def _main_subject(self, toks: list[Token], before: int) -> tuple[Speaker | None, list[Token]]:
        """The first capitalised noun phrase of the sentence before toks[before] (a participle's subject)."""
        k = 0
        while k < before:
            if _cap(toks[k]) and not (k == 0 and k + 1 < len(toks) and not _cap(toks[k + 1])) \
                    and toks[k].norm not in _FUNCTION:
                run = [toks[k]]
                while k + 1 < before and _cap(toks[k + 1]) and not re.search(r"[,;:“”\"]", self._gap(toks[k], toks[k + 1])):
                    k += 1
                    run.append(toks[k])
                if run[-1].norm in self.v.time_words or len(run) < k + 1 and \
                        toks[k - len(run)].norm in _PREPOSITIONS:
                    k += 1
                    continue  # "On Sunday", "at a rally in Ames, Iowa": a time or a place, not the subject
                speaker = self.resolve(run)
                if speaker is not None and speaker.kind in ("named", "institution"):
                    return speaker, run
            elif toks[k].norm in self.v.person_pronouns and k + 1 < before:
                return self.person_for(toks[k].norm, toks[k].start), [toks[k]]
            k += 1
        return None, []

    def _clause_subject(self, toks: list[Token], before: int) -> tuple[Speaker | None, list[Token]]:
        """The subject at the head of the sentence's main clause, for a participle or coordinated cue after
        it ("The mayor spoke to reporters, saying …", "On Monday, the senator went further, calling …",
        "Obama ended his speech by saying …"): a pronoun, a name, or a determiner phrase ending in a noun
        that can speak."""
        k = 0
        dateline = _DATELINE.match(self.text, toks[0].start, toks[min(before, 12, len(toks) - 1)].start)
        if dateline:
            # a dateline ("WASHINGTON (AP) — …", "PARIS, May 2 (Reuters) - …", "Springfield (AFP) – …"): the
            # sentence starts after it
            k = next((n for n in range(1, min(before, 12)) if toks[n].start >= dateline.end()), 0)
        if k >= len(toks):
            return None, []
        # an opening phrase before the subject ("On Monday, …", "Hours later, …", "After thanking the crowd, …")
        comma = next((n for n in range(k + 1, min(len(toks), k + 16)) if "," in self._gap(toks[n - 1], toks[n])), -1)
        opener = toks[k].norm in _OPENERS or toks[k].norm in self.v.time_words or _adverb(toks[k]) or \
            toks[k].norm.endswith(("ing", "ed")) and len(toks[k].norm) > 5 or \
            0 < comma - k <= 4 and any(t.norm in self.v.time_words or t.norm == "ago" for t in toks[k:comma]) and \
            not any(self._verb_form(t) for t in toks[k + 1:comma])  # not "Cruz went on on Saturday, saying"
        if opener:
            if comma < 0:
                return None, []
            k = comma
            if toks[k].norm in self.v.relative_pronouns:
                # "After thanking the crowd, which cheered, he said …": past the relative clause
                k = next((n for n in range(k + 1, min(len(toks), k + 30))
                          if "," in self._gap(toks[n - 1], toks[n])), len(toks))
                if k >= len(toks):
                    return None, []
        limit = before if before > k else len(toks)  # a cue inside the opener: its subject comes after it
        for _ in range(3):
            phrase = self._head_phrase(toks, k, limit)
            if not phrase:
                # "The real estate tycoon entered the race …, calling …": a determiner, nouns, then a verb
                phrase = self._noun_phrase_before_verb(toks, k, limit)
                if phrase:
                    return self.resolve(phrase) or Speaker(self._unnamed(phrase), "anonymous"), phrase
                return None, []
            after = phrase[-1]
            n = next(n for n in range(k, limit) if toks[n] is after) + 1
            # "Speaking in Salem, New Hampshire, Trump went …": a place before the subject
            if n < limit and "," in self._gap(after, toks[n]) and _cap(after) and _cap(toks[n]) and \
                    toks[n].norm not in _FUNCTION:
                k = n
                continue
            # "At a rally in Dover, Delaware, on Sunday, Mrs. Hale …": a time after the place
            if opener and n < limit and "," in self._gap(after, toks[n]) and _cap(after) and \
                    toks[n].norm in self.v.time_words:
                m = next((m for m in range(n + 1, min(limit, n + 7)) if "," in self._gap(toks[m - 1], toks[m])), -1)
                if m > 0 and not any(self._verb_form(t) for t in toks[n:m]):
                    k = m
                    continue
            break
        first = phrase[0]
        if first.norm in self.v.pronouns:
            if first.norm in _FIRST_SECOND or first.norm == "it":
                return None, []
            return (self.person_for(first.norm, first.start) if first.norm in self.v.person_pronouns
                    else self.state.last_speaker), [first]
        if not self._plausible_subject(phrase) and not phrase[-1].norm.endswith(_PERSON_ENDINGS):
            return None, []
        speaker = self.resolve(phrase) or Speaker(self._unnamed(phrase), "anonymous")
        return speaker, phrase

    def _coordinated_subject(self, toks: list[Token], i: int, start: int) -> list[Token]:
        """The subject of the verb a cue after "and" or "but" is coordinated with: the nearest finite verb
        before the conjunction that has a subject of its own ("… when Lee spotted a sign and asked …",
        "Jo Holm, who came out and endorsed …"); [] when none is found."""
        a = i - 1
        while a > 0 and toks[a].norm not in _COORDINATORS:
            a -= 1
            if i - a > 2:
                return []
        for v in range(a - 1, max(0, a - 20), -1):
            gap = self._gap(toks[v], toks[v + 1])
            if _CLAUSE_GAP.search(gap):
                return []
            t = toks[v]
            if not self._verb_form(t) or _cap(t) or toks[v - 1].norm == "to" or self._in_quote(t.start):
                continue
            left = self._subject_left(toks, v, start)
            if not left or left[-1].norm in _FIRST_SECOND or left[-1].norm == "it":
                continue
            k = next(n for n, x in enumerate(toks) if x is left[0])
            if k > 0 and toks[k - 1].norm in _PREPOSITIONS and not _PUNCT_GAP.search(self._gap(toks[k - 1], left[0])):
                continue  # "relatives of the people killed": not a subject
            if left[-1].norm in self.v.pronouns or left[-1].norm in self.v.relative_pronouns or \
                    self._plausible_subject(left):
                return left
        return []

    def _subject_after_phrase(self, toks: list[Token], i: int) -> tuple[Speaker | None, list[Token]]:
        """The subject after a comma that closes a fronted phrase holding the cue at toks[i] ("In rejecting
        the appeal last month, the court …", "After thanking the crowd, which cheered, she …")."""
        n = i + 1
        while n < len(toks):
            if "," in self._gap(toks[n - 1], toks[n]):
                if toks[n].norm not in self.v.relative_pronouns:
                    phrase = self._head_phrase(toks, n, len(toks))
                    if not phrase or phrase[0].norm in _FIRST_SECOND or phrase[0].norm == "it" or \
                            phrase[-1] is toks[-1] or not (phrase[0].norm in self.v.pronouns or
                                                         self._plausible_subject(phrase)):
                        return None, []
                    nxt = toks[n + len(phrase)] if n + len(phrase) < len(toks) else None
                    if nxt is None or _PUNCT_GAP.search(self._gap(phrase[-1], nxt)):
                        return None, []
                    return self.resolve(phrase), phrase
            elif re.search(r"[;:“”\"()—–―]", self._gap(toks[n - 1], toks[n])):
                return None, []
            n += 1
        return None, []

    def _noun_phrase_before_verb(self, toks: list[Token], k: int, limit: int) -> list[Token]:
        """A clause's subject that opens with a determiner and ends right before a finite verb ("the man
        ended up …", "the real estate tycoon entered …"), or [] when no verb form follows within six words."""
        if toks[k].norm not in _DETERMINERS or toks[k].norm in ("that", "this", "one", "two", "three"):
            return []
        n = k + 1
        while n < limit and n - k < 6:
            t = toks[n]
            if _PUNCT_GAP.search(self._gap(toks[n - 1], t)) or _is_boundary(t) or t.norm in self.v.pronouns:
                return []
            if t.norm in _AUXILIARIES or len(t.norm) > 3 and t.norm.endswith("ed") or t.start in self._cue_starts:
                return list(toks[k:n]) if n > k + 1 else []
            n += 1
        return []

    def _head_phrase(self, toks: list[Token], k: int, limit: int) -> list[Token]:
        """The noun phrase opening a clause at toks[k]: a pronoun, or words up to the last that can head a
        speaker (a capitalised word, a known source noun, a noun for people) before the verb."""
        first = toks[k]
        if first.norm in self.v.pronouns:
            return [first]
        if first.norm in _FUNCTION and not (_cap(first) and first.norm not in _OPENERS):
            return []
        last_head = -1
        n = k
        while n < limit and n - k < 7:
            t = toks[n]
            if n > k and (re.search(r"[,;:“”\"()—–―]", self._gap(toks[n - 1], t)) or _is_boundary(t)
                          or t.norm in _BETWEEN or t.start in self._cue_starts):
                break
            if _cap(t) and t.norm not in _DETERMINERS or t.norm in self.v.anonymous_heads or \
                    t.norm in self.v.title_words or t.norm in self.v.institution_heads or \
                    t.norm in self.v.document_heads or len(t.norm) > 5 and t.norm.endswith(_PERSON_ENDINGS):
                last_head = n
            elif last_head >= 0 and t.norm not in _DETERMINERS and not self._name_follows(toks, n, limit) and \
                    not (t.norm == "s" and self._gap(toks[n - 1], t) in ("'", "’")):
                break  # the verb after the subject (not the owner's "s" in "The victim's mother")
            n += 1
        return list(toks[k:last_head + 1]) if last_head >= 0 else []

    def _pronoun_before(self, toks: list[Token], i: int) -> Token | None:
        """The nearest "he", "she" or "they" before toks[i] in its clause (not inside a quotation)."""
        for k in range(i - 1, max(-1, i - 16), -1):
            if _PRONOUN_GAP.search(self._gap(toks[k], toks[k + 1])):
                return None
            if toks[k].norm in _THIRD_PERSON and not self._in_quote(toks[k].start):
                return toks[k]
        return None

    def _it_before(self, toks: list[Token], i: int) -> Token | None:
        """The "it" that is the subject of a finite verb before toks[i] in its clause ("it issued a paper
        welcoming …"), not an "it" that is an object ("replacing it with …")."""
        for k in range(i - 1, max(0, i - 16), -1):
            if _PRONOUN_GAP.search(self._gap(toks[k - 1], toks[k])):
                return None
            if toks[k - 1].norm == "it" and not self._in_quote(toks[k - 1].start) and \
                    (self._verb_form(toks[k]) or toks[k].norm in _AUXILIARIES) and \
                    (k < 2 or toks[k - 2].norm not in _PREPOSITIONS and not self._verb_form(toks[k - 2])):
                return toks[k - 1]
        return None

    def _note_subject(self, toks: list[Token], found: list[Found]) -> None:
        """"Finance Minister Petra Lund presented …": a named subject at the head of the sentence is who
        "she" means next (only a sentence opening with two capitalised words or a title can start with a name)."""
        if len(toks) > 1 and _cap(toks[0]) and (_cap(toks[1]) or toks[1].norm in self.v.title_words) and \
                not any(f.speaker is not None and f.speaker.kind == "named" for f in found):
            subject, subject_toks = self._main_subject(toks, min(len(toks), 8))
            if subject is not None and subject.kind == "named" and subject_toks and subject_toks[0] is toks[0] \
                    or subject is not None and subject.kind == "named" and subject_toks and \
                    all(t.norm in self.v.title_words or _cap(t) for t in toks[:toks.index(subject_toks[0])]):
                self.state.last_person = subject
