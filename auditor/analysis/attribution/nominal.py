"""Attributions without a verb of saying: "according to X", "X's claim that …", a "NAME:" label opening a
paragraph, "In a poll released Monday, …", "The letter reads:" before a paragraph, and quotations no cue
claimed."""
from __future__ import annotations

import bisect
import re

from ...textutil import Token
from ..quotes import is_title
from ..vocab import ACCORDING
from .base import AttributorBase, _local, _trim
from .grammar import (
    _AGENT_PREPOSITIONS, _CARRY_ON, _CLAUSE_GAP, _DETERMINERS, _EVIDENCE_HEADS, _FUNCTION, _LABEL,
    _LABEL_PREPOSITIONS, _NAME_LIST, _NOUN_MODIFIERS, _OWNERS, _PERSON_ENDINGS, _PUNCT_GAP, _TITLE_BEFORE, _cap,
)
from .model import Found, Speaker, _end


class NominalSources(AttributorBase):
    """Attributions that no verb of saying makes."""

    def _according_to(self, toks: list[Token], start: int, end: int) -> list[Found]:
        """"according to X", "…, citing X": the noun phrase after the phrase (or the agent of a document in
        it: "a report from the agency") is the source of the rest of the sentence."""
        text = self.text
        out: list[Found] = []
        for m in self._sentence_matches[ACCORDING]:
            a_start, a_end = m.start, m.end
            if self._in_quote(a_start):
                continue
            if text[a_start:a_end].lower().endswith("ing") and re.search(r",\s*$", text[start:a_start]):
                continue  # "…, McCain said, citing low growth": a participle of the clause's subject (a cue)
            idx = next((k for k, t in enumerate(toks) if t.start >= a_end), None)
            if idx is None:
                continue
            np = self._np_forward(toks, idx)
            if not np:
                continue
            speaker = self.resolve(np) or Speaker(self.text[np[0].start:np[-1].end], "anonymous")
            np_end = np[-1].end
            # "according to a report from the agency", "… audio provided by Harbour Radio": the agent speaks
            k = idx + len(np)
            if k + 1 < len(toks) and toks[k].norm in _AGENT_PREPOSITIONS and \
                    not _PUNCT_GAP.search(self._gap(np[-1], toks[k]) + self._gap(toks[k], toks[k + 1])):
                agent = self._np_forward(toks, k + 1)
                if agent and agent[-1].norm not in self.v.pronouns and self._plausible_subject(agent):
                    speaker = self.resolve(agent) or speaker
                    np_end = agent[-1].end
            speaker, np_end = self._named_in_apposition(toks, speaker, np, np_end, end)
            before = text[start:a_start].rstrip(" ,;—–")
            if before.strip():
                content = [(start, start + len(before))]
            else:
                rest = text[np_end:end]
                comma = rest.find(",")
                c_start = np_end + comma + 1 if comma != -1 else np_end
                content = [(c_start, end)]
            content = [_trim(text, s, e) for s, e in content]
            out.append(Found(speaker, (np[0].start, np_end), (a_start, a_end), content, "indirect"))
        return out

    def _named_in_apposition(self, toks: list[Token], speaker: Speaker, np: list[Token], np_end: int,
                             end: int) -> tuple[Speaker, int]:
        """After "according to <source>": an apposition set off by commas belongs to the source, not to the
        content. "the agency's chief executive, Tom Hale," names the person (who takes the description as
        title); "Tom Hale, the agency's chief executive," describes him. Returns the speaker and where
        the source ends."""
        k = next((n for n, t in enumerate(toks) if t.start >= np_end), None)
        if k is None or self.text[np_end:toks[k].start].strip() != ",":
            return speaker, np_end
        m = k  # the apposition runs to the next comma, with no other punctuation on the way
        while True:
            if m + 1 >= len(toks) or m - k >= 12 or toks[m + 1].start >= end:
                return speaker, np_end
            gap = self._gap(toks[m], toks[m + 1])
            if gap.strip() == ",":
                break
            if _PUNCT_GAP.search(gap):
                return speaker, np_end
            m += 1
        part = toks[k:m + 1]
        if speaker.kind != "named" and 2 <= len(part) <= 4 and all(_cap(t) for t in part):
            named = self.resolve(part)
            if named is not None and named.kind == "named":
                named.title = named.title or self.text[np[0].start:np[-1].end]
                return named, part[-1].end
        if speaker.kind == "named" and part[0].norm in _DETERMINERS | _OWNERS and \
                (part[-1].norm in self.v.title_words or part[-1].norm.endswith(_PERSON_ENDINGS)):
            speaker.title = speaker.title or self.text[part[0].start:part[-1].end]
            return speaker, part[-1].end
        return speaker, np_end

    def _nominal_cues(self, toks: list[Token], end: int, found: list[Found]) -> list[Found]:
        """"<owner>'s claim that …", "Trump's call for …", "the senator's criticism of …": a noun of
        saying or stance owned by a source, with its complement as content. A that-clause is the owner's
        view (attributed voice); other complements name it in the narrator's words."""
        text = self.text
        out: list[Found] = []
        for i in _local(self._possessives, self._lo, len(toks)):
            tok = toks[i]
            if i == 0 or text[toks[i - 1].end:tok.start] not in ("’", "'"):
                continue
            k = i + 1
            while k < len(toks) and k - i <= 3 and toks[k].norm in _NOUN_MODIFIERS:
                k += 1
            if k < len(toks) and toks[k].norm not in self.v.speech_nouns:
                # "Trump's unfounded assertions that …": any one or two words before a noun of saying and "that"
                k = next((m for m in (i + 2, i + 3) if m < len(toks) and toks[m].norm in self.v.speech_nouns and
                          not any(_cap(t) or t.norm in _FUNCTION for t in toks[i + 1:m]) and
                          re.match(r"\s+that\b", text[toks[m].end:end])), k)
            if k >= len(toks) or toks[k].norm not in self.v.speech_nouns or self._in_quote(toks[k].start):
                continue
            if any(f.cue_span[0] <= toks[k].start < f.cue_span[1] or f.source_span[0] <= toks[k].start <
                   f.source_span[1] for f in found):
                continue  # already the subject of a cue ("Lavrov's remarks signal that …")
            # ("Lavrov's view is that …": the complement after a form of "be")
            comp = re.match(r"\s*(?:(?:is|was)\s+(?=that\b))?(that|of|for|about|against|to|on|over)\b\s*",
                            text[toks[k].end:end])
            if not comp or comp.group(1) == "to" and not re.match(r"[a-z]+\b", text[toks[k].end + comp.end():end]):
                continue
            owner = self._np_back(toks, i - 1)
            opens = [n for n, t in enumerate(owner) if n and t.norm in _DETERMINERS and not _cap(t)]
            if opens:  # "The audit undercut the mayor's claims": the owner's phrase opens at its article
                owner = owner[opens[-1]:]
            if not owner or not self._plausible_subject(owner):
                continue
            speaker = self.resolve(owner)
            if speaker is None:
                continue
            c_from = toks[k].end + comp.end()
            clause = re.match(r"[^,;:.!?—–―(]*", text[c_from:end])
            content = _trim(text, c_from, c_from + clause.end())
            if content[1] <= content[0]:
                continue
            out.append(Found(speaker, (owner[0].start, tok.end), (toks[k].start, toks[k].end), [content],
                             "indirect", voiced=comp.group(1) == "that"))
        return out

    def _speaker_label(self, toks: list[Token], start: int, end: int) -> Found | None:
        """'PENCE: Well, look, …' or 'Poll: Voters …' — a short capitalised name and a colon opening a
        paragraph make the rest of the paragraph that source's."""
        if start > 0 and self.text[start - 1] != "\n":
            return None
        m = _LABEL.match(self.text, start, end)
        if not m:
            return None
        np = [t for t in toks if m.start(1) <= t.start and t.end <= m.end(1)]
        if len(np) > 1 and (np[0].norm.endswith("ed") or np[0].norm in self.v.irregular_past) and \
                np[0].start in self._cue_match_starts:
            np = np[1:]  # "Added Poynter: “…”", "Stated Stone: …": the cue opens the label, the name follows
        if not np or np[0].norm in self.v.not_labels:
            return None
        if any(t.norm in _LABEL_PREPOSITIONS for t in np[1:]):
            return None  # "Stealth Over Health: …", "Trouble In Paradise: …": a heading, not a name
        speaker = self.resolve(np) or Speaker(self.text[m.start(1):m.end(1)], "institution")
        if len(np) == 1 and not np[0].text.isupper() and speaker.kind == "institution" and \
                not any(np[0].norm in heads for heads in
                        (self.v.institution_heads, self.v.document_heads, self.v.anonymous_heads)) and \
                not self._name_elsewhere(np[0].text):
            return None  # "Proof: …", "Color: …", "Mondays: …": one capitalised word is a heading, not a name
        if m.group(2) and not self._name_elsewhere(np[-1].text, skip=np[-1].start):
            return None  # "Success on Signature Issue: …" is a subheading; "Obama on Climate Change: …" a speaker
        para_end = self.text.find("\n", start)
        para_end = len(self.text) if para_end == -1 else para_end
        colon = m.end(1) + self.text[m.end(1):m.end()].index(":")
        # "Obama on Climate Change: The Trends Are …": the topic and the colon are the cue
        cue = (m.start(2) + len(m.group(2)) - len(m.group(2).lstrip()), colon + 1) if m.group(2) else (colon, colon + 1)
        content = _trim(self.text, m.end(), para_end)
        if content[1] <= content[0] or len(re.findall(r"[^\W\d_]+", self.text[content[0]:content[1]])) < 2:
            return None  # "Bernie Sanders: 1,501.": a figure in a list, not speech
        if _NAME_LIST.fullmatch(self.text, content[0], content[1]):
            return None  # "Ohio: Ann Lee, Bo Park, Cy Ruiz": a list of names, not speech
        return Found(speaker, (np[0].start, np[-1].end), cue, [content], "direct")

    def _name_elsewhere(self, word: str, skip: int = -1) -> bool:
        """Does the text use the word as a name outside labels ("Eugênio: …" after "Eugênio Tadeu"): written
        capitalised somewhere not before a colon (nor at offset `skip`, the label's own), and never in lower
        case ("Color: …" after "use color")?"""
        texts = (self.text, self.names_context)  # (a headline's names are also read in its article)
        if any(re.search(rf"\b{re.escape(word.lower())}\b", text) for text in texts):
            return False
        return any(not (text is self.text and m.start() == skip)
                   for text in texts for m in re.finditer(rf"\b{re.escape(word)}\b(?!\s*:)", text))

    def _in_evidence(self, toks: list[Token], end: int) -> Found | None:
        """"In a poll released Monday, 50 percent chose Lee": a sentence that opens with "In" and a poll,
        survey or study before a comma reports what that source found (the clause after the comma)."""
        text = self.text
        head = None
        for k in range(1, min(len(toks), 16)):
            gap = self._gap(toks[k - 1], toks[k])
            if _CLAUSE_GAP.search(gap):
                return None
            if "," in gap:
                break
            if head is None and toks[k].norm in _EVIDENCE_HEADS:
                head = k
        else:
            return None
        if head is None or self._in_quote(toks[0].start):
            return None
        content = _trim(text, toks[k].start, end)
        if content[1] - content[0] < 12:
            return None
        np = toks[1:head + 1]
        speaker = self.resolve(np) or Speaker(text[np[0].start:np[-1].end], "document")
        return Found(speaker, (np[0].start, np[-1].end), (toks[0].start, toks[0].end), [content], "indirect")

    def _introduced_text(self, toks: list[Token], end: int) -> Found | None:
        """"Read his full statement below:", "The letter reads in part:" ¶ …: a sentence that ends its
        paragraph with a colon after a noun of saying introduces the next paragraph as that text."""
        text = self.text
        colon = re.match(r"\s*:\s*\n", text[toks[-1].end:end + 3])
        if colon is None:
            return None
        noun = next((k for k in range(len(toks) - 1, -1, -1) if toks[k].norm in self.v.speech_nouns
                     and not self._in_quote(toks[k].start)), None)
        if noun is None or len(toks) - noun > 6:
            return None
        para = re.match(r"\s*([^\n]+)", text[end:end + 4000])
        if para is None:
            return None
        phrase = self._np_back(toks, noun) or [toks[noun]]
        first = next((k for k, t in enumerate(phrase) if t.norm in _DETERMINERS or t.norm in _OWNERS), 0)
        phrase = phrase[first:]  # "Read the full statement": the noun phrase, not the verb before it
        owner = self._possessor(phrase)
        speaker = self.resolve(owner) if owner else None
        if speaker is None:
            speaker = Speaker(text[phrase[0].start:phrase[-1].end], "document")
        content = _trim(text, end + para.start(1), end + para.end(1))
        if content[1] <= content[0]:
            return None
        return Found(speaker, (phrase[0].start, phrase[-1].end), (toks[noun].start, toks[noun].end), [content],
                     "direct")

    def _unclaimed_quotes(self, toks: list[Token], start: int, quotes: list[tuple[int, int]],
                          claimed_quotes: set[tuple[int, int]], found: list[Found]) -> None:
        """Quotations no cue claimed: "Name: “…”", "“…” ― Name", the speaker of the attribution they go on
        from, or the paragraph's speaker (nobody when none of these). Appends them to `found`."""
        text = self.text
        for q in quotes:
            if q in claimed_quotes or q[0] < start:
                continue
            if any(cs <= q[0] and q[1] <= ce + 1 for f in found if not f.impersonal for cs, ce in f.content):
                continue  # inside someone's reported speech: theirs
            if _TITLE_BEFORE.search(text, max(start, q[0] - 12), q[0]) and is_title(text, q):
                continue  # "… said on “Harbour Hour.”": the name of a show, nobody's words
            speaker = None
            src, cue = (q[0], q[0]), (q[0], q[0])
            colon = re.search(r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})\s*:\s*$", text[start:q[0]])
            para_end = text.find("\n", q[1], q[1] + 120)
            dash = re.match(r"\s*([―—–]|--)\s*([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})\s*\.?\s*(?:$|(?=[“\"«„]))",
                            text[q[1]:para_end if para_end != -1 else q[1] + 120])
            # the same speaker goes on after "…,” she said. “…”
            said = next((f for f in [*reversed(found), self.state.last_found] if f is not None and
                         f.speaker is not None and not f.impersonal and (f.voiced or f.kind == "direct") and
                         _end(f) <= q[0] and
                         _CARRY_ON.fullmatch(text, _end(f), q[0])), None)
            if colon:
                np = [t for t in toks if start + colon.start(1) <= t.start < start + colon.end(1)]
                speaker = self.resolve(np) if np and np[0].norm not in self.v.not_labels else None
                if speaker is not None:
                    src = (np[0].start, np[-1].end)
                    cue = (start + colon.end(1), start + colon.end(1) + 1)
            elif dash:
                np = [t for t in self._tokens[bisect.bisect_left(self._token_starts, q[1] + dash.start(2)):
                                             bisect.bisect_left(self._token_starts, q[1] + dash.end(2))]]
                speaker = self.resolve(np) if np else None
                if speaker is not None:
                    src = (np[0].start, np[-1].end)
                    cue = (q[1] + dash.start(1), q[1] + dash.end(1))
            elif said is not None:
                speaker, src, cue = said.speaker, said.source_span, said.cue_span
            elif self.state.last_speaker is not None and self.state.last_speaker_end >= 0 and \
                    "\n" not in self.text[self.state.last_speaker_end:q[0]] and \
                    re.fullmatch(r"\s*", self.text[start:q[0]]):
                speaker = self.state.last_speaker  # the speaker's quotation goes on in the next sentence
            found.append(Found(speaker, src, cue, [q], "direct"))
