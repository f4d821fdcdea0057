"""Who a noun phrase names: resolving a subject phrase to a Speaker (a person by name, title or pronoun,
an institution, a document, unnamed people) and testing whether words can speak at all."""
from __future__ import annotations

import re

from ...textutil import Token
from .base import AttributorBase
from .grammar import (
    _AUXILIARIES, _BE, _DETERMINERS, _FAMILIAR, _FUNCTION, _LONE_ADVERBS, _MODIFIER_HEADS, _NAME_JOINERS, _NOT_NAMES,
    _OWNERS, _PARTICIPLE_OPENERS, _PAST_VERBS, _PEOPLE_DEMONSTRATIVES, _PEOPLE_SUFFIXES, _PERSON_ENDINGS,
    _PERSON_PREPOSITIONS, _PUNCT_GAP, _RECIPIENT_PREPOSITIONS, _SHARE_WORDS, _SUBJECT_PREPOSITIONS, _WH_WORDS, _cap,
)
from .model import Speaker


class Speakers(AttributorBase):
    """Resolving phrases to speakers; whether a word or phrase can be a source."""

    def resolve(self, phrase_tokens: list[Token]) -> Speaker | None:
        """Name, kind and title of the noun phrase that speaks."""
        if phrase_tokens and phrase_tokens[-1].norm in self.v.speech_nouns:
            owner = self._possessor(phrase_tokens)
            if owner:  # "Lavrov's remarks" speak for Lavrov
                return self.resolve(owner)
        toks = [t for t in phrase_tokens if t.norm not in _DETERMINERS or _cap(t) and t is not phrase_tokens[0]]
        if toks and toks[0] is phrase_tokens[0] and toks[0].norm in _NOT_NAMES:
            toks = toks[1:]  # "Unless …", "Had Klein …", "Later the Prime Minister …": a sentence's first word
        if not toks:
            return None
        norms = [t.norm for t in toks]
        initials = len(toks) == 1 and len(toks[0].text) > 1 and toks[0].text.isupper()  # "NATO", "the US"
        if len(toks) == 1 and norms[0] in self.v.pronouns and not (initials and toks[0] is not phrase_tokens[0]):
            if norms[0] in self.v.person_pronouns:  # (an all-caps "HE" is a pronoun; "the US" is not)
                return self.person_for(norms[0], toks[0].start)
            return self.state.last_speaker
        if initials:
            return Speaker(self._unnamed(phrase_tokens), "institution")
        head = norms[-1]
        if head.isdigit() or head in self.v.number_words or head in _SHARE_WORDS:
            # "Six in 10 predict", "Fifty-two percent say": a share of those polled, nobody named
            return Speaker(self._unnamed(phrase_tokens), "anonymous")
        capitals = [t for t in toks if _cap(t)]
        # Title words at the front, then a capitalised name: "Russian Foreign Minister Sergey Lavrov"
        if capitals and self._name_cap(toks, len(toks) - 1):
            split = 0
            for i, t in enumerate(toks):
                if t.norm in self.v.title_words or not self._name_cap(toks, i):
                    split = i + 1
            if split == len(toks):
                split = self._name_before_title(toks)
            if split == len(toks):
                # a title with no name after it ("a Republican", "the Prime Minister", "the PAHO Director"):
                # the person named with that title before, or someone unnamed, not a person called
                # "Republican"; words of titles that together name a body ("the White House") are that body
                if " ".join(norms) in self.v.institution_heads:
                    return Speaker(self._unnamed(phrase_tokens), "institution")
                return self._person_by_title(norms) or Speaker(self._unnamed(phrase_tokens), "anonymous")
            name_toks = toks[split:]
            title_toks = toks[:split]
            while len(title_toks) > 1 and re.search(r"[()\[\]]", self._gap(title_toks[0], title_toks[1])):
                title_toks = title_toks[1:]  # "(CNN)President Donald Trump": a dateline is no part of the title
            joined = [k for k, t in enumerate(title_toks) if t.norm in _NAME_JOINERS]
            # ("Trump and US Trade Representative Robert Lighthizer": Trump is someone; not "Health and Human
            # Services Secretary Alex Azar", where "and" joins the words of one title)
            before, after = (title_toks[:joined[-1]], title_toks[joined[-1] + 1:]) if joined else ([], [])
            if joined and self._names_someone(before) and (
                    not any(t.norm in self.v.title_words for t in after) or self._full_title(after[0]) or
                    self._known_name(self.text[before[0].start:before[-1].end])):
                title_toks = title_toks[joined[-1] + 1:]  # "Kimberly and Tom Lee": Kimberly is no title
            name = self.text[name_toks[0].start:name_toks[-1].end]
            title = self.text[title_toks[0].start:title_toks[-1].end] if title_toks else None
            known = self._known_person(name)
            if known:
                if title and not known.title:
                    known.title = title
                return known
            full = self.mentions.get(name.lower()) if len(name_toks) == 1 else None
            if full and not title:
                person = Speaker(full, "named", None)
                self.state.people.append(person)
                return person
            if len(name_toks) >= 2 and all(len(t.text) == 1 for t in name_toks):  # U.S., U.N.
                end = name_toks[-1].end
                return Speaker(name + "." if self.text[end:end + 1] == "." else name, "institution")
            if len(name_toks) >= 2 or title:
                if name.lower() in self.v.institution_heads or head in self.v.institution_heads:
                    return Speaker(self.text[toks[0].start:toks[-1].end], "institution")
                person = Speaker(name, "named", title)
                self.state.people.append(person)
                return person
            if head in self.v.anonymous_heads or self._people_plural(head):
                return Speaker(self._unnamed(phrase_tokens), "anonymous")  # ("Nurses said": nurses)
            return Speaker(name, "institution")
        if head in self.v.title_words:
            by_title = self._person_by_title(norms)
            if by_title:
                return by_title
        # documents and institutions are named as written, a sentence-opening "The" lowered (_unnamed):
        # "The Russian government" and "the Russian government" are one source
        if head in self.v.document_heads:
            return Speaker(self._unnamed(phrase_tokens), "document")
        # "ten Riverton residents", "Riverton officials": unnamed people, whatever place word comes before
        # ("Russia's foreign minister", "China's ambassador": a person the text does not name)
        if head in self.v.institution_heads or any(_cap(t) for t in toks) and head not in self.v.anonymous_heads \
                and head not in self.v.title_words:
            return Speaker(self._unnamed(phrase_tokens), "institution")
        if head in self.v.anonymous_heads or head in self.v.title_words or self._people_plural(head) or \
                len(head) > 5 and head.endswith(_PEOPLE_SUFFIXES):  # ("attorneys", "nurses", "demonstrators")
            return Speaker(self._unnamed(phrase_tokens), "anonymous")
        return None

    def _people_plural(self, norm: str) -> bool:
        """The plural of a word for people the vocabulary lists in the singular ("attorneys", "secretaries",
        "envoys"; not "Rogers" or "Powers")."""
        singular = norm[:-3] + "y" if norm.endswith("ies") else norm[:-1] if norm.endswith("s") else ""
        return bool(singular) and (singular in self.v.anonymous_heads or
                                   singular in self.v.title_words and singular not in self.v.title_modifiers)

    def _name_cap(self, toks: list[Token], k: int) -> bool:
        """Is toks[k] capitalised, or the lower-case part of a hyphenated name ("Park Geun-hye")?"""
        return _cap(toks[k]) or k > 0 and _cap(toks[k - 1]) and self._gap(toks[k - 1], toks[k]) == "-" and \
            toks[k].text[:1].isalpha()

    def _name_before_title(self, toks: list[Token]) -> int:
        """Where the name starts in a phrase that ends in a title word: a first name before a title word that
        is also a surname ("Carole King"), or len(toks) when the phrase is a title with no name."""
        k = len(toks) - 1
        if toks[k].norm not in self.v.surname_titles:
            return len(toks)
        while k > 0 and _cap(toks[k - 1]) and not toks[k - 1].text.isupper() and \
                toks[k - 1].norm not in self.v.title_words and self._gap(toks[k - 1], toks[k]) == " ":
            k -= 1
        return k if k < len(toks) - 1 else len(toks)

    def _first_preposition(self, phrase: list[Token], familiar: bool = False) -> int:
        """Index of the first preposition after the phrase's first word ("residents of …"; with
        `familiar`, also "people familiar with …"), or 0; "editor-in-chief" holds none."""
        return next((n for n, t in enumerate(phrase) if n and (
            self._subject_preposition(phrase[n - 1], t, phrase[n + 1] if n + 1 < len(phrase) else None) or
            familiar and t.norm in _FAMILIAR) and self._gap(phrase[n - 1], t) != "-"), 0)

    def _subject_preposition(self, before: Token, preposition: Token, after: Token | None) -> bool:
        """Can a subject go on past this preposition: "officials at the ministry", and after a noun for a
        person, before a noun phrase, also "an adviser to the president", "China's ambassador to Britain"
        (not "allowing the president to campaign", "refers to an API")?"""
        if preposition.norm in _SUBJECT_PREPOSITIONS:
            return True
        if preposition.norm not in _PERSON_PREPOSITIONS or after is None or \
                not (_cap(after) or after.norm in _DETERMINERS or after.norm in _OWNERS):
            return False
        norm = before.norm
        return norm in self.v.title_words or norm in self.v.anonymous_heads or self._people_plural(norm)

    def _through_prepositions(self, phrase: list[Token], cut: int) -> Speaker | None:
        """The speaker of a phrase that speaks through the noun before its prepositions: that person when
        named, else the whole phrase as written with the noun's kind ("officials at the Pentagon")."""
        titled = self._titled_name(phrase, cut)
        if titled is not None:
            return titled
        first = self.resolve(phrase[:cut])
        if first is None and phrase[0].norm in _PEOPLE_DEMONSTRATIVES:
            return Speaker(self._unnamed(phrase), "anonymous")  # "those familiar with the talks"
        if first is None or first.kind == "named":
            return first
        return Speaker(self._unnamed(phrase), first.kind)

    def _titled_name(self, phrase: list[Token], cut: int) -> Speaker | None:
        """A person whose title runs over the preposition at phrase[cut]: "Secretary of State Mike Pompeo",
        "China's ambassador to Britain Liu Xiaming". The name is the last two capitalised words (three with
        a middle initial), the capitalised words before it end the title; two capitalised words after the
        preposition give a one-word name only when the text names that person again ("Secretary of State
        Pompeo … Pompeo said"). None when the words there are a body ("a spokesperson for the British
        Foreign Office") or a titled person of their own ("an adviser to President Donald Trump")."""
        if phrase[cut - 1].norm not in self.v.title_words:
            return None
        k = len(phrase)
        while k > cut + 1 and _cap(phrase[k - 1]) and self._gap(phrase[k - 2], phrase[k - 1]).strip(" .") == "":
            k -= 1
        run = phrase[k:]
        # a bare title opens the phrase ("Secretary of State Mike Pompeo"), not "a rep for Whole Foods Market"
        bare = phrase[0].norm not in _DETERMINERS
        size = 2 if len(run) >= 3 and (bare or self._named_again(run[-2], run[-1])) else \
            1 if len(run) == 2 and self._named_again(run[-2], run[-1]) else 0
        if size and len(run) > size + 1 and len(run[-size].text) == 1:
            size += 1  # "Mike R. Pompeo"
        name_toks, rest = run[-size:], run[:-size]
        if not size or all(self._full_title(t) for t in rest) or any(
                t.norm in self.v.institution_heads or t.norm in self.v.document_heads or t.norm in self.v.title_words
                for t in name_toks):
            return None
        name = self.text[name_toks[0].start:name_toks[-1].end]
        known = self._known_person(name)
        if known:
            return known
        title_start = phrase[1] if phrase[0].norm in _DETERMINERS and len(phrase) > 1 else phrase[0]
        person = Speaker(name, "named", self.text[title_start.start:rest[-1].end])
        self.state.people.append(person)
        return person

    def _named_again(self, before: Token, surname: Token) -> bool:
        """Does the text use the surname elsewhere, not after the same word ("… Pompeo said" after
        "Secretary of State Pompeo"; not "Whole Foods Market" twice)?"""
        word = re.escape(surname.text)
        return any(m.start() != surname.start and not self.text[max(0, m.start() - len(before.text) - 1):m.start()]
                   .startswith(before.text) for m in re.finditer(rf"\b{word}\b", self.text))

    def _named_before_apposition(self, toks: list[Token], k: int) -> Speaker | None:
        """The person an apposition starting at toks[k] describes: "Barbara Olpinski, 51, a Republican who
        blames …" — the name before the commas (an age between them is skipped), or None."""
        for _ in range(3):
            if k < 2 or self._gap(toks[k - 1], toks[k]).strip() != ",":
                return None
            end = k - 1
            start = end
            while start > 0 and _cap(toks[start - 1]) and self._gap(toks[start - 1], toks[start]) == " ":
                start -= 1
            if toks[end].norm.isdigit():
                k = end
                continue  # "Jane Doe, 51, a teacher who …"
            if not _cap(toks[end]) or end - start < 1:
                return None
            person = self.resolve(toks[start:end + 1])
            return person if person is not None and person.kind == "named" else None
        return None

    def _resolve_subject(self, phrase: list[Token], toks: list[Token]) -> Speaker | None:
        """Resolve a subject phrase: a relative pronoun ('Jane Roe, who said') stands for the phrase before
        it; an apposition ('Jane Roe, the chair, said') is the name before its first comma."""
        if len(phrase) == 3 and phrase[0] in toks and self._share_of_whom(phrase, 2):
            # "families, many of whom say": that share of the noun before
            k = toks.index(phrase[0])
            antecedent = self._np_back(toks, k - 1) if k > 0 else []
            verb = max((n for n, t in enumerate(antecedent) if self._verb_form(t)), default=-1)
            antecedent = antecedent[verb + 1:]  # "The sale angered the fishermen, many of whom": the fishermen
            if not antecedent:
                return self.state.last_speaker
            return Speaker(f"{phrase[0].norm} of {self._unnamed(antecedent)}", "anonymous")
        relative = next((n for n, t in enumerate(phrase) if n and self._relative_word(phrase, n)), 0)
        if relative:
            phrase = phrase[:relative]  # "officials who spoke to the Post": the officials
        if len(phrase) == 1 and phrase[0].norm in self.v.relative_pronouns:
            k = next((k for k, t in enumerate(toks) if t is phrase[0]), 0)
            antecedent = self._relative_antecedent(toks, k)
            if not antecedent:  # "Dana Okafor, 44, a nurse who blames …": the nurse is Dana Okafor
                np = self._np_back(toks, k - 1) if k > 0 else []
                return (self._named_before_apposition(toks, k - len(np)) if np else None) or self.state.last_speaker
            cut = self._first_preposition(antecedent)
            if cut:  # "residents of the district, who …": named as the text has it
                return self._through_prepositions(antecedent, cut) or self.state.last_speaker
            found = self.resolve(antecedent)
            if found is None and (antecedent[-1].norm in _PEOPLE_DEMONSTRATIVES or phrase[0].norm == "who"):
                found = Speaker(self._unnamed(antecedent), "anonymous")  # "Those who believe …", "an architect who"
            if found is not None and found.kind != "named":
                found = self._named_before_apposition(toks, k - len(antecedent)) or found
            return found or self.state.last_speaker
        segments: list[list[Token]] = [[]]
        for k, t in enumerate(phrase):
            segments[-1].append(t)
            if k + 1 < len(phrase) and re.search(r"[,(—–―]|--", self._gap(t, phrase[k + 1])):
                segments.append([])
        head = segments[0]
        cut = self._first_preposition(head, familiar=True)
        # "the camp director, Omar Haddad, said": the name in the apposition, titled by the head
        # (and "The Secretary of State, Mike Pompeo, said": a title that runs over a preposition)
        titled_head = not _cap(head[-1]) or head[-1].norm in self.v.title_words or \
            bool(cut) and head[cut - 1].norm in self.v.title_words  # ("VFI Chief Executive, Padraig Cribben,")
        named_apposition = titled_head and len(segments) > 1 and all(_cap(t) for t in segments[1]) and \
            len(segments[1]) >= 2
        if cut and not named_apposition:
            # "officials at the Pentagon", "a narrator in the ad", "residents of Aleppo, Syria": the noun
            # before the preposition speaks
            first = self._through_prepositions(head, cut)
            if first is not None:
                return first
        if named_apposition:
            person = self.resolve(segments[1])
            if person is not None and person.kind == "named" and not person.title:
                person.title = self.text[head[0].start:head[-1].end]
            return person
        speaker = self.resolve(head)
        # "Jane Roe, the party's chair,"; an age is no title ("Jane Roe, 51, a nurse,")
        described = [seg for seg in segments[1:] if not (len(seg) == 1 and seg[0].norm.isdigit())][:1]
        if speaker is not None and speaker.kind == "named" and not speaker.title and described \
                and not _cap(described[0][0]) and len(described[0]) <= 8:
            speaker.title = self.text[described[0][0].start:described[0][-1].end]
        return speaker

    def _relative_word(self, toks: list[Token], n: int) -> bool:
        """Does toks[n] open a relative clause: "who", or "that" before a verb ("the group that organised
        the march", not "the coroner for that case")?"""
        if toks[n].norm == "who":
            return True
        after = toks[n + 1] if n + 1 < len(toks) else None
        return toks[n].norm == "that" and after is not None and not _cap(after) and (
            after.norm in _AUXILIARIES or self._verb_form(after) or
            after.norm.endswith("s") and not after.norm.endswith("ss") and after.norm not in self.v.anonymous_heads)

    def _unnamed(self, phrase: list[Token]) -> str:
        """The name of a source the text does not name: the phrase as written ("the mayor's defenders",
        "ten Riverton residents"), its first word in lower case when that is a word of the vocabulary whose
        capital only opens the sentence ("Critics" and "critics" are one source)."""
        first = phrase[0]
        words = self.text[first.start:phrase[-1].end]
        if _cap(first) and not (first.text.isupper() and len(first.text) > 1) and (  # "A petition", not "NATO"
                first.norm in _DETERMINERS or first.norm in self.v.anonymous_heads or first.norm in _FUNCTION or
                self._people_plural(first.norm)):
            return first.norm + words[len(first.text):]
        return words

    def _known_name(self, words: str) -> bool:
        """Is this a person the text names ("Trump" after "Donald Trump" or "President Trump")?"""
        return self._known_person(words) is not None or words.lower() in self.mentions

    def _full_title(self, tok: Token) -> bool:
        """A title word that opens a person's own title ("Mayor", "Senator"), not one that qualifies the next
        word ("Foreign Minister", "State Secretary")."""
        return tok.norm in self.v.title_words and tok.norm not in self.v.title_modifiers

    def _names_someone(self, toks: list[Token]) -> bool:
        """Whether the words before "and" in a title name someone ("Kimberly and Tom Lee", "Hamilton and
        Ellen Gille"): capitalised words none of which belongs to a title ("Defense and Foreign Minister")."""
        return bool(toks) and all(_cap(t) and t.norm not in self.v.title_words and t.norm not in self.v.title_modifiers
                                  for t in toks)

    def person_for(self, pronoun: str, at: int) -> Speaker | None:
        """The person "he" or "she" (at offset `at`) stands for. A person named as a speaker earlier in the
        sentence ("Sen. Lee said he doubted …", "Lee scolded him: “…,” she said", "Andrew spent a minute
        explaining how he couldn't …"); else the last person named, unless the text marks that person as the
        other ("Mr.", "Ms.", "the spokeswoman", "her husband"); then the latest person named whom it does not."""
        wanted = self.v.gendered_pronouns.get(pronoun)
        speaker = next((f.speaker for f in reversed(self._sentence_found) if f.speaker is not None and
                        f.speaker.kind == "named" and not f.passive and f.source_span[1] <= at and
                        self._gender(f.speaker) in (None, wanted)), None)
        if speaker is not None:
            return speaker
        person = self.state.last_person
        if person is None or wanted is None:
            return person
        if self._gender(person) in (None, wanted):
            return person
        return next((p for p in reversed(self.state.people) if p.kind == "named" and
                     self._gender(p) in (None, wanted)), person)

    def _gender(self, person: Speaker) -> str | None:
        """male, female or None (unknown) from the person's title. (Not from the pronouns the text used: one
        wrong guess would then carry through the rest of the article.)"""
        words = {w.strip(".,’'").lower() for w in (person.title or "").split()}
        return next((gender for gender, markers in self.v.gender_markers.items() if words & markers), None)

    def _known_person(self, name: str) -> Speaker | None:
        words = name.lower().split()
        if not words or not self.state.people:
            return None
        lowered, single = " ".join(words), len(words) == 1
        for person in reversed(self.state.people):
            known = person.name.lower()
            if known == lowered or (single and known.rsplit(None, 1)[-1] == lowered):
                return person
        return None

    def _person_by_title(self, norms: list[str]) -> Speaker | None:
        wanted = [n for n in norms if n in self.v.title_words]
        for person in reversed(self.state.people):
            title = (person.title or "").lower().split()
            if wanted and all(w in title for w in wanted):
                return person
        return None

    def _possessor(self, phrase: list[Token]) -> list[Token]:
        """The owner in "<owner>'s <noun>" ("Lavrov" in "Lavrov's remarks"), or [] when there is none."""
        for k in range(len(phrase) - 1, 0, -1):
            if phrase[k].norm == "s" and self.text[phrase[k - 1].end:phrase[k].start] in ("’", "'"):
                return phrase[:k]
        return []

    def _plausible_subject(self, phrase: list[Token]) -> bool:
        """Does the phrase look like someone who can speak (not a verb, adjective or stray noun)?"""
        if not phrase:
            return False
        head = phrase[-1]
        if len(phrase) == 1 and (head.norm in _PARTICIPLE_OPENERS or head.norm in _LONE_ADVERBS or
                                 head.norm in _NOT_NAMES):
            return False  # "Having announced that …", "Now consider …", "Unless …": an opening word, not a name
        if head.norm in self.v.speech_nouns and self._possessor(phrase):
            return True  # "Lavrov's remarks signal that …"
        if not _cap(head) and (head.norm.endswith(_PEOPLE_SUFFIXES) and len(head.norm) > 5 or
                               self._people_plural(head.norm)):
            return True  # "environmentalists", "protesters", "physicians", "attorneys": people who can speak
        if head.norm in _WH_WORDS:
            return False  # "Why not just say …"
        if head.norm.isdigit() and self.text[head.end:head.end + 1] == "%":
            return True  # "42% say": a share of those asked
        if head.norm == "old" and len(phrase) > 1 and phrase[-2].norm in ("year", "years") and \
                self._gap(phrase[-2], head) == "-":
            return True  # "the 46-year-old": a person of that age
        return bool(self._name_cap(phrase, len(phrase) - 1) or head.norm in self.v.pronouns or
                    head.norm in self.v.anonymous_heads
                    or head.norm in self.v.document_heads or head.norm in self.v.institution_heads
                    or head.norm in self.v.title_words and (head.norm not in self.v.title_modifiers or
                                                            head.norm in _MODIFIER_HEADS)
                    or head.norm in self.v.relative_pronouns)

    def _can_speak(self, head: Token) -> bool:
        """A word that can be the source of a participle right after it: a name, a pronoun, a noun for
        people or for a text ("tweets saying", "a letter urging", "protesters chanting")."""
        norm = head.norm
        return _cap(head) or norm in self.v.pronouns or norm in self.v.anonymous_heads or \
            norm in self.v.title_words and (norm not in self.v.title_modifiers or norm in _MODIFIER_HEADS) or \
            norm in self.v.speech_nouns or \
            norm in self.v.document_heads or norm in self.v.institution_heads or \
            len(norm) > 4 and norm.endswith(_PERSON_ENDINGS) or norm in self.v.relative_pronouns

    def _person_noun(self, tok: Token) -> bool:
        """A name or a noun for people ("advisers", "a spokesman", "the senator")."""
        norm = tok.norm
        return _cap(tok) or norm in self.v.anonymous_heads or norm in self.v.title_words or \
            len(norm) > 4 and norm.endswith(_PERSON_ENDINGS)

    def _verb_form(self, tok: Token) -> bool:
        """A finite verb or a past participle ("continued", "spoke", "has")."""
        norm = tok.norm
        return len(norm) > 3 and norm.endswith("ed") or norm in self.v.irregular_past or norm in _AUXILIARIES or \
            norm in _BE or tok.start in self._cue_starts

    def _head_before_preposition(self, phrase: list[Token]) -> bool:
        """Does a subject like "a narrator in the ad" have a head that can speak before its preposition?"""
        cut = next((n for n, t in enumerate(phrase) if n and t.norm in _SUBJECT_PREPOSITIONS), 0)
        return cut > 0 and (self._plausible_subject(phrase[cut - 1:cut]) or
                            phrase[cut - 1].norm.endswith(_PERSON_ENDINGS))

    def _object_before_participle(self, toks: list[Token], left: list[Token]) -> bool:
        """Is the noun phrase before a participle the object of a verb or a preposition ("wrote a letter to
        the mayor asking …", "issued a statement saying …")? Then the participle is the clause subject's."""
        k = next((n for n, t in enumerate(toks) if t is left[0]), 0)
        if k > 1 and toks[k - 1].norm in _RECIPIENT_PREPOSITIONS and \
                not _PUNCT_GAP.search(self._gap(toks[k - 2], left[0])) and not self._person_noun(toks[k - 2]):
            return True  # (not "advisers to the governor saying": the advisers speak)
        # "issued a statement": a past verb, then a determiner and the noun
        det = next((n for n in range(len(left) - 1, 0, -1) if left[n].norm in _DETERMINERS), 0)
        return any(not _cap(t) and (t.norm.endswith("ed") or t.norm in self.v.irregular_past or t.norm in _PAST_VERBS)
                   for t in left[:det])

