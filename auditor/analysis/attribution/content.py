"""Where attributed content starts and ends: a quotation next to the cue, the reported clause after or
before it, and where that clause stops (a participle of saying, a coordinated cue, another source)."""
from __future__ import annotations

import bisect
import re

from ...ruleset.matcher import Match
from ...textutil import Token
from ..quotes import is_title
from ..vocab import CUE
from .base import AttributorBase, _trim
from .grammar import (
    _ADVERBIAL_COMMA, _ADVERBIAL_TAIL, _ADVERBIAL_THAT, _AND_ACTED, _AND_PARTICIPLE, _APPOSITION_AFTER,
    _APPOSITION_NAMED, _APPOSITION_START, _ASIDE_THEN_CLAUSE, _AS_OBJECT, _AS_PHRASES, _AUXILIARIES, _BEFORE_QUOTE,
    _BUT_ACTED, _COMMA_BEFORE, _COMMA_END, _COMMA_PARTICIPLE, _CONJUNCTIONS, _COORDINATOR, _DETERMINERS, _EVERYONE,
    _FRONTED_CLAUSE_COMMA, _FRONTED_SUBORDINATORS, _ISSUED_DOCUMENTS, _LISTENER_VERBS, _LONE_ADVERB, _LONE_ADVERBS,
    _LONG_ADVERBIAL_TAIL, _MODALS, _NEW_CLAUSE, _NOT_NAMES, _NOT_PARTICIPLES, _OBJECT_CLAUSE, _OBJECT_THAT,
    _OPENERS, _PAST_FORMS, _PREPOSITION_FIRST, _PRONOUN_VERDICT, _PUNCT_GAP, _RELATIVES, _SENTENCE_TAIL, _STANCE,
    _THIRD_PERSON, _TITLE_BEFORE, _TO_PUNCTUATION, _VERDICT_END, _WITH_CLAUSE, _WORD, _adverb_form, _cap,
)
from .model import Found


