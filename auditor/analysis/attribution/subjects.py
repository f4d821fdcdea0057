"""The subject of a cue in its own clause: the noun phrase walking left from the verb ("Jane Roe, the
chair, said", "officials who spoke to the Post said", "a narrator in the ad asks") or right of an
inverted one ("…,” said Senator Jane Roe of Ohio"), and noun phrases after a word ("according to …")."""
from __future__ import annotations

import re

from ...textutil import Token
from .base import AttributorBase
from .grammar import (
    _AFTER_INVERSION, _AGENT_PARTICIPLES, _APPROXIMATORS, _BETWEEN, _CLAUSE_GAP, _CONJUNCTIONS, _CONTRACTED, _DASH,
    _DETERMINERS, _FAMILIAR, _FAMILIAR_PREPOSITIONS, _FUNCTION, _LONE_ADVERBS, _NAME_JOINERS, _NOT_PARTICIPLES,
    _NOT_PAST_FORMS, _OPENERS, _OWNERS, _PEOPLE_DEMONSTRATIVES, _PERSON_ENDINGS, _PHRASE_GAP, _POLLED, _PREPOSITIONS,
    _PUNCT_GAP, _QUOTE_THEN_SUBJECT, _SUBJECT_PREPOSITIONS, _SUBORDINATORS, _VENUE_PREPOSITIONS, _VENUES, _YEAR,
    _abbreviation, _adverb, _cap, _is_boundary,
)


