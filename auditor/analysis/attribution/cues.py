"""Attributions made by verbs of saying: which cue words read as verbs in the sentence, their subjects,
what they introduce, and the passive with an agent ("was criticised by the mayor")."""
from __future__ import annotations

import bisect
import re

from ...textutil import Token
from ..vocab import CUE, IMPERSONAL
from .base import AttributorBase, _trim
from .grammar import (
    _ADDITIVES, _AFTER_QUOTE, _AUXILIARIES, _BE, _BETWEEN, _BY_AGENT, _BY_MEANS, _COMPLEMENT_BY, _COORDINATORS,
    _DETERMINERS, _FIRST_SECOND, _FUNCTION, _GO_ON, _INVERSION_VERBS, _ISSUING, _NAMING_COMPLEMENT, _NOT_NAMES,
    _NOT_OBJECTS, _NOUN_FOLLOWERS, _OBJECT_ONLY, _OPENING_ADVERBS, _PASSIVE_ADVERBS, _PASSIVE_BY, _PLURAL_NOUN_CUES,
    _PREPOSITIONS, _PUNCT_GAP, _QUOTE_THEN_SUBJECT, _SHARE_WORDS, _YEAR, _adverb, _cap, _headline, _is_boundary,
)
from .model import Found, Speaker


class VerbCues(AttributorBase):
    """The pass over the cue verbs of a sentence."""

    def _verb_cues(self, toks: list[Token], start: int, end: int, quotes: list[tuple[int, int]],
                   found: list[Found], claimed_quotes: set[tuple[int, int]]) -> None:
        """Attributions made by verbs of saying in the sentence ("Lee said …", "…,” said Lee", "…, adding
        that …"), appended to `found`; the quotations they introduce are added to `claimed_quotes`."""
        text = self.text
        lo = self._lo
        by_list = self._sentence_matches
        sentence_subject: Speaker | None = None
        longest: dict[int, int] = {}
        for m in by_list[CUE]:
            longest[m.start] = max(longest.get(m.start, 0), m.end)
        markers = [(m.start, m.end) for m in by_list[IMPERSONAL]]
        for m in by_list[CUE]:
            c_start, c_end = m.start, m.end
            if self._in_quote(c_start) or c_end < longest[c_start] or c_start in self._issued_cues or \
                    self._label_span[0] <= c_start < self._label_span[1]:  # "FALLIN: I think …": the label's
                continue  # "calling for": the phrase, not "calling" as well
            if text[c_start - 1:c_start] in ("-", "‐"):
                continue  # "establishment-backed", "state-endorsed": a compound adjective, not a verb
            i = bisect.bisect_left(self._token_starts, c_start, lo) - lo  # matches start and end on tokens
            j = bisect.bisect_left(self._token_ends, c_end, lo) - lo
            base = self.v.cue_bases[m.entry.term_index]
            cue_tok = toks[i]
            if i > 1 and any(s <= toks[i - 2].start and c_end <= e for s, e in markers):
                continue  # "it goes without saying that …", "it is worth noting": the writer's aside (not "it
                # shows", where "it" may be the video that shows)
            if base in _OBJECT_ONLY and cue_tok.norm.endswith("ing") and i > 0 and toks[i - 1].norm.isalpha() and \
                    not _cap(toks[i - 1]) and toks[i - 1].norm not in self.v.pronouns and \
                    self._gap(toks[i - 1], cue_tok) == " " and toks[i - 1].norm not in _FUNCTION and \
                    toks[i - 1].norm not in _AUXILIARIES | _BE and not _adverb(toks[i - 1]) and \
                    not self._plausible_subject([toks[i - 1]]):
                continue  # "a policy favoring free trade", "an agenda backing tariffs": what the noun stands for
                # (not "so many politicians supporting him": people who take the stance)
            if base in _OBJECT_ONLY and not self._stance_object(toks, i, j):
                continue  # "support for the plan", "85 percent support", "backed out": a noun or a particle verb
            if _cap(cue_tok) and i > 0 and not re.search(r"[“\"‘'«(:—–―]\s*$", text[toks[i - 1].end:c_start]) \
                    and not _headline(toks):
                continue  # "the United States", "the Clean Power Plan": a name, not a verb
            after_text = text[c_end:end]
            if cue_tok.norm.endswith("ing") and re.match(r"\s+by\b", after_text) and \
                    not re.match(r"\s+by\s+[a-z]+ing\b", after_text):
                continue  # "(Additional reporting by …)": a credit, not speech
            past = cue_tok.norm.endswith("ed") or cue_tok.norm in self.v.irregular_past
            if base in _PLURAL_NOUN_CUES and cue_tok.norm.endswith("s") and \
                    not _QUOTE_THEN_SUBJECT.search(text, max(start, c_start - 8), c_start):
                continue  # "RMS' public comments on the list": the plural noun (not "“…,” comments Johnston")
            if base in _ISSUING and (past and i > 0 and toks[i - 1].norm in _BE | {"been"} or
                                     _BY_AGENT.match(text, c_end, end)):
                continue  # "the statement released by the campaign", "debt issued by the bank": the document
            if past and self._adjective_participle(toks, i, j):
                continue  # "the 1,200 promised jobs", "the reported deal": an adjective, not a verb
            # "is expected to", "was not widely seen as": a form of "be" and adverbs before a past participle
            b = i - 1
            while b > 0 and (toks[b].norm in _PASSIVE_ADVERBS or _adverb(toks[b])) and toks[b].norm not in _BE:
                b -= 1
            # ("the pastor often said", "experts generally praised": an adverb without a form of "be" makes no
            # passive)
            passive = past and i > 0 and (toks[i - 1].norm in _BE | {"been"}
                                          or b < i - 1 and toks[b].norm in _BE)
            if passive:
                agent = self._passive_agent(toks, i, start, end, c_start, c_end, after_text, base)
                if agent is not None:
                    found.append(agent)
                continue  # passive with no agent: see _impersonal (only the verbs listed for it)
            if past and (by := _BY_AGENT.match(after_text)) and by.group(1).lower() not in _BY_MEANS \
                    and i > 0 and toks[i - 1].norm not in self.v.pronouns and base not in self.v.response_verbs:
                # "the divide highlighted by the shootings": a passive participle, its agent after "by"; an
                # agent that speaks makes it an attribution ("the bill, opposed by House Republicans, …")
                agent = self._reduced_passive(toks, i, base, start, end, c_start, c_end, after_text)
                if agent is not None:
                    found.append(agent)
                continue
            if past and "," in (text[toks[i - 1].end:c_start] if i > 0 else "") and \
                    (as_m := re.match(r"\s+(?:to\s+)?as\b", after_text)) and \
                    not self._as_clause(after_text[as_m.end():]):
                continue  # "Kyle, referred to as the deadliest sniper, …": a passive participle (not "Jones,
                # 25, said as a crowd walked by")
            # ("Some say …", "Both think …": a quantifier standing alone is the subject)
            if i > 0 and toks[i - 1].norm in _DETERMINERS | {"s"} and not past and \
                    not (toks[i - 1].norm == "s" and i > 1 and toks[i - 2].norm in
                         self.v.pronouns | self.v.relative_pronouns) and \
                    not (toks[i - 1].norm in self.v.number_words and not cue_tok.norm.endswith("ing") and
                         re.match(r"\s+that\b", text[c_end:end])) and \
                    not (toks[i - 1].norm in self.v.anonymous_heads and base not in self.v.noun_like and
                         (i == 1 or _PUNCT_GAP.search(self._gap(toks[i - 2], toks[i - 1])))):
                continue  # "the report", "his claims", "Trump's remarks": a noun, not a verb (but "some note that")
            if base in self.v.noun_like and not past and j + 1 < len(toks) and \
                    toks[j + 1].norm in self.v.title_words and _cap(toks[j + 1]) and \
                    (cue_tok.norm in self.v.title_modifiers or cue_tok.norm in self.v.title_words or
                     base in self.v.object_cues):
                continue  # "Democratic state Rep. Drew Gattine": a modifier of a title, not a verb
            if base in self.v.noun_like and not past and j + 1 < len(toks) and \
                    toks[j + 1].norm in _NOUN_FOLLOWERS and not _PUNCT_GAP.search(self._gap(toks[j], toks[j + 1])):
                continue  # "the Clean Air Act rules could …", "a plan similar to …": the noun, not the verb
            subject = self._cue_subject(toks, i, j, base, past, start, c_start, after_text, quotes)
            if subject is None:
                continue
            speaker_np, implicit = subject
            if len(speaker_np) > 1 and speaker_np[0] is toks[0] and speaker_np[0].norm in _OPENING_ADVERBS and \
                    _cap(speaker_np[0]):
                speaker_np = speaker_np[1:]  # "Now research shows …": the subject is the research
            antecedent_start = -1
            own = False
            cue_span = (c_start, c_end)
            if base in _ISSUING:  # "issued a statement saying …": what the document says, by its issuer
                issued = self._issued_content(toks, j, end)
                if issued is None:
                    continue
                content, kind, voiced, said = issued
                cue_span = said or cue_span
            else:
                spans = self._cue_content(toks, i, j, base, speaker_np, start, end, c_start, c_end, quotes)
                if spans is None:
                    continue
                content, kind, voiced = spans
            if implicit:
                source = self._borrowed_source(toks, i, start, c_end, content, found, sentence_subject)
                if source is None:
                    continue
                speaker, src_span, content = source
            else:
                speaker = self._resolve_subject(speaker_np, toks)
                src_span = (speaker_np[0].start, speaker_np[-1].end)
                if len(speaker_np) == 1 and speaker_np[0].norm in self.v.relative_pronouns:
                    # "commentators who have suggested …": the source is the noun the pronoun stands for
                    antecedent_start = self._antecedent_start(toks, speaker_np[0])
                if len(speaker_np) == 1 and speaker_np[0].norm in _FIRST_SECOND:
                    # "I doubt her sincerity" outside quotation marks: the writer's own view, not a source's
                    speaker, voiced = None, False
                    own = True
            if speaker is None and not implicit and speaker_np and speaker_np[-1].norm not in self.v.pronouns:
                speaker = Speaker(self._unnamed(speaker_np), "anonymous")
            if base in _OBJECT_ONLY and not self._takes_a_stance(speaker):
                continue  # "Firefox now supports printing", "Edgestore supports indexing": a product, no stance
            for q in content:
                if q in quotes:
                    claimed_quotes.add(q)
            found.append(Found(speaker, src_span, cue_span, content, kind, voiced, own_voice=own,
                               antecedent_start=antecedent_start))
            if cue_span[0] != c_start:
                self._issued_cues.add(cue_span[0])  # the document's "saying" is read: not again on its own
            if speaker is not None and not (not implicit and len(speaker_np) == 1 and
                                            speaker_np[0].norm in self.v.relative_pronouns):
                sentence_subject = speaker  # (not a relative clause's: "an architect who said …, saying")

    def _opening_participle(self, toks: list[Token], base: str, j: int) -> bool:
        """A participle of saying opening the sentence, whose subject comes after the comma ("Calling it a
        scam, Trump said …", "Describing the plan as a disaster, the mayor …"); not a label ("WARNING: …"), a
        title-case headline, a frame ("Speaking to reporters, …") or a gerund that is itself the subject
        ("Describing the differences is easy")."""
        if base not in self.v.opening_participles or toks[0].text.isupper() or _headline(toks) or \
                j + 1 >= len(toks) or toks[j + 1].norm in _PREPOSITIONS or ":" in self._gap(toks[j], toks[j + 1]):
            return False
        be = False
        for k in range(j + 1, min(len(toks), j + 30)):
            if toks[k].norm in _BE:
                be = True  # "Describing the differences between them is easy" (or a clause: "Claiming the plan
                # is a scam, Trump said …")
            if "," in self._gap(toks[k - 1], toks[k]):
                return not be or _cap(toks[k]) or toks[k].norm in self.v.pronouns
        return False

    def _takes_a_stance(self, speaker: Speaker | None) -> bool:
        """Can this source back or support someone: a person, a group of people, or an institution whose name
        says it is one ("the drivers' union", "the Senate committee"), not a product ("Firefox", "WASI")?"""
        if speaker is None or speaker.kind in ("named", "anonymous"):
            return True
        return speaker.kind == "institution" and speaker.name.split()[-1].lower() in self.v.institution_heads

    def _stance_object(self, toks: list[Token], i: int, j: int) -> bool:
        """Whether a stance verb that is as often a noun or a particle verb ("support", "back") has an object
        right after it and reads as a verb: not "support for the plan", "85 percent support", "backed out of the
        deal", "came back to", nor a gerund after a preposition ("accused of supporting extremism")."""
        if j + 1 >= len(toks) or toks[j + 1].norm in _NOT_OBJECTS or _PUNCT_GAP.search(self._gap(toks[j], toks[j + 1])):
            return False
        before = toks[i - 1].norm if i > 0 else ""
        return not (before.isdigit() or before in _SHARE_WORDS or before in _PREPOSITIONS)

    def _adjective_participle(self, toks: list[Token], i: int, j: int) -> bool:
        """Whether the past form toks[i..j] stands between an article or a count (not a year) and the noun
        it describes, with nothing but spaces around it."""
        if i == 0 or j + 1 >= len(toks):
            return False
        before, after = toks[i - 1], toks[j + 1]
        if i > 1 and (before.norm in _BETWEEN or _adverb(before)) and toks[i - 2].norm in _DETERMINERS:
            before = toks[i - 2]  # "an often cited study", "the widely reported deal"
        count = before.norm.isdigit() and not _YEAR.fullmatch(before.norm)
        if not (count or before.norm in _DETERMINERS) or before.norm in self.v.pronouns or _cap(after):
            return False
        if self._gap(toks[i - 1], toks[i]) != " " or self._gap(toks[j], after) != " ":
            return False
        return not any(after.norm in words for words in (_NOT_NAMES, _DETERMINERS, self.v.pronouns, _FUNCTION))

    def _cue_subject(self, toks: list[Token], i: int, j: int, base: str, past: bool, start: int, c_start: int,
                     after_text: str, quotes: list[tuple[int, int]]) -> tuple[list[Token], bool] | None:
        """The subject phrase of the cue at toks[i..j], left of it or inverted after it, and whether the cue
        borrows the subject of its clause instead (a participle, a coordinated verb: the phrase is then
        empty). None when the cue reads as a noun or a name here, or has no subject to borrow."""
        text = self.text
        cue_tok = toks[i]
        speaker_np: list[Token] = []
        gap_before = text[toks[i - 1].end:c_start] if i > 0 else ""
        left = self._subject_left(toks, i, start)
        if left and quotes:
            left = self._back_to_quote(toks, left)
        if cue_tok.norm.endswith("ing") and any(t.norm == "with" for t in left[:-1]):
            # "The plan stalled in March, with critics saying …": the participle's subject follows "with"
            left = left[max(n for n, t in enumerate(left[:-1]) if t.norm == "with") + 1:]
        # "…, then says …": a verb coordinated with the clause before, whose subject speaks
        coordinated = i > 1 and toks[i - 1].norm in ("then", "later") and "," in self._gap(toks[i - 2], toks[i - 1])
        if cue_tok.norm.endswith("ing") and "," in gap_before or coordinated:
            left = []  # "On Monday, Clinton leaned in, painting Trump as …": the clause's subject speaks
        elif cue_tok.norm.endswith("ing") and left and (not self._can_speak(left[-1]) or
                                                        self._object_before_participle(toks, left)):
            left = []  # "spent the day on the trail attacking …": the noun before is no speaker
        # a verb form with a that-clause after it is a verb whatever its subject ("A new poll shows that …",
        # "Another slide suggests that …")
        verb_with_that = cue_tok.norm.endswith("s") and not cue_tok.norm.endswith("ss") and bool(left) and \
            (bool(re.match(r"\s+that\b", after_text)) and left[0].norm in ("a", "an", "another")
             # a quotation right before the subject: "“Why?” a narrator asks."
             or bool(re.search(r"[”\"»][\s,]*$", text[start:left[0].start])))
        # the subject's head: the last word, or the last before an apposition ("Sanders, meanwhile, hopes")
        head = next((left[n] for n in range(len(left) - 1) if "," in self._gap(left[n], left[n + 1])),
                    left[-1]) if left else None
        if left and base in self.v.noun_like and not past and not verb_with_that and \
                not self._plausible_subject([head]) and not self._head_before_preposition(left):
            left = []
        if left and base in self.v.noun_like and not past and left[0].norm in ("a", "an") and not verb_with_that \
                and not (cue_tok.norm.endswith("s") and any(t.norm == "of" for t in left)) \
                and not (cue_tok.norm.endswith("s") and not cue_tok.norm.endswith("ss") and len(left) > 1 and
                         not _cap(left[-1]) and self._can_speak(left[-1])):
            return None  # "a Donald Trump tweet", "a government plan": a compound noun (not "a poll shows")
        if base in self.v.naming_verbs and past and j + 1 < len(toks) and \
                (_cap(toks[j + 1]) and toks[j + 1].norm not in self.v.pronouns or toks[j + 1].norm == "the") \
                and ("," in gap_before and not _NAMING_COMPLEMENT.match(after_text) or
                     left and left[0].norm in ("a", "an")):
            return None  # "a group called Lashkar", "His group, called the Legacy Fund,": a name, not speech
            # (but "Carson, speaking with the board, called the incident a disgrace": an object, then its name)
        if left:
            speaker_np = left
        elif (i == 0 or re.search(r"[,”\"’'―—]\s*$", text[toks[i - 1].end:c_start])) and \
                not cue_tok.norm.endswith("ing"):  # "…, declaring it “…”": a participle does not invert
            # (after a quotation or a comma the subject may carry a prepositional phrase: "…, said a
            # former spokesman for the ministry, Ann Lee")
            speaker_np = self._subject_right(toks, j + 1, i > 0 and (bool(
                _AFTER_QUOTE.search(text, toks[i - 1].end, c_start)) or base in _INVERSION_VERBS and
                "," in text[toks[i - 1].end:c_start]))
        # participle or coordinated cue with no subject: "…, describing it as", "and pointed out"
        implicit = False
        if not speaker_np and i > 2 and toks[i - 1].norm == "to" and toks[i - 2].norm in _GO_ON:
            # "The email goes on to say", "Critics went on to argue": the subject of the verb before "to"
            verb = i - 3 if toks[i - 2].norm == "on" else i - 2
            speaker_np = self._subject_left(toks, verb, start) if verb > 0 else []
        elif not speaker_np and i > 1 and toks[i - 1].norm in _GO_ON and cue_tok.norm.endswith("ing") and \
                not _PUNCT_GAP.search(gap_before):
            # "Critics have begun urging …", "She kept saying …": the subject of the verb before
            speaker_np = self._subject_left(toks, i - 1, start)
            if speaker_np and not self._can_speak(speaker_np[-1]):
                speaker_np = []  # "as the meeting began …": no speaker
        if not speaker_np:
            # "…, describing it as", "and pointed out", "went on to say": the subject is the clause's
            if cue_tok.norm.endswith("ing") and (i > 0 or self._opening_participle(toks, base, j)) or coordinated or \
                    (i > 0 and (toks[i - 1].norm in _COORDINATORS or toks[i - 1].norm in _ADDITIVES)) or \
                    (i > 1 and toks[i - 1].norm in _BETWEEN and toks[i - 2].norm in _COORDINATORS) or \
                    (i > 1 and toks[i - 1].norm == "to" and toks[i - 2].norm in _GO_ON):
                implicit = True
            else:
                return None
        return speaker_np, implicit

    def _reduced_passive(self, toks: list[Token], i: int, base: str, start: int, end: int, c_start: int,
                         c_end: int, after_text: str) -> Found | None:
        """A past participle of saying after a noun, with its agent ("a plan endorsed by the union", "The bill,
        opposed by House Republicans, stalled"): the agent is the source of the noun phrase before it, when
        the agent is someone who can speak (not "the divide highlighted by the shootings")."""
        agent = self._passive_agent(toks, i, start, end, c_start, c_end, after_text)
        if agent is None or agent.speaker is None or agent.speaker.kind == "document":
            return None
        # the noun phrase before the participle: up to six words, one comma right before it ("The bill, opposed")
        k = i - 1
        while k >= 0 and i - k <= 6 and not _is_boundary(toks[k]) and toks[k].norm not in _AUXILIARIES and \
                toks[k].norm not in self.v.pronouns and toks[k].start not in self._cue_starts and \
                not toks[k].norm.endswith("ed") and \
                not re.search(r"[;:.!?“”\"()—–―]" if k == i - 1 else r"[,;:.!?“”\"()—–―]",
                              self._gap(toks[k], toks[k + 1])):
            k -= 1
        if k == i - 1 or _cap(toks[i]):
            return None
        if base in self.v.as_verbs and not re.match(r"\s+as\b", self.text[agent.source_span[1]:end]):
            return None  # "the forum, viewed by 14.7 million people": watched, not judged ("seen by many as …")
        # the noun phrase is named in the narrator's words
        agent.content, agent.voiced = [(toks[k + 1].start, toks[i - 1].end)], False
        return agent

    def _passive_agent(self, toks: list[Token], i: int, start: int, end: int, c_start: int, c_end: int,
                       after_text: str, base: str = "") -> Found | None:
        """A passive cue with its agent after "by" ("was criticised by the mayor"; after a verb of naming or
        judging, past its complement: "has been called a charlatan by fellow physicians", "was described as
        reckless by the mayor"): the agent is the source of the rest of the sentence; None when no agent is
        named (see _impersonal)."""
        text = self.text
        by = _PASSIVE_BY.match(after_text) or \
            (_COMPLEMENT_BY.match(after_text) if base in self.v.as_verbs else None)
        if by:
            k = next((k for k, t in enumerate(toks) if t.start >= c_end + by.end()), None)
            speaker_np = self._np_forward(toks, k) if k is not None else []
            if speaker_np:
                rest_start = speaker_np[-1].end
                b = i - 1  # what was said ends before "was first", "has been"
                while b > 0 and (toks[b].norm in _AUXILIARIES or toks[b].norm in _PASSIVE_ADVERBS or
                                 _adverb(toks[b])):
                    b -= 1
                content = [(start, toks[b + 1].start), (c_end + by.start(1), c_end + by.end(1)),
                           (rest_start, end)]  # (the phrase before "by" is empty when there is none)
                content = [_trim(text, s, e) for s, e in content if text[s:e].strip(" .,;")]
                speaker = self.resolve(speaker_np)
                if speaker is None and len(speaker_np) == 1 and (speaker_np[0].norm in self.v.number_words or
                                                                  speaker_np[0].norm == "others"):
                    speaker = Speaker(self._unnamed(speaker_np), "anonymous")  # "was seen by some as …"
                if content and speaker is not None:
                    return Found(speaker, (speaker_np[0].start, speaker_np[-1].end),
                                 (c_start, c_end), content, "indirect", passive=True)
        return None