class Content(AttributorBase):
    """The content spans of attributions made by cues."""

    def _cue_content(self, toks: list[Token], i: int, j: int, base: str, speaker_np: list[Token], start: int,
                     end: int, c_start: int, c_end: int, quotes: list[tuple[int, int]]
                     ) -> tuple[list[tuple[int, int]], str, bool] | None:
        """What the cue at toks[i..j] introduces: a quotation right before or after it (direct), else the
        reported clause (indirect); with its kind and whether the wording is the source's. None when the cue
        introduces nothing."""
        text = self.text
        cue_tok = toks[i]
        content: list[tuple[int, int]] = []
        kind = "indirect"
        voiced = True
        subject_before = bool(speaker_np) and speaker_np[0].start < c_start
        after_from = c_end if not speaker_np or subject_before else speaker_np[-1].end
        q_after = next((q for q in quotes if q[0] >= after_from and
                        _BEFORE_QUOTE.fullmatch(text, after_from, q[0]) and
                        not any(after_from < c < q[0] for c in self._cue_starts)), None)  # (not "said, adding, “…”")
        if q_after is None and speaker_np and not subject_before:
            # "Said Dorothy Poynter, who grew up with Ali, “We were all so proud of him.”": the quotation after
            # an apposition of the inverted subject
            aside = _APPOSITION_AFTER.match(text, after_from)
            q_after = next((q for q in quotes if aside and q[0] == aside.end()), None)
        before_to = speaker_np[0].start if subject_before else c_start
        q_before = next((q for q in reversed(quotes) if q[1] <= before_to  # ("“…,” as a memo put it")
                         and re.fullmatch(r"[\s,]*(?:as\s+)?", text[q[1]:before_to])
                         and not _TITLE_BEFORE.search(text, max(start, q[0] - 12), q[0])
                         and not is_title(text, q, min_words=2)), None)  # “Sunday Morning Show,” X said
        if q_before is None and not quotes and subject_before and before_to == start and \
                base not in self.v.infinitive_cues and base not in self.v.needs_complement and \
                _SENTENCE_TAIL.fullmatch(text, c_end, end):
            # “We are ready.” Berg said. — the quotation closed the sentence before this one
            q_before = self._quote_before(start)
        result = None
        if q_before and not q_after and len(_WORD.findall(text, q_before[0], q_before[1])) <= 3 and \
                speaker_np and speaker_np[0].start < c_start and base not in _LISTENER_VERBS and \
                (w := re.match(r"\s+(?:that\s+)?([\w’']+)", text[c_end:end])) is not None and \
                (w.group(1).lower() in self.v.clause_openers or w.group(1)[:1].isupper()):
            # “Hannity,” Gingrich said the ticket would win: a short quotation (a name, a scare quote) before
            # a cue with a clause of its own after it is not what was said
            result = self._indirect_content(toks, i, j, base, speaker_np, start, end)
            if result is not None and (result[1] or base in self.v.object_cues) and \
                    all(s >= c_end for s, _ in result[0]):
                q_before = None  # (and "Bemoaning the “phony system,” Trump accused Holt of …": an object)
            else:
                result = None
        if q_before:
            content.append(q_before)
            kind = "direct"
        if q_after:
            content.append(q_after)
            kind = "direct"
        if not content and base in self.v.quote_only_cues:
            return None  # "she read the report": no quotation, no speech
        if not content:
            if result is None:
                result = self._indirect_content(toks, i, j, base, speaker_np, start, end)
            if result is None:
                return None
            content, voiced = result
            content = self._before_participle(content, c_end)
            if voiced and speaker_np and speaker_np[0].start < c_start:
                content = [(s, m.start()) if (m := _BUT_ACTED.search(text, s, e) or _AND_ACTED.search(text, s, e))
                           else (s, e) for s, e in content]
            if cue_tok.norm.endswith("ing"):  # "saying he was sad and linking to a page"
                content = [(s, m.start()) if (m := _AND_PARTICIPLE.search(text, s, e)) else (s, e)
                           for s, e in content]
        if kind == "indirect" and speaker_np and speaker_np[0].start < c_start and \
                (len(speaker_np) == 1 and speaker_np[0].norm in self.v.relative_pronouns or
                 self._share_of_whom(speaker_np, len(speaker_np) - 1)):
            # "McConnell, who said the goal was to win, spoke": the relative clause ends at its comma
            content = [(s, s + m.start()) if (m := re.search(r",|\s[—–―]|\s--", text[s:e])) else (s, e)
                       for s, e in content]
        content = [_trim(text, s, e) for s, e in content]
        content = [c for c in content if c[1] > c[0]]
        if not content:
            return None
        return content, kind, voiced

    def _indirect_content(self, toks: list[Token], i: int, j: int, base: str, speaker_np: list[Token],
                          start: int, end: int) -> tuple[list[tuple[int, int]], bool] | None:
        """Content of reported speech with no quotation next to the cue, and whether its wording is the
        source's (False for an object the narrator names: 'Trump cited the poll'); None when the cue
        introduces no content."""
        text = self.text
        c_start, c_end = toks[i].start, toks[j].end
        np_after = bool(speaker_np) and speaker_np[0].start > c_start
        after_from = speaker_np[-1].end if np_after else c_end
        after_text = text[after_from:end]
        # "The governor added:" and the words in the next paragraph (a block quotation)
        if re.fullmatch(r"(?:\s+[^.!?;“”\"\n:]{1,100})?\s*:\s*", after_text) and "\n" in text[end:end + 3] and \
                not np_after:  # "The governor added:", "Trump responded in a statement on Friday:" ¶ …
            para = self._next_paragraph(end)
            if para:
                return [para], True
        # "X said (to reporters on Tuesday) that …", "X warned: …"
        if base in self.v.object_then_that:  # "told reporters on Tuesday that …"
            comp = _OBJECT_THAT.match(after_text)
        else:  # "said on Tuesday that …" (a time or place, not an object: "rejected proposals that …")
            comp = _ADVERBIAL_THAT.match(after_text)
        if comp and after_text[comp.end():].strip(" .\"”"):
            return [(after_from + comp.end(), end)], True
        # "responded by citing the poll", "replied with a joke", "responded to the charge": what the response was
        if base in self.v.response_verbs and not np_after:
            how = re.match(r"\s+(?:by|with|to)\s+(?=\S)", after_text)
            if how:
                clause = _TO_PUNCTUATION.match(after_text, how.end())
                if clause.group().strip():
                    return [(after_from + how.end(), after_from + clause.end())], False
        # "explained how …", "asked whether …", "did not say why …": a question clause
        if not np_after:
            wh = re.match(r"\s+(?:how|why|what|whether|where|when|who|if)\b", after_text)
            if wh and after_text[wh.end():].strip(" .?\"”"):
                # the question is put in the narrator's words ("announces whether he will disregard the
                # onslaught of criticism"): it names what was said, not the source's words; "what" also opens
                # a thing said ("denouncing what it calls …"), which stays the source's
                voiced = wh.group().split()[-1].lower() == "what"
                return [(after_from + wh.start() + len(wh.group()) - len(wh.group().lstrip()), end)], voiced
        # "described it as …", "referred to X as …"
        if base in self.v.as_verbs and not np_after:
            as_match = _AS_OBJECT.match(after_text)
            if as_match and not self._as_clause(after_text[as_match.end():]):
                verdict = after_from + as_match.end()
                quote = next((q for q in self.quotes if q[0] == verdict), None)
                if quote is not None:  # 'rejected the accusations as "patently false," a spokesman said'
                    return [quote], True
                stop = _VERDICT_END.search(text, verdict, end)
                return [_trim(text, verdict, stop.start() if stop else end)], True
        # "…, Lavrov stressed, but …" / "…, he said." / "…, said the minister."
        pre_end = speaker_np[0].start if speaker_np and not np_after else c_start
        before = text[start:pre_end]
        rest = after_text
        rest_starts_clause = bool(re.match(r"\s*[\w“\"‘'«]", rest)) and bool(rest.strip(" .,;")) \
            and not _ADVERBIAL_TAIL.match(rest) \
            and not (_COMMA_END.search(before) and _LONG_ADVERBIAL_TAIL.match(rest) and
                     (m := re.match(r"\s*([\w’']+)", before)) is not None and m.group(1).lower() not in _OPENERS)
        # "…, Graham told The Huffington Post on Thursday.": a listener and no that-clause after the cue
        listener_only = base in _LISTENER_VERBS and len(rest.split()) <= 8 and \
            not re.search(r"\bthat\b|[“\"«:]", rest)
        # a participle after a comma ("…, calling her evasive") modifies the clause before it: its content
        # comes after it, never before
        participle = toks[i].norm.endswith("ing") and not speaker_np
        # "As the Post observed, Republicans control …": the clause after the comma
        if speaker_np and not np_after and re.fullmatch(r"(?:.*,\s*(?:and\s+|but\s+)?)?[Aa]s\s+", text[start:speaker_np[0].start]):
            clause = re.match(r"(?:\s+(?:in|on|at|during|last|this|earlier|later|yesterday|today|recently|"
                              r"previously|again|also|once|before|after|here|there)\b[^,;:.!?“”\"]{0,40})?"
                              r"\s*,\s*(?=\S)", rest)  # not "As the team considers its approach, …"
            if clause and rest[clause.end():].strip(" ."):
                return [(end - len(rest) + clause.end(), end)], True
        # "Scott had a gun, as police have said.": the clause before ", as", when the cue ends the sentence
        as_after = re.search(r"[,—–]\s*as\s+$", before) if speaker_np and not np_after else None
        if as_after and before[:as_after.start()].strip(" ,;—–") and _SENTENCE_TAIL.fullmatch(rest) and \
                speaker_np[0].norm not in _EVERYONE and \
                not any(t.norm in _MODALS for t in toks[:i] if speaker_np[-1].end <= t.start):
            return [_trim(text, start, start + as_after.start())], True
        # (not "…, as anyone reporting in good faith should know": common knowledge, claimed by the writer)
        # "These workers, the chief explained earlier in the hearing, were well paid": a parenthesis
        aside = _ADVERBIAL_COMMA.match(rest) if speaker_np and not np_after else None
        if aside and before.strip(" ,;—–") and re.search(r",\s*$", before) and not participle and \
                rest[aside.end():].strip(" ."):
            return [(start, pre_end), (end - len(rest) + aside.end(), end)], True
        if before.strip(" ,;—–") and re.search(r"[,—–]\s*$", before) and not participle and \
                (not rest_starts_clause or np_after or not speaker_np or listener_only):
            content = [(start, pre_end)]
            tail = re.match(r"\s*,\s*", rest)
            # "…, they said, but the speaker tried …": a new clause after the speech clause is the narrator's
            # "…, said a spokesman, Ann Lee, who …": after an inverted subject, a name, a noun phrase or a
            # relative clause is more about the speaker
            apposition = np_after and tail is not None and _APPOSITION_START.match(rest, tail.end()) is not None
            if tail and rest[tail.end():].strip(" .") and not re.match(r"\w+ing\b", rest[tail.end():]) and \
                    not _NEW_CLAUSE.match(rest, tail.end()) and not apposition:
                content.append((end - len(rest) + tail.end(), end))
            return content, True
        # "Lee says, win or lose, she is staying in the race", "She said, if elected, she would …": a clause
        # after an aside
        aside = _ASIDE_THEN_CLAUSE.match(rest) if (speaker_np and not np_after or participle) and \
            (base not in self.v.object_cues or base in self.v.bare_clause_cues) and base not in self.v.as_verbs and \
            base not in self.v.noun_like and \
            base not in self.v.response_verbs and base != "continue" else None
        if aside and (aside.group(1).lower() in self.v.clause_openers or aside.group(1)[:1].isupper()):
            return [(end - len(rest) + aside.start(1), end)], True
        if base in self.v.stance_cues and not np_after and (stance := _STANCE.match(rest)):
            # "argued against intervention by outside powers": what the source spoke against
            clause = _OBJECT_CLAUSE.match(rest, stance.end())
            if clause.end() > stance.end():
                return [(end - len(rest) + stance.end(), end - len(rest) + clause.end())], False
        if np_after or not rest_starts_clause:
            return None
        lone = _LONE_ADVERB.match(rest)
        if lone and (lone.group(1) in _LONE_ADVERBS or _adverb_form(lone.group(1))):
            return None  # "have advocated since, meaning …": an adverb, then the narrator's clause
        # "X said the plan would fail"
        if base not in self.v.needs_complement and base not in self.v.as_verbs:
            if re.match(r"\s*,\s*\w+ing\b", rest):
                return None
            if _PREPOSITION_FIRST.match(rest):
                # "wrote to the White House about guns": what it was about, in the narrator's words
                return [(end - len(rest), end)], False
            # "announced Friday a plan that will end …": an object, named in the narrator's words
            return [(end - len(rest), end)], base not in self.v.object_cues or _finite_clause(rest)
        # "wants to repeal the law", "urged voters to register": the intention, in the narrator's words
        if base in self.v.infinitive_cues and re.match(r"(?:\s+(?!to\b)[\w’'.-]+){0,4}?\s+to\s+[“\"‘]?[a-z]", rest):
            clause = _TO_PUNCTUATION.match(rest)
            return [(end - len(rest), end - len(rest) + clause.end())], False
        # "Some believe the plan will fail", "The poll shows Clinton ahead": a bare clause after a cue
        opener = re.match(r"\s*([\w-]+)(?:[’'](?:s|re|ll|ve|d|m)\b)?", rest)  # "she’ll", "they're": the pronoun
        # (after a participle only a clause with a finite verb: "…, adding the town must be ready", not
        # "…, showing no increase")
        if base in self.v.bare_clause_cues and opener and \
                (speaker_np or participle and self._finite_after(rest)) and \
                (opener.group(1).lower() in self.v.clause_openers or opener.group(1)[:1].isupper()
                 or opener.group(1)[:1].isdigit() or _noun_then_verb(rest)):
            # (a verb whose object is usually a thing, "warned the plan would fail", still reports a clause:
            # with a finite verb in it the wording is the source's)
            return [(end - len(rest), end)], base not in self.v.object_cues or _finite_clause(rest)
        # "Many Democrats considered it unacceptable", "deemed them unfit": the verdict on a pronoun object
        if base in self.v.small_clause_cues:
            verdict = _PRONOUN_VERDICT.match(rest)
            if verdict:
                clause = _OBJECT_CLAUSE.match(rest, verdict.end())
                if clause and clause.group().strip():
                    return [(end - len(rest) + verdict.end(), end - len(rest) + clause.end())], True
        # "Trump cited the poll", "She called him a liar": the object is content
        if base in self.v.object_cues:
            clause = _OBJECT_CLAUSE.match(rest)
            span = (end - len(rest), end - len(rest) + clause.end())
            if base in self.v.naming_verbs and (aside := _APPOSITION_NAMED.match(rest, clause.end())):
                # "called Clinton, his Democratic challenger, an ISIS “co-founder”": the name after the aside
                span = (span[0], end - len(rest) + _OBJECT_CLAUSE.match(rest, aside.end()).end())
            if text[span[0]:span[1]].strip():
                # "called out the speaker", "called off the talks": a phrasal verb, not a naming; "called a
                # strike", "called an election": something organised, with no name given to anything
                naming = base in self.v.naming_verbs and not re.match(r"\s*(?:out|off|up|in|into|back|an?)\b", rest)
                return [span], naming
        return None

    def _issued_content(self, toks: list[Token], j: int, end: int
                        ) -> tuple[list[tuple[int, int]], str, bool, tuple[int, int] | None] | None:
        """What a document the source issued says: "released the following statement: “…”" (the quotation),
        "sent out a statement that the port was sold" (the clause), "issued a statement Friday apologizing for
        the delay" (the participle's clause, in the narrator's words); with the content's kind, whether it is
        voiced, and the span of a verb of saying the document's own words hang on ("a letter … that says …",
        "a statement saying …", which is then the cue), else None. The document is named within five words
        of the verb; up to eight words of when, where or to whom may follow it. None when no document says
        anything."""
        text = self.text
        doc = next((k for k in range(j + 1, min(len(toks), j + 6)) if toks[k].norm in _ISSUED_DOCUMENTS), None)
        if doc is None or any(_PUNCT_GAP.search(self._gap(toks[k - 1], toks[k])) for k in range(j + 1, doc + 1)):
            return None
        for k in range(doc + 1, min(len(toks), doc + 10)):
            gap = self._gap(toks[k - 1], toks[k])
            if ":" in gap or "," in gap and re.search(r"[“\"«]", gap):
                quote = next((q for q in self.quotes if toks[k - 1].end <= q[0] < toks[k].start), None)
                if quote is not None:
                    return [quote], "direct", True, None
                return ([_trim(text, toks[k].start, end)], "indirect", True, None) if ":" in gap else None
            if _PUNCT_GAP.search(gap):
                return None
            tok = toks[k]
            said = self._cue_at(tok.start) if k + 1 < len(toks) else None
            if tok.norm in ("that", "which") and k + 1 < len(toks):
                # "a letter … that says he is healthy": what the letter says; "a statement that the port was
                # sold": the statement's clause
                said = self._cue_at(toks[k + 1].start)
                if said is not None:
                    return [_trim(text, said.end, end)], "indirect", True, (said.start, said.end)
                if tok.norm == "that" and _finite_clause(text[tok.start:end]):
                    return [_trim(text, toks[k + 1].start, end)], "indirect", True, None
                return None
            if said is not None and tok.norm.endswith("ing"):  # "issued a statement saying …"
                return [_trim(text, said.end, end)], "indirect", True, (said.start, said.end)
            if tok.norm.endswith("ing") and len(tok.norm) > 4 and tok.norm not in _NOT_PARTICIPLES and not _cap(tok) \
                    and not any(t.norm == "of" for t in toks[doc + 1:k]):  # (not "its analysis of hiring trends")
                # "issued a statement apologizing for the delay": what the statement did, in the narrator's words
                clause = _TO_PUNCTUATION.match(text, tok.start, end)
                return [_trim(text, tok.start, clause.end())], "indirect", False, None
        if doc == len(toks) - 1 and re.fullmatch(r"\s*:\s*", text[toks[doc].end:end]) and "\n" in text[end:end + 3]:
            # "The mayor released the following statement:" and the paragraph after it
            para = self._next_paragraph(end)
            if para:
                quote = next((q for q in self.quotes if q[0] == para[0]), None)
                return ([quote], "direct", True, None) if quote else ([para], "indirect", True, None)
        return None

    def _next_paragraph(self, end: int) -> tuple[int, int] | None:
        """The paragraph after a sentence that ends in a colon ("The governor added:" ¶ …), at most 4,000
        characters on."""
        para = re.match(r"\s*([^\n]+)", self.text[end:end + 4000])
        return (end + para.start(1), end + para.end(1)) if para else None

    def _cue_at(self, pos: int) -> Match | None:
        """The sentence's cue match that starts at `pos` ("saying", "says"), or None."""
        return next((m for m in self._sentence_matches[CUE] if m.start == pos), None)

    def _finite_after(self, rest: str) -> bool:
        """Is there a finite verb in the clause after a participle of saying: an auxiliary ("…, adding the town
        must be ready") or a past form after the clause's first two words ("…, claiming the quarantine
        violated her rights"), not "…, showing no increase" or "…, adding reported figures"?"""
        words = [w.lower() for w in _WORD.findall(rest, 0, 60)]
        return any(w in _AUXILIARIES for w in words) or any(
            len(w) > 4 and w.endswith("ed") or w in self.v.irregular_past or w in _PAST_FORMS for w in words[2:6])

    def _as_clause(self, after_as: str) -> bool:
        """Whether "as" opens a clause of time or reason ("attacked the plan as the vote began", "as he
        spoke") rather than the source's verdict ("as a hoax", "as the worst deal ever made"): a subject and
        a finite verb follow."""
        written = _WORD.findall(after_as, 0, 80)[:6]
        words = [w.lower() for w in written]
        if words and (words[0] in _AS_PHRASES or " ".join(words[:2]) in _AS_PHRASES):
            return True  # "as part of its campaign", "as well", "as a result": no verdict
        if len(words) < 2:
            return False
        if words[0] in self.v.pronouns or any(w in _AUXILIARIES for w in words[1:4]):
            return True
        def past(word: str) -> bool:
            return word in _PAST_FORMS or word.endswith("ed")

        if written[0][:1].isupper() and past(words[1]):
            return True  # "as Pyongyang fired three missiles"
        return len(words) > 2 and words[0] in _DETERMINERS and past(words[2])  # "as the vote began"

    def _before_participle(self, content: list[tuple[int, int]], after: int) -> list[tuple[int, int]]:
        """Reported speech ends where a participle of saying takes over after a comma ("said its profits
        rose, adding that …", "…, saying …"): that participle is a statement of its own by the same source."""
        text = self.text
        cuts = [m.start for m in self._sentence_matches[CUE] if m.start > after and
                text[m.start:m.end].split(None, 1)[0].lower().endswith("ing")]
        out = []
        for s, e in content:
            # any participle clause after a comma modifies the sentence's subject, not what was said
            # ("… what many felt the mayor failed to do, going on offense with …")
            for m in _COMMA_PARTICIPLE.finditer(text, s, e):
                if m.group(1).lower() not in _NOT_PARTICIPLES and "," not in text[m.end():e]:
                    e = m.start()  # (a participle closed by a comma is an aside: "that, having won, she …")
                    break
            for cut in cuts:
                if s < cut < e:
                    comma = _COMMA_BEFORE.search(text, max(s, cut - 24), cut)
                    if comma:
                        e = comma.start()
                        break
            out.append((s, e))
        return out

    def _cut_at_coordinated_cues(self, found: list[Found]) -> None:
        """A second cue coordinated with the first ends what the first introduced: "said the bridge would
        reopen and added that …", "criticized the council and praised the crew", "said … and she accused …"
        (the same subject, or a pronoun for it, after "and" or "but")."""
        text = self.text
        for f in found:
            if f.kind != "indirect":
                continue
            for g in found:
                if g is f or g.cue_span[0] <= f.cue_span[1]:
                    continue
                src_s, src_e = g.source_span
                with_clause = _WITH_CLAUSE.search(text, max(0, src_s - 12), src_s) if src_s < src_e else None
                if with_clause and text[g.cue_span[1] - 3:g.cue_span[1]] == "ing":
                    # "surveys show the fleet shrinking, with the board reporting …": the writer's addition
                    at = with_clause.start()
                    f.content = [(s, _trim(text, s, min(e, at))[1]) for s, e in f.content if s < at] or f.content
                    continue
                if src_s < src_e <= g.cue_span[0] and g.source_span != f.source_span:
                    if text[src_s:src_e].lower() not in _THIRD_PERSON and not self._clause_before(f, src_s):
                        continue  # another subject: "said the crew and the mayor agreed …" stays whole
                    at = src_s
                elif g.speaker is f.speaker and g.speaker is not None and \
                        self._form(g.cue_span) == self._form(f.cue_span):
                    # the same form ("said … and added"), not "said it would publish … and decide": that verb
                    # goes on inside what was said
                    at = g.cue_span[0]
                else:
                    continue
                pieces = []
                for s, e in f.content:
                    if s < at < e and (m := _COORDINATOR.search(text, max(s, at - 24), at)):
                        e = _trim(text, s, m.start())[1]
                    pieces.append((s, e))
                f.content = [c for c in pieces if c[1] > c[0]] or f.content

    def _end_at_main_clause(self, toks: list[Token], found: list[Found]) -> None:
        """In a sentence that opens with a subordinate clause ("Although critics say the plan is costly, the
        council approved it"), what a cue inside that clause introduced ends at the comma before the main
        clause."""
        first = 1 if len(toks) > 1 and toks[0].norm in _CONJUNCTIONS else 0  # "And while …"
        if not toks or toks[first].norm not in _FRONTED_SUBORDINATORS:
            return
        text = self.text
        for f in found:
            if f.kind != "indirect" or not f.content:
                continue
            s, e = f.content[0]
            comma = _FRONTED_CLAUSE_COMMA.search(text[s:e])
            if comma and toks[0].start < f.cue_span[0] < s + comma.start() and \
                    self._clause_follows(s + comma.end(), e):
                f.content = [(s, _trim(text, s, s + comma.start())[1])]

    def _clause_follows(self, start: int, end: int) -> bool:
        """Does a main clause open at `start`, not a list going on ("…, a divisive partisan exercise, and a
        distraction"): no comma within its first six words?"""
        return re.match(r"(?:\s*[\w’'.-]+){1,6}\s*,", self.text[start:end]) is None

    def _clause_before(self, f: Found, at: int) -> bool:
        """Does what f introduced hold a clause of its own (a finite verb) before the "and" that ends at `at`
        ("said they were convinced the inquiry failed and Democrats accused …": a second report, not "said the
        crew and the mayor agreed")?"""
        start = f.content[0][0]
        coordinator = _COORDINATOR.search(self.text, max(start, at - 24), at) if start < at else None
        if coordinator is None:
            return False
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, coordinator.start())
        if hi <= lo or _cap(self._tokens[hi - 1]) or self._tokens[hi - 1].norm in self.v.pronouns:
            return False  # "the United States and its allies will seek", "that he and his supporters regarded"
        return any(not _cap(t) and (t.norm in _AUXILIARIES or t.norm in self.v.irregular_past or
                                    len(t.norm) > 3 and t.norm.endswith("ed")) for t in self._tokens[lo:hi])

    def _form(self, span: tuple[int, int]) -> str:
        """The form of a cue's verb: past, -s, -ing or the bare form."""
        word = self.text[span[0]:span[1]].split(None, 1)[0].lower()
        if word.endswith("ed") or word in self.v.irregular_past:
            return "past"
        if word.endswith("ing"):
            return "ing"
        return "s" if word.endswith("s") else "bare"

    def _end_at_next_speaker(self, found: list[Found], quotes: list[tuple[int, int]]) -> None:
        """Reported speech ends at a comma where another source and its cue begin ("Staff confirmed he
        knew of the cable, Graham questioned why …", "…, and state officials have confirmed …"): the second
        clause is the other source's."""
        text = self.text
        starts = [g.source_span[0] for g in found if g.source_span[1] > g.source_span[0]
                  and g.source_span[1] <= g.cue_span[0]]
        if not starts:
            return
        for f in found:
            if f.kind != "indirect":
                continue
            pieces = []
            for s, e in f.content:
                if (s, e) not in quotes:
                    comma = next((m for p in starts if s < p < e and p > f.cue_span[1] and
                                  (m := _COMMA_END.search(text, s, p))), None)
                    if comma is not None:
                        e = _trim(text, s, comma.start())[1]
                pieces.append((s, e))
            f.content = [c for c in pieces if c[1] > c[0]] or f.content


def _noun_then_verb(rest: str) -> bool:
    """A clause that opens with a bare noun ("believe bigotry and xenophobia are acceptable", "think taxes
    are too high"): a plain word, then an auxiliary within five words, before any punctuation or relative
    word."""
    words = [w.lower() for w in _WORD.findall(re.match(r"[^,;:.!?—–―()“”\"]*", rest).group())[:6]]
    if not words or words[0] in _NOT_NAMES or words[0] in _AUXILIARIES or words[0].endswith("ly"):
        return False
    return _finite_clause(" ".join(words))


def _finite_clause(rest: str) -> bool:
    """Whether the words after a cue make a clause of their own ("the plan would fail") rather than an object
    ("a plan that will end the shutdown"): an auxiliary among the first words, before any relative word."""
    for word in _WORD.findall(rest, 0, 80)[1:8]:
        word = word.lower()
        if word in _AUXILIARIES:
            return True
        if word in _RELATIVES:
            return False
    return False