class Subjects(AttributorBase):
    """Finding the subject phrase of a cue left or right of it."""

    def _np_back(self, toks: list[Token], j: int) -> list[Token]:
        """The noun phrase ending at toks[j], walking left to a boundary (at most 8 words)."""
        phrase: list[Token] = []
        if j >= 0 and toks[j].norm in self.v.pronouns:
            return [toks[j]]  # "… said he wants": the pronoun is the whole subject
        while j >= 0 and len(phrase) < 8:
            t = toks[j]
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if nxt is not None and phrase and re.search(r"[,;:“”\"«»()—–―]|['’]\s", self._gap(t, nxt)) and \
                    not self._plural_possessive(t, nxt):
                break
            if _is_boundary(t) and not self._joins_title(toks, j, phrase):
                break
            if t.norm in _BETWEEN and not _cap(t) and phrase and \
                    not (t.norm in _DETERMINERS and j > 0 and toks[j - 1].norm in _SUBJECT_PREPOSITIONS) and \
                    not self._joins_title(toks, j, phrase):
                break  # (not "both" in "bundlers in both parties")
            if phrase and t.start in self._cue_starts:
                break  # "said drivers had asked": another cue verb ends the subject
            phrase.insert(0, t)
            j -= 1
        return phrase

    def _plural_possessive(self, t: Token, nxt: Token) -> bool:
        """Is the gap between t and nxt a plural's possessive mark ("the drivers' union", "teachers’ pay"): an
        apostrophe right after a word in s that closes no quotation?"""
        gap = self._gap(t, nxt)
        return gap in ("' ", "’ ") and t.norm.endswith("s") and not nxt.text[:1].isupper() and \
            self._in_quote(t.end) is None and self._in_quote(t.start) is None

    def _joins_title(self, toks: list[Token], j: int, phrase: list[Token]) -> bool:
        """Is toks[j] an "and" inside a title ("Health and Human Services Secretary Alex Azar"): between
        capitalised words, with a title word after it?"""
        return toks[j].norm in _NAME_JOINERS and j > 0 and bool(phrase) and _cap(toks[j - 1]) and _cap(phrase[0]) and \
            any(t.norm in self.v.title_words for t in phrase) and not self._full_title(phrase[0])

    def _np_forward(self, toks: list[Token], i: int) -> list[Token]:
        """The noun phrase starting at toks[i] ('according to the ministry's statement')."""
        phrase: list[Token] = []
        j = i
        while j < len(toks) and len(phrase) < 8:
            t = toks[j]
            if phrase and re.search(r"[,;:.!?“”\"()—–―]", self._gap(toks[j - 1], t)):
                break
            if _is_boundary(t) and phrase and not (t.norm == "of" and len(phrase) == 1 and
                                                   phrase[0].norm in self.v.number_words):
                break  # ("some of his rivals", "one of the organisers": the share, then whose)
            phrase.append(t)
            if t.norm in self.v.pronouns:
                break
            j += 1
        return phrase

    def _subject_left(self, toks: list[Token], i: int, sent_start: int) -> list[Token]:
        """The subject ending just before toks[i], skipping auxiliaries and adverbs, a parenthesis
        ("Rep. Jane Roe (D-Ohio) said") and an apposition ("Jane Roe, the party's chair, said")."""
        j = i - 1
        while True:
            before = j
            while j >= 0 and (toks[j].norm in _BETWEEN or _adverb(toks[j]) or
                              toks[j].norm in _CONTRACTED and j > 0 and
                              toks[j - 1].norm in self.v.pronouns | self.v.relative_pronouns) \
                    and not _cap(toks[j]) and not self._lone_quantifier(toks, j):
                if _PHRASE_GAP.search(self._gap(toks[j], toks[j + 1])):
                    break
                j -= 1
            j = self._skip_time(toks, j)  # "Wells Fargo just this month announced"
            j = self._skip_venue(toks, j)  # "Stumpf in a televised interview appeared to blame"
            if j == before:
                break
        if j < 0:
            return []
        gap = self._gap(toks[j], toks[j + 1])
        if ")" in gap:  # skip the parenthesis back to its "("
            k = j
            while k >= 0 and "(" not in self.text[toks[k - 1].end if k else sent_start:toks[k].start]:
                k -= 1
                if j - k > 12:
                    return []
            j = k - 1
            if j < 0:
                return []
            gap = self._gap(toks[j], toks[j + 1])
        if _DASH.search(gap) and not re.search(r"[;:“”\"«»]|['’]\s", gap):
            # "Jane Roe — a teacher from Dayton — says": the name before the dashes, with the aside
            k = j
            while k > 0 and j - k < 20 and not _DASH.search(self._gap(toks[k - 1], toks[k])):
                if re.search(r"[;:“”\"«»()]|[.!?]\s", self._gap(toks[k - 1], toks[k])):
                    return []
                k -= 1
            if k == 0 or j - k >= 20:
                return []
            head = self._subject_ending(toks, k - 1)
            if not head or head[-1] is not toks[k - 1] or head[0].norm in self.v.relative_pronouns or \
                    re.search(r"[,;:“”\"«»()]", self.text[head[0].start:head[-1].end]):
                return []
            return head + toks[k:j + 1]
        if re.search(r"[;:“”\"«»—–―]|['’]\s", gap):
            return []
        if "," in gap:
            return self._apposition(toks, j)
        return self._before_agent(toks, self._subject_ending(toks, j))

    def _before_agent(self, toks: list[Token], subject: list[Token]) -> list[Token]:
        """The noun a reduced relative clause hangs on when the subject found lies inside that clause: in "A
        petition signed by 3,000 people calls for …" the petition calls, in "Residents hit by the flood say …"
        the residents say, in "the senator vying for the nomination said" the senator; the agent after "by"
        or the object of the participle's preposition is never the subject of the verb that follows."""
        if not subject:
            return subject
        h = next((k for k, t in enumerate(toks) if t is subject[0]), 0)
        while h > 0 and toks[h - 1].norm in _APPROXIMATORS and not self._gap(toks[h - 1], toks[h]).strip() and \
                (toks[h].norm[:1].isdigit() or toks[h].norm in self.v.number_words or toks[h].norm in _APPROXIMATORS):
            h -= 1  # "more than 3,000 people" (not "over" in "polls taken over the past two weeks")
        if h > 3 and toks[h - 1].norm == "by":
            # "A study released on Tuesday by researchers shows …": past a short time phrase to the participle
            p = h - 2
            while p > 1 and h - 2 - p < 3 and (toks[p].norm in self.v.time_words or toks[p].norm in _PREPOSITIONS or
                                                toks[p].norm in _DETERMINERS or toks[p].norm.isdigit()) and \
                    not self._gap(toks[p - 1], toks[p]).strip():
                p -= 1
            if p < h - 2 and (toks[p].norm.endswith("ed") or toks[p].norm in _AGENT_PARTICIPLES) and \
                    toks[p + 1].norm in _PREPOSITIONS | self.v.time_words and not _cap(toks[p]):
                head = self._subject_ending(toks, p - 1)
                if head and self._plausible_subject(head):
                    return head
        if h < 3 or _cap(toks[h - 2]) or (self._gap(toks[h - 3], toks[h - 2]) +
                                          self._gap(toks[h - 2], toks[h - 1])).strip():
            return subject
        participle = toks[h - 2].norm
        if toks[h - 1].norm == "by" and (participle.endswith("ed") or participle in _AGENT_PARTICIPLES):
            return self._subject_ending(toks, h - 3) or subject
        # "The average of polls taken over two weeks shows …": the noun before a past participle and its phrase
        if toks[h - 1].norm in _PREPOSITIONS and toks[h - 1].norm != "by" and \
                (participle.endswith("ed") or participle in _AGENT_PARTICIPLES) and participle not in _NOT_PAST_FORMS:
            head = self._subject_ending(toks, h - 3)
            if head and self._plausible_subject(head) and head[-1].norm not in self.v.pronouns:
                return head
        # "the senator vying for the nomination said", "a group advocating for tenants said": the noun
        # before the participle speaks, not the object of its preposition
        if toks[h - 1].norm in _PREPOSITIONS and participle.endswith("ing") and len(participle) > 4 and \
                participle not in _NOT_PARTICIPLES:
            head = self._subject_ending(toks, h - 3)
            if head and self._plausible_subject(head):
                return head
        return subject

    def _skip_time(self, toks: list[Token], j: int) -> int:
        """Index of the word before a time phrase ending at toks[j] ("Sanders on Tuesday said",
        "Trump early Friday said"); j itself when toks[j] ends no time phrase."""
        k = j
        named_time = False
        while k >= 0 and j - k < 4 and (toks[k].norm in self.v.time_words or _YEAR.fullmatch(toks[k].norm)
                                        or toks[k].norm in ("the", "that") and k < j) and \
                not _PHRASE_GAP.search(self._gap(toks[k], toks[k + 1]) if k + 1 < len(toks) else ""):
            named_time = named_time or toks[k].norm not in _FUNCTION | {"last", "this", "next", "early", "late", "in",
                                                                        "on", "at", "during", "the"}
            k -= 1
        return k if named_time and k >= 0 and k < j else j

    def _skip_venue(self, toks: list[Token], j: int) -> int:
        """Index of the word before a phrase naming where something was said, ending at toks[j] ("Lee in a
        statement said", "Stumpf in a televised interview appeared to blame"); j itself when there is none."""
        if j < 1 or toks[j].norm not in _VENUES:
            return j
        for k in range(j - 1, max(j - 5, 0), -1):
            if _PHRASE_GAP.search(self._gap(toks[k], toks[k + 1])) or _cap(toks[k]):
                return j
            if toks[k].norm in _VENUE_PREPOSITIONS:
                return k - 1
        return j

    def _apposition(self, toks: list[Token], j: int) -> list[Token]:
        """'<Name>, <apposition>, said': the name at the start of the clause, with the apposition (at most
        40 words, no sentence-level punctuation) as part of the source span."""
        k = j
        while k > 0 and j - k < 40:
            gap = self._gap(toks[k - 1], toks[k])
            if re.search(r"[;:“”\"«»]|['’]{2}|[!?]\s", gap) or _is_boundary(toks[k - 1]) and "," in gap or \
                    re.match(r"\.\s", gap) and not _abbreviation(toks[k - 1], self.v):
                break  # a sentence ends here, unless the full stop ends a title or an initial ("Mr. King, 82,")
            k -= 1
        if j - k >= 40:
            return []
        # The name opens the first comma-delimited part that can be one: "Despite losses on Tuesday, the
        # mayor remains upbeat, her aide, Tom Hale, said" is Tom Hale's aide speaking, not the clause before
        first = k
        while k <= j:
            head_end = k
            while head_end < j and "," not in self._gap(toks[head_end], toks[head_end + 1]) \
                    and "(" not in self._gap(toks[head_end], toks[head_end + 1]):
                head_end += 1
            if toks[k].norm in _CONJUNCTIONS and k == first and k < head_end:
                k += 1  # "And Jo Lin, a teacher, said …"
            elif toks[k].norm in _LONE_ADVERBS and k == first and k < head_end:
                k = first = k + 1  # "Then Tom Hale, the chairman, said …": the name opens the clause
            if toks[k].norm in _SUBORDINATORS and k < head_end and \
                    (_cap(toks[k + 1]) or toks[k + 1].norm in _DETERMINERS | _OWNERS):
                k += 1  # "…, when Mr. Hale, who had lost, called for …": the subject after the conjunction
            name = toks[k:head_end + 1]
            if k > first and len(name) == 1 and _cap(name[0]) and self.text[name[0].end:name[0].end + 1] == "." \
                    and k < j:
                k = head_end + 1  # "In Mount Prospect, Ill., Barbara Olpinski, 51, said": a state after a place
                continue
            # after the first part, only a plain noun phrase (no verb: "the club remains in the league")
            if 0 < len(name) <= 8 and toks[k].norm not in _OPENERS and \
                    ((self._plausible_subject(name) or k > first and name[0].norm in _DETERMINERS | _OWNERS and
                      len(name[-1].norm) > 4 and name[-1].norm.endswith(_PERSON_ENDINGS))
                     and (k == first or (self._np_back(toks, head_end) or [None])[0] is toks[k])
                     or self._head_before_preposition(name)):
                return toks[k:j + 1]
            k = head_end + 1
            while k <= j and "," not in self._gap(toks[k - 1], toks[k]):
                k += 1  # past a parenthesis to the next comma
        return []

    def _subject_ending(self, toks: list[Token], j: int) -> list[Token]:
        """The subject noun phrase that ends at toks[j] (a relative pronoun, a name, "a narrator in the ad",
        "six in 10"), or [] when the words there cannot speak."""
        if toks[j].norm in self.v.relative_pronouns:
            return [toks[j]]
        if self._share_of_whom(toks, j):
            return toks[j - 2:j + 1]  # "families, many of whom say …": a share of the noun before
        if self._lone_quantifier(toks, j):
            return [toks[j]]  # "To varying degrees, most agreed …": a quantifier standing alone
        phrase = self._np_back(toks, j)
        if phrase and phrase[-1].norm not in self.v.pronouns:
            # "officials who spoke to the Post said", "companies that had insured the mine agreed": the noun
            # before the relative clause speaks
            first = j - len(phrase) + 1
            for r in range(first - 1, max(first - 9, 0), -1):
                if _PUNCT_GAP.search(self._gap(toks[r], toks[r + 1])):
                    break
                if self._relative_word(toks, r) and (r < first - 1 or toks[r].norm == "that" or
                                                     self._verb_form(toks[first])):
                    if not _PUNCT_GAP.search(self._gap(toks[r - 1], toks[r])):
                        antecedent = self._np_back(toks, r - 1)
                        if antecedent and antecedent[-1].norm not in self.v.pronouns and \
                                self._plausible_subject(antecedent):
                            return antecedent + toks[r:j + 1]
                    break
        if len(phrase) >= 2 and phrase[-1].norm in _POLLED and not _cap(phrase[-1]):
            return phrase  # "those surveyed said", "voters polled say"
        # "reports surfaced suggesting": the noun before a bare past-tense verb is the subject
        if len(phrase) >= 2 and not _cap(phrase[-1]) and phrase[-1].norm.endswith("ed"):
            phrase = phrase[:-1]
        if phrase:
            # "a narrator in the ad asks", "the authors of the study found", "a person familiar with the
            # planning for the meeting says": the noun before the prepositions
            tail = phrase
            for _ in range(3):
                k = next(n for n, t in enumerate(toks) if t is tail[0]) - 1
                if k > 1 and toks[k].norm in _NAME_JOINERS and not _PUNCT_GAP.search(self._gap(toks[k], tail[0])):
                    # "experts on North Korea and nuclear nonproliferation said": past a conjunct to the
                    # preposition before it (the phrase speaks only if a noun that can speak heads it)
                    conjunct = self._np_back(toks, k - 1)
                    if not conjunct or _PUNCT_GAP.search(self._gap(toks[k - 1], toks[k])):
                        break
                    tail = conjunct
                    k = next(n for n, t in enumerate(toks) if t is tail[0]) - 1
                if k < 1 or not self._subject_preposition(toks[k - 1], toks[k], tail[0]) and \
                        not (toks[k].norm in _FAMILIAR_PREPOSITIONS and toks[k - 1].norm in _FAMILIAR) or \
                        _PHRASE_GAP.search(self._gap(toks[k], tail[0])):
                    break  # (and "people close to the mayor")
                head = self._np_back(toks, k - 1)
                if not head:
                    break
                noun = head[:-1] if len(head) > 1 and head[-1].norm in _FAMILIAR else head
                # ("those close to him", "those familiar with the talks": people, not "the talks")
                those = len(noun) == 1 and noun[0].norm in _PEOPLE_DEMONSTRATIVES and noun is not head
                if those or (self._plausible_subject(noun) or noun[-1].norm.endswith(_PERSON_ENDINGS)) and \
                        noun[-1].norm not in self.v.pronouns and noun[-1].norm not in self.v.time_words and \
                        (not _cap(noun[-1]) or noun[-1].norm in self.v.anonymous_heads or
                         self._plausible_subject(phrase)):  # ("Officials familiar with …" opening a sentence)
                    return head + toks[k:k + 1] + toks[k + 1:j + 1]
                # "Six in 10 say", "two of three voters said": a share of a group
                # (and "most of them", "some of us", "all of those")
                if tail is phrase and (head[-1].norm in self.v.number_words or head[-1].norm.isdigit()) and \
                        (phrase[-1].norm.isdigit() or phrase[-1].norm in self.v.number_words or
                         len(phrase) == 1 and phrase[0].norm in ("them", "us", "those")):
                    return head + [toks[k]] + phrase
                # "a wide array of economists say", "a group of parents said": a quantity of people
                if tail is phrase and toks[k].norm == "of" and head[0].norm in ("a", "an") and \
                        phrase[-1].norm not in self.v.pronouns and self._plausible_subject(phrase):
                    return head + [toks[k]] + phrase
                tail = head
        if not self._plausible_subject(phrase) and not any(p.norm in _DETERMINERS for p in phrase[:-1]):
            return []
        return phrase

    def _back_to_quote(self, toks: list[Token], left: list[Token]) -> list[Token]:
        """A subject between a quotation and its cue is all the words there: in "“…,” the senator and
        candidate said" the walk left stops at "and", but the quotation closing on a comma marks where the
        speech clause begins."""
        k = next((n for n, t in enumerate(toks) if t is left[0]), 0)
        m = k
        while m > 0 and k - m < 8 and not _PUNCT_GAP.search(self._gap(toks[m - 1], toks[m])) and \
                toks[m - 1].start not in self._cue_starts:
            m -= 1
        if m == k or m == 0 or not _QUOTE_THEN_SUBJECT.search(self.text, toks[m - 1].end, toks[m].start) or \
                not (toks[m].norm in _DETERMINERS or _cap(toks[m])):
            return left
        return list(toks[m:k]) + left

    def _antecedent_start(self, toks: list[Token], pronoun: Token) -> int:
        """Where the noun phrase a relative pronoun stands for begins ("Jo Lin, who", "critics who"), or
        the pronoun's own start when no speaker stands right before it."""
        k = next((n for n, t in enumerate(toks) if t is pronoun), 0)
        if k == 0 or _CLAUSE_GAP.search(self._gap(toks[k - 1], pronoun)):
            return pronoun.start
        antecedent = self._relative_antecedent(toks, k)
        if not antecedent or antecedent[-1].norm in self.v.pronouns:
            return pronoun.start
        return antecedent[0].start

    def _lone_quantifier(self, toks: list[Token], j: int) -> bool:
        """Is toks[j] a quantifier standing alone after a comma ("To varying degrees, all agreed …")?"""
        return toks[j].norm in self.v.number_words and j > 0 and bool(_PUNCT_GAP.search(self._gap(toks[j - 1],
                                                                                                  toks[j])))

    def _share_of_whom(self, toks: list[Token], j: int) -> bool:
        """Does toks[j] end "many of whom", "some of which", "two of whom"?"""
        return toks[j].norm in ("whom", "which") and j >= 2 and toks[j - 1].norm == "of" and \
            (toks[j - 2].norm in self.v.number_words or toks[j - 2].norm.isdigit())

    def _relative_antecedent(self, toks: list[Token], k: int) -> list[Token]:
        """The noun phrase a relative pronoun toks[k] stands for, or [] when none that can speak stands
        before it. A phrase with prepositions speaks through the noun before them ("residents of the Old
        Quay district, who say": the residents), and is returned whole."""
        antecedent = self._np_back(toks, k - 1) if k > 0 else []
        if not antecedent or self._plausible_subject(antecedent):
            return antecedent
        det = max((n for n, t in enumerate(antecedent[:-1]) if t.norm in _DETERMINERS), default=-1)
        if toks[k].norm == "who" and det >= 0 and antecedent[-1].norm.isalpha() and not _cap(antecedent[-1]) and \
                not _PUNCT_GAP.search(self._gap(antecedent[-1], toks[k])) and not self._verb_form(antecedent[-1]) and \
                antecedent[-1].start not in self._cue_match_starts:  # (not "by the time Lee learned who …")
            return antecedent[det:]  # "(pay) an architect who said …": "who" stands for a person, whatever the noun
        first = k - len(antecedent)
        gaps = self._gap(toks[first - 2], toks[first - 1]) + self._gap(toks[first - 1], toks[first]) \
            if first >= 2 else ","
        if toks[first - 1].norm in _SUBJECT_PREPOSITIONS and not _PUNCT_GAP.search(gaps):
            head = self._np_back(toks, first - 2)
            if head and head[-1].norm not in self.v.pronouns and self._plausible_subject(head):
                return head + toks[first - 1:k]
        cut = self._first_preposition(antecedent)
        return antecedent if cut and self._plausible_subject(antecedent[:cut]) else []

    def _subject_right(self, toks: list[Token], i: int, after_quote: bool = False) -> list[Token]:
        """The noun phrase after a cue in an inverted clause: 'said Lavrov', 'said the minister, who …'.
        It must end the clause (punctuation, the sentence end or a time or place phrase). Right after a
        quotation it may carry a prepositional phrase ('“…,” said Senator Jane Roe of Ohio')."""
        phrase: list[Token] = []
        j = i
        if 0 < i < len(toks) and re.search(r"[:;“”\"«»()—–―]", self._gap(toks[i - 1], toks[i])):
            return []  # "saying: “Hi, …”": what follows the colon is what was said, not who said it
        # after a quotation the subject may be a long title ("said the party's longtime policy aide Jo Lin")
        longest = 10 if after_quote else 6
        while j < len(toks) and len(phrase) < longest:
            t = toks[j]
            if phrase and re.search(r"[,;:.!?“”\"()—–―]", self._gap(toks[j - 1], t)) and \
                    not (self._gap(toks[j - 1], t) == ". " and _abbreviation(toks[j - 1], self.v) and _cap(t)):
                break
            if _is_boundary(t) and (phrase or t.norm not in self.v.pronouns):
                break
            if not phrase and t.norm not in _DETERMINERS and not _cap(t) and t.norm not in self.v.pronouns \
                    and t.norm not in self.v.anonymous_heads and t.norm not in self.v.title_words and \
                    not self._name_follows(toks, j, min(len(toks), j + 5)):
                return []  # (but "said conservative activist Bob Klaus": a description, then a name)
            phrase.append(t)
            if t.norm in self.v.pronouns:
                j += 1
                break
            j += 1
        # "said a source close to the mayor", "says a person familiar with the talks"
        familiar = len(phrase) > 1 and phrase[-1].norm in _FAMILIAR and j < len(toks) and \
            toks[j].norm in _FAMILIAR_PREPOSITIONS
        if not phrase or not self._plausible_subject(phrase[:-1] if familiar else phrase):
            return []
        if (after_quote or familiar) and j < len(toks) and \
                (toks[j].norm in _SUBJECT_PREPOSITIONS and toks[j].norm not in _AFTER_INVERSION or familiar) and \
                not _PUNCT_GAP.search(self._gap(toks[j - 1], toks[j])):
            # "said Senator Jane Roe of Ohio", "said one person with knowledge of the talks, who …"
            k = j + 1
            while k < len(toks) and k - j <= 8 and not _PUNCT_GAP.search(self._gap(toks[k - 1], toks[k])):
                k += 1
            if 1 < k - j <= 8 and (k == len(toks) or not re.search(r"[“\"(]", self._gap(toks[k - 1], toks[k]))):
                phrase, j = phrase + toks[j:k], k
        if j < len(toks):
            gap = self._gap(toks[j - 1], toks[j])
            if not re.search(r"[,;:.!?“”\"()—–―]", gap) and toks[j].norm not in _AFTER_INVERSION:
                return []
        return phrase

    def _name_follows(self, toks: list[Token], n: int, limit: int) -> bool:
        """Does a capitalised name follow within four plain words ("Republican presidential candidate
        Donald Trump", "9/11 widow Terry Strada")? Then the lower-case words are part of a title, not the
        verb."""
        for m in range(n, min(limit, n + 4)):
            t = toks[m]
            if m > n and re.search(r"[,;:“”\"()—–―]", self._gap(toks[m - 1], t)) or _is_boundary(t) or \
                    t.norm in _BETWEEN or t.start in self._cue_starts:
                return False
            if _cap(t):
                return m > n
        return False
