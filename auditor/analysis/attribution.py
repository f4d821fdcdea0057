"""Who says what: reported speech and the speakers of quotations, sentence by sentence."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from itertools import compress
from operator import itemgetter

from ..resources import words
from ..textutil import Token, document_tokens
from ..ruleset.matcher import Match
from .quotes import is_title
from .vocab import ACCORDING, CUE, IMPERSONAL, PASSIVE, Vocabulary

_TOK_NORM, _TOK_START, _TOK_END = itemgetter(1), itemgetter(2), itemgetter(3)  # Token fields, read in C


def _grammar(key: str) -> frozenset[str]:
    """A closed word class from the `grammar` section of rules/resources/attribution.yaml."""
    return words("attribution", "grammar", key)


def _one_of(key: str) -> str:
    """A closed word class from the `grammar` section as a regex alternation (longest words first)."""
    return "|".join(re.escape(w) for w in sorted(_grammar(key), key=lambda w: (-len(w), w)))


# Words that end a subject noun phrase when walking left from a cue verb.
_BOUNDARY = _grammar("boundary")
# Words that may stand between a subject and its cue verb.
_BETWEEN = _grammar("between")
# Contractions of "is"/"has" after a pronoun ("He’s claiming"): skipped only right after a pronoun
_CONTRACTED = _grammar("contracted")
# Function words that end a phrase whatever their case ("But state law …").
_FUNCTION = _grammar("function")
# Words that may follow an inverted subject ("…, said Lavrov on Tuesday")
_AFTER_INVERSION = _grammar("after_inversion")
_DETERMINERS = _grammar("determiners")
_BE = _grammar("be")
_PASSIVE_ADVERBS = _grammar("passive_adverbs")
# Words between an owner's "'s" and the noun of saying ("Trump's repeated claims")
_NOUN_MODIFIERS = _grammar("noun_modifiers")
# Between an attribution and a quotation that goes on from it: punctuation, or where or when it was said
# ("…, she said in a phone interview. “But …”")
_CARRY_ON = re.compile(r"(?:\s+(?:in|on|at|during|after|before|to|from|with|via|through|last|this|earlier|"
                       r"later|yesterday|today|tonight|again)\b[^.!?“”\"\n]{0,60})?[ \t.,;:]*")
# An object named after a cue: up to punctuation, "but", or "and" with another participle ("calling for
# unity but refusing to …", "praising the staff and thanking …")
_OBJECT_CLAUSE = re.compile(r"(?:(?!\s+(?:but|and\s+\w+ing)\b)[^,;:.!?—–―])*")
# "… and linking to …": a participle coordinated with the one that introduced the content
_AND_PARTICIPLE = re.compile(r",?\s+and\s+(?:then\s+)?[a-z]{3,}ing\b")
# A preposition that opens what follows a cue: an object or an addressee, not a clause
_PREPOSITION_FIRST = re.compile(r"\s*(?:to|about|of|on|for|with|at|in|into|from|by|against|over|after|before)\b",
                                re.I)
# Words that open a new clause after a speech clause ("…, she said, but …", "…, he said, as …")
_NEW_CLAUSE = re.compile(r"(?:but|and|while|although|though|whereas|yet|so|as|because|which|when|after|before|"
                         r"since|if|until|even)\b", re.I)
# "said he planned to sign the bill but backed off": the speaker's next act, not what was said
_BUT_ACTED = re.compile(r",?\s+but\s+(?:then\s+|later\s+)?[a-z]{3,}ed\b")
# "by" and the word after it, after a past form: an agent ("highlighted by the shootings"), unless the word is
# a means of saying ("said by telephone") or a participle ("responded by citing")
_BY_AGENT = re.compile(r"\s+by\s+(?![a-z]+ing\b)([\w-]+)")
# A quotation that closes on a comma, a question or an exclamation right before a subject ("…,” the mayor said)
_QUOTE_THEN_SUBJECT = re.compile(r"[,?!][”\"’'»]{1,3}\s+$")
# "and" or "but" (and an adverb) right before a coordinated cue or its pronoun subject
_COORDINATOR = re.compile(rf",?\s+(?:and|but)\s+(?:(?:{_one_of('coordinated_adverbs')})\s+)?$")
# Pronouns that stand for a third person as the subject of a coordinated cue
_THIRD_PERSON = _grammar("third_person")
# What opens an apposition after an inverted subject: a name, a determiner or a relative pronoun
_APPOSITION_START = re.compile(rf"[A-Z]|(?:{_one_of('apposition_openers')})\b")
# What may follow a cue that ends its sentence ("Berg said.", "Berg told reporters on Friday.")
_SENTENCE_TAIL = re.compile(r"(?:\s+(?:on|in|at|during|after|later|earlier|again|afterwards|then|"
                            r"yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                            r"reporters)\b[^.!?“”\"\n]{0,40})?\s*[.!?]?\s*", re.I)
# A closing quotation mark (and a comma) right before an inverted cue ("…,” said …")
_AFTER_QUOTE = re.compile(r"[”\"’'»][\s,]*$|,[”\"’'»]\s*$")
# An adverb alone before a comma after a cue ("have argued since, …", "said so, …"): no clause follows
_LONE_ADVERB = re.compile(r"\s+([a-z]+)\s*,")
_WORD = re.compile(r"[\w’']+")
# Punctuation between two words that ends a phrase
_PUNCT_GAP = re.compile(r"[,;:.!?“”\"()—–―]")
# Punctuation between two words that ends a clause (a comma does not; a full stop does when a space follows)
_CLAUSE_GAP = re.compile(r"[;:“”\"()—–―]|[.!?]\s")
# A dateline before the first sentence's subject: a place in capitals, or a place and an agency in brackets,
# then a dash
_DATELINE = re.compile(r"(?:[A-Z][A-Z.'-]+\b[^—–\n]{0,40}?|[A-Z][\w.,' -]{0,40}?\([A-Za-z .]{2,30}\)\s*)"
                       r"(?:[—–―]|--|\s-\s)\s*")
# A list of at least three names ("Ann Lee, Bo Park, Cy Ruiz and Di Vos")
_NAME_LIST = re.compile(r"[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}"
                        r"(?:,(?: and)? [A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}){2,}\.?")
# A dash that opens or closes an aside ("Jane Roe — a teacher — said")
_DASH = re.compile(r"\s[—–―]\s|\s?--\s?|[—―]")
# A comma (and a conjunction) right before a position: where another source's clause begins
_COMMA_END = re.compile(r",\s*(?:(?:and|but|while)\s+)?$")
# A comma and at most one adverb right before a participle ("…, later adding")
_COMMA_BEFORE = re.compile(r",\s*(?:[a-z]+ly\s+)?$")
# Between a cue and the quotation it introduces: punctuation and at most one adverb ("adding later, “…”")
_BEFORE_QUOTE = re.compile(r"[\s,:;]*(?:(?:later|again|also|then|further|simply|finally|earlier|afterwards|"
                           r"[a-z]{3,}ly)\b[\s,:;]*)?(?:(?:in|at|on|during|to|from|via|after|before)\s[^“”\"«»\n,.;:]{1,50}"
                           r",[\s:]*)?")
# A preposition right before a quotation: a title ("on “Fox News Sunday,”"), not what was said
_TITLE_BEFORE = re.compile(r"\b(?:of|on|in|at|to|for|from|by|about|with)\s*$", re.I)
# Verbs of saying that invert after a clause and a comma ("…, said a spokesman for the ministry")
_INVERSION_VERBS = _grammar("inversion_verbs")
# Means of saying after "said by" ("said by telephone"): not the agent of a passive
_BY_MEANS = _grammar("by_means")
# Verbs that carry on into a cue's infinitive ("went on to say", "continued to insist")
_GO_ON = _grammar("go_on")
# Endings of plural nouns for people ("environmentalists", "protesters", "physicians", "residents")
_PEOPLE_SUFFIXES = tuple(sorted(_grammar("people_suffixes")))
# "PENCE: …", "Poll: …" opening a paragraph
_LABEL = re.compile(r"[\"“]?([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})\s*:\s+(?=\S)")
# Endings of nouns for people, singular or plural ("businessman", "economist", "physicians")
_PERSON_ENDINGS = _PEOPLE_SUFFIXES + ("man", "woman", "men", "women", "ist", "ian", "person", "people", "er", "or")
# Words ending in -ly that are not manner adverbs
_NOT_ADVERBS = _grammar("not_adverbs")
# Adverbs that may stand alone after a cue before a comma ("have argued since, …")
_LONE_ADVERBS = _grammar("lone_adverbs")
# A participle clause after a comma ("…, going on offense with …")
_COMMA_PARTICIPLE = re.compile(r",\s*(?:[a-z]+ly\s+)?([a-z]{2,}ing)\b")
# Words in -ing after a comma that open no participle clause of the subject ("…, including …")
_NOT_PARTICIPLES = _grammar("not_participles")
# Participles that open a sentence capitalised ("Having announced that …"): never a name
_PARTICIPLE_OPENERS = _grammar("participle_openers")
# Prepositions before a listener or a target ("a letter to the mayor asking …"): the noun after them is no
# speaker of a participle that follows
_RECIPIENT_PREPOSITIONS = _grammar("recipient_prepositions")
# Prepositions: the name after one is no subject ("At a rally in Reno, the mayor …")
_PREPOSITIONS = _grammar("prepositions")
# Words of a title that name a person when they end the phrase ("the chief executive", "the general")
_MODIFIER_HEADS = _grammar("modifier_heads")
# Prepositions after an adjective of closeness ("close to", "familiar with", "involved in")
_FAMILIAR_PREPOSITIONS = _grammar("familiar_prepositions")
# Conjunctions that may open a sentence before its subject ("And Jo Lin, a teacher, said …")
_CONJUNCTIONS = _grammar("conjunctions")
# Conjunctions that join a cue to an earlier verb of the same subject ("… spotted a sign and asked"), and
# adverbs that add a cue to what came before ("also said", "further noted")
_COORDINATORS = _grammar("coordinators")
_ADDITIVES = _grammar("additives")
# Common irregular past forms of verbs that take an object ("sent a letter", "gave a speech")
_PAST_VERBS = _grammar("past_verbs")
# Participles of polling after a noun or "those" ("those surveyed said", "voters polled say")
_POLLED = _grammar("polled")
# Sources of findings that may follow an opening "In" ("In a poll released Monday, …")
_EVIDENCE_HEADS = _grammar("evidence_heads")
# Prepositions before the agent of a document after "according to" ("a report from the agency")
_AGENT_PREPOSITIONS = _grammar("agent_prepositions")
# Question words: never a speaker
_WH_WORDS = _grammar("wh_words")
# Adjectives after a source noun that take a preposition ("people familiar with the talks")
_FAMILIAR = _grammar("familiar")
# Prepositions inside a subject ("a narrator in the ad", "officials at the ministry")
_SUBJECT_PREPOSITIONS = _grammar("subject_prepositions")
# Conjunctions that open a subordinate clause before its subject ("when Mr. Hale, who had lost, said …")
_SUBORDINATORS = _grammar("subordinators")
# Auxiliary verbs: a finite verb after a subject
_AUXILIARIES = _BE | _grammar("auxiliaries")
# Words that open a sentence with a phrase before its subject ("On Monday, …", "After the vote, …")
_OPENERS = _grammar("openers")
# Pronouns of the writer and the reader: outside quotation marks they are nobody's source
_FIRST_SECOND = _grammar("first_second")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
# Words that give a noun an owner ("his claims"): then it is someone's, not hearsay
_OWNERS = _grammar("owners")
# The `source` of attributions the text presents as held by nobody it names ("it is believed", "reportedly",
# "amid growing concerns that"): they name no source span and are kept out of the source map
UNSPECIFIED = "unspecified (no source named)"
_CLOSE_QUOTES = "”\"»’'›"
# A cue followed only by where, when or how it was said ("said in a statement", "told reporters on Monday")
# ("this" and "last" only before a time: "said this week", not "say this is a rough patch")
_ADVERBIAL_TAIL = re.compile(r"\s*(?:in|on|at|during|after|before|from|via|through|with|without|"
                             rf"(?:last|this)(?=\s+(?:{_one_of('time_nouns')})\b)|"
                             r"earlier|later|yesterday|today|tonight|afterwards|again|repeatedly|recently|"
                             r"privately|publicly|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
                             r"(?:\s+[\w’'.-]+){0,5}\s*[.!?]?\s*$", re.I)
# The same after a clause that ends in a comma ("…, she said in a video message to the party's convention."):
# a longer phrase of where or how it was said
_LONG_ADVERBIAL_TAIL = re.compile(r"\s*(?:in|on|at|during|via|through)\s+(?:a|an|the|his|her|their|its|[A-Z])"
                                  r"[\w’'.-]*(?:\s+[\w’'.-]+){0,8}\s*[.!?]?\s*$")
_OPEN_QUOTES = "“\"«‘'„‹"
_OPEN_QUOTE = re.compile(f"[{re.escape(_OPEN_QUOTES)}]")
# Where or when something was said, ending at a comma ("…, she explained earlier in the hearing, …")
_ADVERBIAL_COMMA = re.compile(r"\s+(?:in|on|at|during|after|before|from|via|through|with|last|this|earlier|later|"
                              r"yesterday|today|tonight|again|recently|privately|publicly|monday|tuesday|"
                              r"wednesday|thursday|friday|saturday|sunday)\b[^,;:.!?“”\"\n]{0,60},\s*", re.I)
# After a cue, its listener and then a that-clause or a colon ("told reporters on Tuesday that …", "told
# aides, however, that …")
# (a listener is no clause: "said the plan would fail and added that …" is no listener)
_OBJECT_THAT = re.compile(r"(?:\s+(?!(?:that|and|but|or|because|when|if|while)\b)[\w’'-]+){0,8}?"
                          r"(?:\s*,\s*[^,;:.!?“”\"\n]{2,40},|,|\s*[—–―]\s*[^—–―;:.!?“”\"\n]{2,60}[—–―])?\s+that\b\s*|"
                          r"\s*:\s*")
# After a cue, where, when or how it was said and then a that-clause or a colon: "said on Tuesday that …",
# "argued emphatically that …", "said, however, that …", "said, without evidence, that …" (a time or place,
# not an object: "rejected proposals that …")
_ADVERBIAL_THAT = re.compile(
    r"(?:\s+[a-z]{2,}ly\b|\s+(?:on|in|at|during|last|this|to|earlier|later|yesterday|today|tonight|again|also|"
    r"publicly|privately|repeatedly|before|after|via|through|from|with|while|when|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\b(?:\s+(?!that\b)[\w’'-]+){0,8}?)?"
    r"(?:\s*,\s*[^,;:.!?“”\"\n]{2,40},|\s*[—–―]\s*[^—–―;:.!?“”\"\n]{2,60}[—–―])?\s+that\b\s*|\s*:\s*", re.I)
# An aside between commas right after a cue, then the first word of a clause ("said, if elected, she …")
_ASIDE_THEN_CLAUSE = re.compile(r"\s*,\s*[^,;:.!?“”\"\n]{2,60},\s*(\w+)")
# Verbs whose object is the listener ("told The Post on Thursday"): with nothing else after them, the
# content is the clause before the comma
_LISTENER_VERBS = _grammar("listener_verbs")


@dataclass
class Speaker:
    name: str
    kind: str  # named | anonymous | institution | document
    title: str | None = None


@dataclass
class Found:
    """An attribution before offsets are frozen into the model."""

    speaker: Speaker | None
    source_span: tuple[int, int]
    cue_span: tuple[int, int]
    content: list[tuple[int, int]]
    kind: str  # direct | indirect
    voiced: bool = True  # False: the content names what the source spoke of, in the narrator's words
    impersonal: bool = False  # held by nobody the text names ("it is believed", "reportedly")
    own_voice: bool = False  # the writer's own "I think", "we believe": narrator, not a source
    antecedent_start: int = -1  # where the noun a relative pronoun source stands for begins ("critics who")


@dataclass
class _State:
    vocab: Vocabulary
    people: list[Speaker] = field(default_factory=list)
    last_person: Speaker | None = None
    last_speaker: Speaker | None = None
    last_speaker_end: int = -1
    last_found: Found | None = None  # the attribution a quotation right after it goes on from


def _cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _is_boundary(tok: Token) -> bool:
    return tok.norm in _BOUNDARY and (not _cap(tok) or tok.norm in _FUNCTION)


class Attributor:
    def __init__(self, text: str, quotes: list[tuple[int, int]], vocab: Vocabulary):
        self.text = text
        self._tokens = document_tokens(text)
        self._token_starts = list(map(_TOK_START, self._tokens))
        self._token_ends = list(map(_TOK_END, self._tokens))
        self._matches = vocab.lexicon.find(text, self._tokens)  # one scan of the document for all word lists
        self._match_starts = [m.start for m in self._matches]
        self._cue_starts: set[int] = set()
        # where a possessive "'s" or a hearsay noun stands: the only places the nominal passes look at
        hearsay = vocab.hearsay_nouns
        norms = list(map(_TOK_NORM, self._tokens))
        self._possessives: list[int] = list(compress(range(len(norms)), map("s".__eq__, norms)))
        self._hearsay_at: list[int] = list(compress(range(len(norms)), map(hearsay.__contains__, norms)))
        self._lo = 0
        self._label_span = (0, 0)  # what a "NAME:" label at a paragraph's start gives its speaker
        self.mentions = _name_mentions(text, vocab)
        self.quotes = quotes
        self._quote_starts = [s for s, _ in quotes]
        self._quote_reach = max((e - s for s, e in quotes), default=0)  # no quotation is longer
        self.state = _State(vocab)
        self.v = vocab
        # One source for every claim the text presents as held by nobody it names
        self.unspecified = Speaker(UNSPECIFIED, "anonymous")

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

    # --- helpers ------------------------------------------------------------------------------
    def _in_quote(self, pos: int) -> tuple[int, int] | None:
        quotes = self.quotes
        for k in range(bisect.bisect_left(self._quote_starts, pos - self._quote_reach),
                       bisect.bisect_right(self._quote_starts, pos)):
            if pos < quotes[k][1]:
                return quotes[k]
        return None

    def _quotes_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotations that overlap text[start:end]."""
        lo = bisect.bisect_left(self._quote_starts, start - self._quote_reach)
        hi = bisect.bisect_left(self._quote_starts, end, lo)
        return [q for q in self.quotes[lo:hi] if q[1] > start]

    def _quote_before(self, pos: int) -> tuple[int, int] | None:
        """The quotation that ends a sentence right before pos (only space between), if any."""
        k = bisect.bisect_left(self._quote_starts, pos) - 1
        if k < 0:
            return None
        q = self.quotes[k]
        if q[1] <= pos and not self.text[q[1]:pos].strip() and "\n" not in self.text[q[1]:pos] and \
                self.text[max(0, q[1] - 6):q[1]].rstrip(_CLOSE_QUOTES)[-1:] in (".", "!", "?"):
            return q
        return None

    def _gap(self, a: Token, b: Token) -> str:
        return self.text[a.end:b.start]

    def resolve(self, phrase_tokens: list[Token]) -> Speaker | None:
        """Name, kind and title of the noun phrase that speaks."""
        if phrase_tokens and phrase_tokens[-1].norm in self.v.speech_nouns:
            owner = self._possessor(phrase_tokens)
            if owner:  # "Lavrov's remarks" speak for Lavrov
                return self.resolve(owner)
        toks = [t for t in phrase_tokens if t.norm not in _DETERMINERS or _cap(t) and t is not phrase_tokens[0]]
        if not toks:
            return None
        norms = [t.norm for t in toks]
        if len(toks) == 1 and norms[0] in self.v.pronouns:
            if norms[0] in self.v.person_pronouns:
                return self.state.last_person
            return self.state.last_speaker
        head = norms[-1]
        capitals = [t for t in toks if _cap(t)]
        # Title words at the front, then a capitalised name: "Russian Foreign Minister Sergey Lavrov"
        if capitals and _cap(toks[-1]):
            split = 0
            for i, t in enumerate(toks):
                if t.norm in self.v.title_words or not _cap(t):
                    split = i + 1
            name_toks = toks[split:] if split < len(toks) else toks[-1:]
            title_toks = toks[:split]
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
            if head in self.v.anonymous_heads:
                return Speaker(self._unnamed(phrase_tokens), "anonymous")
            return Speaker(name, "institution")
        phrase = self.text[phrase_tokens[0].start:phrase_tokens[-1].end]
        if head in self.v.title_words:
            by_title = self._person_by_title(norms)
            if by_title:
                return by_title
        # (a sentence-opening "The" lowered: "The Russian government" and "the Russian government" are one)
        if head in self.v.document_heads:
            return Speaker(self._unnamed(phrase_tokens), "document")
        # "ten Riverton residents", "Riverton officials": unnamed people, whatever place word comes before
        if head in self.v.institution_heads or any(_cap(t) for t in toks) and head not in self.v.anonymous_heads:
            return Speaker(self._unnamed(phrase_tokens), "institution")
        if head in self.v.anonymous_heads or head in self.v.title_words:
            return Speaker(self._unnamed(phrase_tokens), "anonymous")
        return None

    def _unnamed(self, phrase: list[Token]) -> str:
        """The name of a source the text does not name: the phrase as written ("the mayor's defenders",
        "ten Riverton residents"), its first word in lower case when that is a word of the vocabulary whose
        capital only opens the sentence ("Critics" and "critics" are one source)."""
        first = phrase[0]
        words = self.text[first.start:phrase[-1].end]
        if _cap(first) and not first.text.isupper() and (
                first.norm in _DETERMINERS or first.norm in self.v.anonymous_heads or first.norm in _FUNCTION):
            return first.norm + words[len(first.text):]
        return words

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

    def _np_back(self, toks: list[Token], j: int) -> list[Token]:
        """The noun phrase ending at toks[j], walking left to a boundary (at most 8 words)."""
        phrase: list[Token] = []
        if j >= 0 and toks[j].norm in self.v.pronouns:
            return [toks[j]]  # "… said he wants": the pronoun is the whole subject
        while j >= 0 and len(phrase) < 8:
            t = toks[j]
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if nxt is not None and phrase and re.search(r"[,;:“”\"«»()—–―]|['’]\s", self._gap(t, nxt)):
                break
            if _is_boundary(t):
                break
            if t.norm in _BETWEEN and not _cap(t) and phrase and \
                    not (t.norm in _DETERMINERS and j > 0 and toks[j - 1].norm in _SUBJECT_PREPOSITIONS):
                break  # (not "both" in "bundlers in both parties")
            if phrase and t.start in self._cue_starts:
                break  # "said drivers had asked": another cue verb ends the subject
            phrase.insert(0, t)
            j -= 1
        return phrase

    def _plausible_subject(self, phrase: list[Token]) -> bool:
        """Does the phrase look like someone who can speak (not a verb, adjective or stray noun)?"""
        if not phrase:
            return False
        head = phrase[-1]
        if len(phrase) == 1 and head.norm in _PARTICIPLE_OPENERS:
            return False  # "Having announced that …": a participle, not a name
        if head.norm in self.v.speech_nouns and self._possessor(phrase):
            return True  # "Lavrov's remarks signal that …"
        if not _cap(head) and head.norm.endswith(_PEOPLE_SUFFIXES) and len(head.norm) > 5:
            return True  # "environmentalists", "protesters", "physicians": people who can speak
        if head.norm in _WH_WORDS:
            return False  # "Why not just say …"
        if head.norm.isdigit() and self.text[head.end:head.end + 1] == "%":
            return True  # "42% say": a share of those asked
        if head.norm == "old" and len(phrase) > 1 and phrase[-2].norm in ("year", "years") and \
                self._gap(phrase[-2], head) == "-":
            return True  # "the 46-year-old": a person of that age
        return bool(_cap(head) or head.norm in self.v.pronouns or head.norm in self.v.anonymous_heads
                    or head.norm in self.v.document_heads or head.norm in self.v.institution_heads
                    or head.norm in self.v.title_words and (head.norm not in self.v.title_modifiers or
                                                            head.norm in _MODIFIER_HEADS)
                    or head.norm in self.v.relative_pronouns)

    def _possessor(self, phrase: list[Token]) -> list[Token]:
        """The owner in "<owner>'s <noun>" ("Lavrov" in "Lavrov's remarks"), or [] when there is none."""
        for k in range(len(phrase) - 1, 0, -1):
            if phrase[k].norm == "s" and self.text[phrase[k - 1].end:phrase[k].start] in ("’", "'"):
                return phrase[:k]
        return []

    def _subject_left(self, toks: list[Token], i: int, sent_start: int) -> list[Token]:
        """The subject ending just before toks[i], skipping auxiliaries and adverbs, a parenthesis
        ("Rep. Jane Roe (D-Ohio) said") and an apposition ("Jane Roe, the party's chair, said")."""
        j = i - 1
        while True:
            before = j
            while j >= 0 and (toks[j].norm in _BETWEEN or _adverb(toks[j]) or
                              toks[j].norm in _CONTRACTED and j > 0 and toks[j - 1].norm in self.v.pronouns) \
                    and not _cap(toks[j]):
                if re.search(r"[,;:“”\"()—–]", self._gap(toks[j], toks[j + 1])):
                    break
                j -= 1
            j = self._skip_time(toks, j)  # "Wells Fargo just this month announced"
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
        return self._subject_ending(toks, j)

    def _antecedent_start(self, toks: list[Token], pronoun: Token) -> int:
        """Where the noun phrase a relative pronoun stands for begins ("Jo Lin, who", "critics who"), or
        the pronoun's own start when no speaker stands right before it."""
        k = next((n for n, t in enumerate(toks) if t is pronoun), 0)
        if k == 0 or _CLAUSE_GAP.search(self._gap(toks[k - 1], pronoun)):
            return pronoun.start
        antecedent = self._np_back(toks, k - 1)
        if not antecedent or antecedent[-1].norm in self.v.pronouns or not self._plausible_subject(antecedent):
            return pronoun.start
        return antecedent[0].start

    def _pronoun_before(self, toks: list[Token], i: int) -> Token | None:
        """The nearest "he", "she" or "they" before toks[i] in its clause (not inside a quotation)."""
        for k in range(i - 1, max(-1, i - 16), -1):
            if re.search(r"[;:“”\"()]", self._gap(toks[k], toks[k + 1])):
                return None
            if toks[k].norm in _THIRD_PERSON and not self._in_quote(toks[k].start):
                return toks[k]
        return None

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

    def _subject_ending(self, toks: list[Token], j: int) -> list[Token]:
        """The subject noun phrase that ends at toks[j] (a relative pronoun, a name, "a narrator in the ad",
        "six in 10"), or [] when the words there cannot speak."""
        if toks[j].norm in self.v.relative_pronouns:
            return [toks[j]]
        phrase = self._np_back(toks, j)
        if phrase and phrase[-1].norm not in self.v.pronouns:
            # "officials who spoke to the Post said": the noun before the relative clause speaks
            first = j - len(phrase) + 1
            for r in range(first - 1, max(first - 9, 0), -1):
                if _PUNCT_GAP.search(self._gap(toks[r], toks[r + 1])):
                    break
                if toks[r].norm == "who" and r < first - 1:
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
                if k < 1 or toks[k].norm not in _SUBJECT_PREPOSITIONS and \
                        not (toks[k].norm in _FAMILIAR_PREPOSITIONS and toks[k - 1].norm in _FAMILIAR) or \
                        re.search(r"[,;:“”\"()—–]", self._gap(toks[k], tail[0])):
                    break  # (and "people close to the mayor")
                head = self._np_back(toks, k - 1)
                if not head:
                    break
                noun = head[:-1] if len(head) > 1 and head[-1].norm in _FAMILIAR else head
                if (self._plausible_subject(noun) or noun[-1].norm.endswith(_PERSON_ENDINGS)) and \
                        noun[-1].norm not in self.v.pronouns and noun[-1].norm not in self.v.time_words and \
                        (not _cap(noun[-1]) or self._plausible_subject(phrase)):
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

    def _can_speak(self, head: Token) -> bool:
        """A word that can be the source of a participle right after it: a name, a pronoun, a noun for
        people or for a text ("tweets saying", "a letter urging", "protesters chanting")."""
        norm = head.norm
        return _cap(head) or norm in self.v.pronouns or norm in self.v.anonymous_heads or \
            norm in self.v.title_words and (norm not in self.v.title_modifiers or norm in _MODIFIER_HEADS) or \
            norm in self.v.speech_nouns or \
            norm in self.v.document_heads or norm in self.v.institution_heads or \
            len(norm) > 4 and norm.endswith(_PERSON_ENDINGS) or norm in self.v.relative_pronouns

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

    def _verb_form(self, tok: Token) -> bool:
        """A finite verb or a past participle ("continued", "spoke", "has")."""
        norm = tok.norm
        return len(norm) > 3 and norm.endswith("ed") or norm in self.v.irregular_past or norm in _AUXILIARIES or \
            norm in _BE or tok.start in self._cue_starts

    def _person_noun(self, tok: Token) -> bool:
        """A name or a noun for people ("advisers", "a spokesman", "the senator")."""
        norm = tok.norm
        return _cap(tok) or norm in self.v.anonymous_heads or norm in self.v.title_words or \
            len(norm) > 4 and norm.endswith(_PERSON_ENDINGS)

    def _head_before_preposition(self, phrase: list[Token]) -> bool:
        """Does a subject like "a narrator in the ad" have a head that can speak before its preposition?"""
        cut = next((n for n, t in enumerate(phrase) if n and t.norm in _SUBJECT_PREPOSITIONS), 0)
        return cut > 0 and (self._plausible_subject(phrase[cut - 1:cut]) or
                            phrase[cut - 1].norm.endswith(_PERSON_ENDINGS))

    def _skip_time(self, toks: list[Token], j: int) -> int:
        """Index of the word before a time phrase ending at toks[j] ("Sanders on Tuesday said",
        "Trump early Friday said"); j itself when toks[j] ends no time phrase."""
        k = j
        named_time = False
        while k >= 0 and j - k < 4 and (toks[k].norm in self.v.time_words or _YEAR.fullmatch(toks[k].norm)
                                        or toks[k].norm in ("the", "that") and k < j) and \
                not re.search(r"[,;:“”\"()—–]", self._gap(toks[k], toks[k + 1]) if k + 1 < len(toks) else ""):
            named_time = named_time or toks[k].norm not in _FUNCTION | {"last", "this", "next", "early", "late", "in",
                                                                        "on", "at", "during", "the"}
            k -= 1
        return k if named_time and k >= 0 and k < j else j

    def _apposition(self, toks: list[Token], j: int) -> list[Token]:
        """'<Name>, <apposition>, said': the name at the start of the clause, with the apposition (at most
        30 words, no sentence-level punctuation) as part of the source span."""
        k = j
        while k > 0 and j - k < 30:
            gap = self._gap(toks[k - 1], toks[k])
            if re.search(r"[;:“”\"«»]|['’]{2}|[!?]\s", gap) or _is_boundary(toks[k - 1]) and "," in gap or \
                    re.match(r"\.\s", gap) and not _abbreviation(toks[k - 1], self.v):
                break  # a sentence ends here, unless the full stop ends a title or an initial ("Mr. King, 82,")
            k -= 1
        if j - k >= 30:
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
            if toks[k].norm in _SUBORDINATORS and k < head_end and \
                    (_cap(toks[k + 1]) or toks[k + 1].norm in _DETERMINERS | _OWNERS):
                k += 1  # "…, when Mr. Hale, who had lost, called for …": the subject after the conjunction
            name = toks[k:head_end + 1]
            # after the first part, only a plain noun phrase (no verb: "the club remains in the league")
            if 0 < len(name) <= 8 and toks[k].norm not in _OPENERS and \
                    ((self._plausible_subject(name) or k > first and name[0].norm in _DETERMINERS | _OWNERS and
                      len(name[-1].norm) > 4 and name[-1].norm.endswith(_PERSON_ENDINGS))
                     and (k == first or self._np_back(toks, head_end)[0] is toks[k])
                     or self._head_before_preposition(name)):
                return toks[k:j + 1]
            k = head_end + 1
            while k <= j and "," not in self._gap(toks[k - 1], toks[k]):
                k += 1  # past a parenthesis to the next comma
        return []

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
                return self.state.last_person, [toks[k]]
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
            return (self.state.last_person if first.norm in self.v.person_pronouns else self.state.last_speaker), [first]
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
            elif last_head >= 0 and t.norm not in _DETERMINERS and not self._name_follows(toks, n, limit):
                break  # the verb after the subject
            n += 1
        return list(toks[k:last_head + 1]) if last_head >= 0 else []

    def _name_follows(self, toks: list[Token], n: int, limit: int) -> bool:
        """Does a capitalised name follow within three plain words ("Republican presidential candidate
        Donald Trump")? Then the lower-case words are part of a title, not the verb."""
        for m in range(n, min(limit, n + 3)):
            t = toks[m]
            if m > n and re.search(r"[,;:“”\"()—–―]", self._gap(toks[m - 1], t)) or _is_boundary(t) or \
                    t.norm in _BETWEEN or t.start in self._cue_starts:
                return False
            if _cap(t):
                return m > n
        return False

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
            para = re.match(r"\s*([^\n]+)", text[end:end + 4000])
            if para:
                return [(end + para.start(1), end + para.end(1))], True
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
                clause = re.match(r"[^,;:.!?—–―]*", after_text[how.end():])
                if clause.group().strip():
                    return [(after_from + how.end(), after_from + how.end() + clause.end())], False
        # "explained how …", "asked whether …", "did not say why …": a question clause
        if not np_after:
            wh = re.match(r"\s+(?:how|why|what|whether|where|when|who|if)\b", after_text)
            if wh and after_text[wh.end():].strip(" .?\"”"):
                return [(after_from + wh.start() + len(wh.group()) - len(wh.group().lstrip()), end)], True
        # "described it as …", "referred to X as …"
        if base in self.v.as_verbs and not np_after:
            as_match = re.match(r"(?:\s+[\w’'-]+){0,7}?\s+as\b\s*", after_text)
            if as_match:
                return [(after_from + as_match.end(), end)], True
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
            return [(end - len(rest), end)], True
        # "wants to repeal the law", "urged voters to register": the intention, in the narrator's words
        if base in self.v.infinitive_cues and re.match(r"(?:\s+(?!to\b)[\w’'.-]+){0,4}?\s+to\s+[a-z]", rest):
            clause = re.match(r"[^,;:.!?—–―]*", rest)
            return [(end - len(rest), end - len(rest) + clause.end())], False
        # "Some believe the plan will fail", "The poll shows Clinton ahead": a bare clause after a cue
        opener = re.match(r"\s*([\w’'-]+)", rest)
        # (after a participle only a clause with a finite verb: "…, adding the town must be ready", not
        # "…, showing no increase")
        if base in self.v.bare_clause_cues and opener and \
                (speaker_np or participle and any(w.lower() in _AUXILIARIES for w in _WORD.findall(rest, 0, 60))) and \
                (opener.group(1).lower() in self.v.clause_openers or opener.group(1)[:1].isupper()
                 or opener.group(1)[:1].isdigit()):
            return [(end - len(rest), end)], base not in self.v.object_cues
        # "Trump cited the poll", "She called him a liar": the object is content
        if base in self.v.object_cues:
            clause = _OBJECT_CLAUSE.match(rest)
            span = (end - len(rest), end - len(rest) + clause.end())
            if text[span[0]:span[1]].strip():
                # "called out the speaker", "called off the talks": a phrasal verb, not a naming
                naming = base in self.v.naming_verbs and not re.match(r"\s*(?:out|off|up|in|back)\b", rest)
                return [span], naming
        return None

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
        if head is None or self._in_quote(toks[0].start) or k >= len(toks):
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
                if src_s < src_e <= g.cue_span[0] and g.source_span != f.source_span:
                    if text[src_s:src_e].lower() not in _THIRD_PERSON:
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

    def _form(self, span: tuple[int, int]) -> str:
        """The form of a cue's verb: past, -s, -ing or the bare form."""
        word = self.text[span[0]:span[1]].split(None, 1)[0].lower()
        if word.endswith("ed") or word in self.v.irregular_past:
            return "past"
        if word.endswith("ing"):
            return "ing"
        return "s" if word.endswith("s") else "bare"

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

    # --- per sentence -------------------------------------------------------------------------
    def sentence(self, start: int, end: int) -> list[Found]:
        text = self.text
        lo = bisect.bisect_left(self._token_starts, start)
        hi = bisect.bisect_left(self._token_starts, end, lo)
        if hi > lo and self._tokens[hi - 1].end > end:
            hi -= 1  # tokens are sorted and disjoint: only the last one can run past the end
        self._lo = lo
        found: list[Found] = []
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
        # according to X
        lo_m = bisect.bisect_left(self._match_starts, start)
        hi_m = bisect.bisect_left(self._match_starts, end, lo_m)
        if lo_m == hi_m and not quotes and label is None and \
                not _any_in(self._possessives, lo, lo + len(toks)) and \
                not _any_in(self._hearsay_at, lo, lo + len(toks)) and ":" not in text[toks[-1].end:end + 1]:
            self._note_subject(toks, found)  # nothing here can attribute: no cue, quotation or noun of saying
            return found
        by_list: dict[int, list[Match]] = {CUE: [], ACCORDING: [], PASSIVE: [], IMPERSONAL: []}
        for m in self._matches[lo_m:hi_m]:
            if m.end <= end:
                by_list[m.entry.rule_index].append(m)
        self._sentence_matches = by_list
        # cue words that read as verbs here: a noun-like cue in the present ("the report", "a news report")
        # does not end a subject phrase
        noun_like, irregular = self.v.noun_like, self.v.irregular_past
        self._cue_starts = {m.start for m in by_list[CUE] if text[m.start - 1:m.start] != "-" and (
                            self.v.cue_bases[m.entry.term_index] not in noun_like
                            or text[m.end - 2:m.end] == "ed" or text[m.start:m.end].lower() in irregular)}
        for m in by_list[ACCORDING]:
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
            before = text[start:a_start].rstrip(" ,;—–")
            if before.strip():
                content = [(start, start + len(before))]
            else:
                rest = text[np_end:end]
                comma = rest.find(",")
                c_start = np_end + comma + 1 if comma != -1 else np_end
                content = [(c_start, end)]
            content = [_trim(text, s, e) for s, e in content]
            found.append(Found(speaker, (np[0].start, np_end), (a_start, a_end), content, "indirect"))
        # cue verbs
        sentence_subject: Speaker | None = None
        longest: dict[int, int] = {}
        for m in by_list[CUE]:
            longest[m.start] = max(longest.get(m.start, 0), m.end)
        for m in by_list[CUE]:
            c_start, c_end = m.start, m.end
            if self._in_quote(c_start) or c_end < longest[c_start] or \
                    self._label_span[0] <= c_start < self._label_span[1]:  # "FALLIN: I think …": the label's
                continue  # "calling for": the phrase, not "calling" as well
            if text[c_start - 1:c_start] in ("-", "‐"):
                continue  # "establishment-backed", "state-endorsed": a compound adjective, not a verb
            i = bisect.bisect_left(self._token_starts, c_start, lo) - lo  # matches start and end on tokens
            j = bisect.bisect_left(self._token_ends, c_end, lo) - lo
            base = self.v.cue_bases[m.entry.term_index]
            cue_tok = toks[i]
            if _cap(cue_tok) and i > 0 and not re.search(r"[“\"‘'«(:—–―]\s*$", text[toks[i - 1].end:c_start]) \
                    and not _headline(toks):
                continue  # "the United States", "the Clean Power Plan": a name, not a verb
            after_text = text[c_end:end]
            if cue_tok.norm.endswith("ing") and re.match(r"\s+by\b", after_text) and \
                    not re.match(r"\s+by\s+[a-z]+ing\b", after_text):
                continue  # "(Additional reporting by …)": a credit, not speech
            past = cue_tok.norm.endswith("ed") or cue_tok.norm in self.v.irregular_past
            # "is expected to", "was not widely seen as": a form of "be" and adverbs before a past participle
            b = i - 1
            while b > 0 and (toks[b].norm in _PASSIVE_ADVERBS or _adverb(toks[b])) and toks[b].norm not in _BE:
                b -= 1
            passive = past and i > 0 and (toks[i - 1].norm in _BE | {"widely", "generally", "often", "been"}
                                          or b < i - 1 and toks[b].norm in _BE)
            speaker_np: list[Token] = []
            if passive:
                by = re.match(r"\s+by\s+", after_text)
                if by:
                    k = next((k for k, t in enumerate(toks) if t.start >= c_end + by.end()), None)
                    speaker_np = self._np_forward(toks, k) if k is not None else []
                    if speaker_np:
                        rest_start = speaker_np[-1].end
                        content = [(start, toks[i - 1].start), (rest_start, end)]
                        content = [_trim(text, s, e) for s, e in content if text[s:e].strip(" .,;")]
                        speaker = self.resolve(speaker_np)
                        if content and speaker is not None:
                            found.append(Found(speaker, (speaker_np[0].start, speaker_np[-1].end),
                                               (c_start, c_end), content, "indirect"))
                        continue
                continue  # passive with no agent: see _agentless (only the verbs listed for it)
            if past and not passive and (by := _BY_AGENT.match(after_text)) and by.group(1).lower() not in _BY_MEANS \
                    and i > 0 and toks[i - 1].norm not in self.v.pronouns and base not in self.v.response_verbs:
                continue  # "the divide highlighted by the shootings": a passive participle, its agent after "by"
            if past and "," in (text[toks[i - 1].end:c_start] if i > 0 else "") and \
                    re.match(r"\s+(?:to\s+)?as\b", after_text):
                continue  # "Kyle, referred to as the deadliest sniper, …": a passive participle
            # ("Some say …", "Both think …": a quantifier standing alone is the subject)
            if i > 0 and toks[i - 1].norm in _DETERMINERS | {"s"} and not past and \
                    not (toks[i - 1].norm == "s" and i > 1 and toks[i - 2].norm in self.v.pronouns) and \
                    not (toks[i - 1].norm in self.v.anonymous_heads and base not in self.v.noun_like and
                         (i == 1 or _PUNCT_GAP.search(self._gap(toks[i - 2], toks[i - 1])))):
                continue  # "the report", "his claims", "Trump's remarks": a noun, not a verb
            if base in self.v.noun_like and not past and j + 1 < len(toks) and \
                    toks[j + 1].norm in self.v.title_words and _cap(toks[j + 1]) and \
                    (cue_tok.norm in self.v.title_modifiers or cue_tok.norm in self.v.title_words or
                     base in self.v.object_cues):
                continue  # "Democratic state Rep. Drew Gattine": a modifier of a title, not a verb
            gap_before = text[toks[i - 1].end:c_start] if i > 0 else ""
            left = self._subject_left(toks, i, start)
            if left and quotes:
                left = self._back_to_quote(toks, left)
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
            if left and base in self.v.noun_like and not past and not verb_with_that and \
                    not self._plausible_subject(left[-1:]) and not self._head_before_preposition(left):
                left = []
            if left and base in self.v.noun_like and not past and left[0].norm in ("a", "an") and not verb_with_that \
                    and not (cue_tok.norm.endswith("s") and any(t.norm == "of" for t in left)) \
                    and not (cue_tok.norm.endswith("s") and not cue_tok.norm.endswith("ss") and len(left) > 1 and
                             not _cap(left[-1]) and self._can_speak(left[-1])):
                continue  # "a Donald Trump tweet", "a government plan": a compound noun (not "a poll shows")
            if base in self.v.naming_verbs and past and j + 1 < len(toks) and \
                    (_cap(toks[j + 1]) and toks[j + 1].norm not in self.v.pronouns or toks[j + 1].norm == "the") \
                    and ("," in gap_before or left and left[0].norm in ("a", "an")):
                continue  # "a group called Lashkar", "His group, called the Legacy Fund,": a name, not speech
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
            antecedent_start = -1
            own = False
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
                if cue_tok.norm.endswith("ing") and i > 0 or coordinated or \
                        (i > 0 and (toks[i - 1].norm in _COORDINATORS or toks[i - 1].norm in _ADDITIVES)) or \
                        (i > 1 and toks[i - 1].norm in _BETWEEN and toks[i - 2].norm in _COORDINATORS) or \
                        (i > 1 and toks[i - 1].norm == "to" and toks[i - 2].norm in _GO_ON):
                    implicit = True
                else:
                    continue
            # content
            content: list[tuple[int, int]] = []
            kind = "indirect"
            voiced = True
            subject_before = bool(speaker_np) and speaker_np[0].start < c_start
            after_from = c_end if not speaker_np or subject_before else speaker_np[-1].end
            q_after = next((q for q in quotes if q[0] >= after_from and
                            _BEFORE_QUOTE.fullmatch(text, after_from, q[0])), None)
            before_to = speaker_np[0].start if subject_before else c_start
            q_before = next((q for q in reversed(quotes) if q[1] <= before_to
                             and re.fullmatch(r"[\s,]*", text[q[1]:before_to])
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
                if result is not None and result[1] and all(s >= c_end for s, _ in result[0]):
                    q_before = None
                else:
                    result = None
            if q_before:
                content.append(q_before)
                kind = "direct"
            if q_after:
                content.append(q_after)
                kind = "direct"
            if not content:
                if result is None:
                    result = self._indirect_content(toks, i, j, base, speaker_np, start, end)
                if result is None:
                    continue
                content, voiced = result
                content = self._before_participle(content, c_end)
                if voiced and speaker_np and speaker_np[0].start < c_start:
                    content = [(s, m.start()) if (m := _BUT_ACTED.search(text, s, e)) else (s, e) for s, e in content]
                if cue_tok.norm.endswith("ing"):  # "saying he was sad and linking to a page"
                    content = [(s, m.start()) if (m := _AND_PARTICIPLE.search(text, s, e)) else (s, e)
                               for s, e in content]
            if kind == "indirect" and len(speaker_np) == 1 and speaker_np[0].norm in self.v.relative_pronouns \
                    and speaker_np[0].start < c_start:
                # "McConnell, who said the goal was to win, spoke": the relative clause ends at its comma
                content = [(s, s + m.start()) if (m := re.search(r",|\s[—–―]|\s--", text[s:e])) else (s, e)
                           for s, e in content]
            content = [_trim(text, s, e) for s, e in content]
            content = [c for c in content if c[1] > c[0]]
            if not content:
                continue
            if implicit:
                if sentence_subject is not None:  # "Lavrov stated …, and pointed out …"
                    speaker, subject_toks = sentence_subject, []
                    src_from = next(f.source_span for f in reversed(found) if f.speaker is sentence_subject)
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
                if not subject_toks and src_from is None and i > 0 and \
                        toks[i - 1].norm in _PREPOSITIONS | _SUBORDINATORS:
                    # "One month after announcing his run, Jo Lin …": the subject after the fronted phrase
                    speaker, subject_toks = self._subject_after_phrase(toks, i)
                if not subject_toks and src_from is None:
                    # "A while later they turned round and said …": the nearest subject pronoun before the cue
                    near = self._pronoun_before(toks, i)
                    if near is not None:
                        speaker, subject_toks = self.resolve([near]), [near]
                if speaker is None:
                    speaker = self.state.last_speaker
                src_span = (subject_toks[0].start, subject_toks[-1].end) if subject_toks else \
                    (src_from or (c_start, c_start))
                if subject_toks and subject_toks[0].start > c_end:
                    # "After saying he was nervous, the man stood up": what was said ends before the subject
                    subject_at = subject_toks[0].start
                    content = [(s, _trim(text, s, m.start())[1]) if s < subject_at < e and
                               (m := _COMMA_END.search(text, s, subject_at)) else (s, e) for s, e in content]
                    content = [c for c in content if c[1] > c[0]]
                    if not content:
                        continue
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
            for q in content:
                if q in quotes:
                    claimed_quotes.add(q)
            found.append(Found(speaker, src_span, (c_start, c_end), content, kind, voiced, own_voice=own,
                               antecedent_start=antecedent_start))
            if speaker is not None:
                sentence_subject = speaker
        found.extend(self._nominal_cues(toks, end, found))
        if evidence is not None and any(f is not evidence and evidence.content[0][0] <= f.cue_span[0] for f in found):
            found.remove(evidence)  # "In a study, three economists estimated …": theirs, not the study's
        if not found:
            introduced = self._introduced_text(toks, end)
            if introduced is not None:
                found.append(introduced)
        self._cut_at_coordinated_cues(found)
        self._end_at_next_speaker(found, quotes)
        impersonal = self._impersonal(toks, start, end, found)
        if impersonal is not None:
            found.append(impersonal)
        # quotations no cue claimed: "Name: “…”", "“…” ― Name", or the paragraph's speaker
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
                speaker = self.resolve(np) if np else None
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
        unique: list[Found] = []
        for f in found:  # "concluded by noting that …": two cues, one statement
            if not any(u.content == f.content and u.speaker is f.speaker for u in unique):
                unique.append(f)
        found = unique
        for f in found:
            if f.speaker is not None and not f.impersonal:
                if f.cue_span[1] > f.cue_span[0] and (self.state.last_found is None or
                                                      _end(f) >= _end(self.state.last_found)):
                    self.state.last_found = f
                self.state.last_speaker = f.speaker
                self.state.last_speaker_end = max(e for _, e in f.content)
                if f.speaker.kind == "named":
                    self.state.last_person = f.speaker
        self._note_subject(toks, found)
        return found

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

    def _resolve_subject(self, phrase: list[Token], toks: list[Token]) -> Speaker | None:
        """Resolve a subject phrase: a relative pronoun ('Jane Roe, who said') stands for the phrase before
        it; an apposition ('Jane Roe, the chair, said') is the name before its first comma."""
        relative = next((n for n, t in enumerate(phrase) if n and t.norm == "who"), 0)
        if relative:
            phrase = phrase[:relative]  # "officials who spoke to the Post": the officials
        if len(phrase) == 1 and phrase[0].norm in self.v.relative_pronouns:
            k = next((k for k, t in enumerate(toks) if t is phrase[0]), 0)
            antecedent = self._np_back(toks, k - 1) if k > 0 else []
            return (self.resolve(antecedent) if self._plausible_subject(antecedent) else None) \
                or self.state.last_speaker
        segments: list[list[Token]] = [[]]
        for k, t in enumerate(phrase):
            segments[-1].append(t)
            if k + 1 < len(phrase) and re.search(r"[,(—–―]|--", self._gap(t, phrase[k + 1])):
                segments.append([])
        head = segments[0]
        cut = next((n for n, t in enumerate(head) if n and (t.norm in _SUBJECT_PREPOSITIONS or t.norm in _FAMILIAR)), 0)
        if cut and len(segments) == 1:
            # "officials at the Pentagon", "a narrator in the ad": the noun before the preposition speaks
            first = self.resolve(head[:cut])
            if first is not None:
                if first.kind == "named":
                    return first
                return Speaker(self.text[head[0].start:head[-1].end], first.kind)
        # "the camp director, Omar Haddad, said": the name in the apposition, titled by the head
        if not _cap(head[-1]) and len(segments) > 1 and all(_cap(t) for t in segments[1]) and len(segments[1]) >= 2:
            person = self.resolve(segments[1])
            if person is not None and person.kind == "named" and not person.title:
                person.title = self.text[head[0].start:head[-1].end]
            return person
        speaker = self.resolve(head)
        if speaker is not None and speaker.kind == "named" and not speaker.title and len(segments) > 1 \
                and not _cap(segments[1][0]) and len(segments[1]) <= 8:  # "Jane Roe, the party's chair,"
            speaker.title = self.text[segments[1][0].start:segments[1][-1].end]
        return speaker

    def _np_forward(self, toks: list[Token], i: int) -> list[Token]:
        """The noun phrase starting at toks[i] ('according to the ministry's statement')."""
        phrase: list[Token] = []
        j = i
        while j < len(toks) and len(phrase) < 8:
            t = toks[j]
            if phrase and re.search(r"[,;:.!?“”\"()—–―]", self._gap(toks[j - 1], t)):
                break
            if _is_boundary(t) and phrase:
                break
            phrase.append(t)
            if t.norm in self.v.pronouns:
                break
            j += 1
        return phrase

    def _speaker_label(self, toks: list[Token], start: int, end: int) -> Found | None:
        """'PENCE: Well, look, …' or 'Poll: Voters …' — a short capitalised name and a colon opening a
        paragraph make the rest of the paragraph that source's."""
        if start > 0 and self.text[start - 1] != "\n":
            return None
        m = _LABEL.match(self.text, start, end)
        if not m:
            return None
        np = [t for t in toks if m.start(1) <= t.start and t.end <= m.end(1)]
        if not np or np[0].norm in self.v.not_labels:
            return None
        speaker = self.resolve(np) or Speaker(self.text[m.start(1):m.end(1)], "institution")
        para_end = self.text.find("\n", start)
        para_end = len(self.text) if para_end == -1 else para_end
        colon = m.end(1) + self.text[m.end(1):m.end()].index(":")
        content = _trim(self.text, m.end(), para_end)
        if content[1] <= content[0] or len(re.findall(r"[^\W\d_]+", self.text[content[0]:content[1]])) < 2:
            return None  # "Bernie Sanders: 1,501.": a figure in a list, not speech
        if _NAME_LIST.fullmatch(self.text, content[0], content[1]):
            return None  # "Ohio: Ann Lee, Bo Park, Cy Ruiz": a list of names, not speech
        return Found(speaker, (np[0].start, np[-1].end), (colon, colon + 1), [content], "direct")


# "[A-Z](?<!\w[A-Z])" is "\b[A-Z]" with the capital first: a pattern that opens with a character class
# is searched by a tight loop in C, about twice as fast over a whole text
_NAME_RUN = re.compile(r"[A-Z](?<!\w[A-Z])[a-z]+(?:[-’'][A-Z]?[a-z]+)?(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?){1,2}\b")


def _name_mentions(text: str, vocab: Vocabulary) -> dict[str, str]:
    """Surname → full name for every "First Last" run in the text that is not a title."""
    out: dict[str, str] = {}
    for m in _NAME_RUN.finditer(text):
        words = m.group().split()
        while words and words[0].lower().strip(".") in vocab.title_words:
            words = words[1:]
        if len(words) >= 2 and not any(w.lower() in vocab.institution_heads for w in words):
            out.setdefault(words[-1].lower(), " ".join(words))
    return out


def _any_in(positions: list[int], lo: int, hi: int) -> bool:
    """Is any of the sorted positions in [lo, hi)?"""
    k = bisect.bisect_left(positions, lo)
    return k < len(positions) and positions[k] < hi


def _local(positions: list[int], lo: int, count: int) -> list[int]:
    """Document token indices in `positions` that fall in the sentence starting at token `lo`, made local."""
    first = bisect.bisect_left(positions, lo)
    last = bisect.bisect_left(positions, lo + count, first)
    return [k - lo for k in positions[first:last]]


def _headline(toks: list[Token]) -> bool:
    """A title-case headline ("Former Doctor Says Clinton Hid Illness"): there capitals mark no names."""
    words = [t for t in toks if t.text[:1].isalpha()]
    return len(words) >= 4 and sum(_cap(t) for t in words) >= 0.8 * len(words)


def _abbreviation(tok: Token, vocab: Vocabulary) -> bool:
    """A title or an initial that a full stop ends inside a name ("Mr.", "Sen.", "J.")."""
    return len(tok.text) == 1 and tok.text.isupper() or tok.norm in vocab.title_words and len(tok.norm) <= 4


def _adverb(tok: Token) -> bool:
    """A manner adverb that may stand between a subject and its verb ("Gingrich cynically dismissed")."""
    return _adverb_form(tok.norm)


def _adverb_form(word: str) -> bool:
    return len(word) > 4 and word.endswith("ly") and word not in _NOT_ADVERBS


def _end(f: Found) -> int:
    """Where an attribution's source, cue and content all end."""
    return max(f.cue_span[1], f.source_span[1], max(e for _, e in f.content))


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " ,;:—–\t\n":
        s += 1
    while e > s and text[e - 1] in " ,;:\t\n":
        e -= 1
    if e > s and text[e - 1] == "." and not _OPEN_QUOTE.search(text, s, e):
        e -= 1
    return s, e


