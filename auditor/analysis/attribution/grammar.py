"""The grammar attribution reads by: closed word classes and compiled patterns, the word lists read from
the `grammar` section of rules/resources/attribution.yaml, and tests of single words against them."""
from __future__ import annotations

import re

from ...resources import words
from ...textutil import Token
from ..vocab import Vocabulary


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
# An abbreviation whose full stop ends no sentence ("Mrs.", "Sen."), from rules/resources/text.yaml
_ABBREVIATED = "|".join(re.escape(w) for w in sorted(words("text", "abbreviations"), key=lambda w: (-len(w), w)))
# An object named after a cue: up to punctuation, "but", or "and" with another participle ("calling for
# unity but refusing to …", "praising the staff and thanking …"); "praised Mrs. Clinton's proposals" goes on
# past the abbreviation's full stop
_OBJECT_CLAUSE = re.compile(rf"(?:(?!\s+(?:but|and\s+\w+ing)\b)(?:\b(?i:{_ABBREVIATED})\.|[^,;:.!?—–―]))*")
# A clause up to its punctuation, past an abbreviation's full stop ("responded to Mr. Trump's claim")
_TO_PUNCTUATION = re.compile(rf"(?:\b(?i:{_ABBREVIATED})\.|[^,;:.!?—–―])*")
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
# "told him he could not speak until the vote, and the president retaliated by …": after a comma, "and", a new
# subject and a past verb, the narrator goes on
_AND_ACTED = re.compile(rf",\s+and\s+(?:(?:{_one_of('new_subject_openers')})\s+(?:[a-z][\w’'-]*\s+){{1,2}}?|"
                        r"[A-Z][\w’'-]+\s+(?:[A-Z][\w’'-]+\s+)?)(?:then\s+|later\s+)?"
                        rf"(?!(?:{_one_of('not_past_forms')})\b)[a-z]{{3,}}ed\b")
# "by" and the word after it, after a past form: an agent ("highlighted by the shootings"), unless the word is
# a means of saying ("said by telephone") or a participle ("responded by citing")
_BY_AGENT = re.compile(r"\s+by\s+(?![a-z]+ing\b)([\w-]+)")
# "by" after a passive cue, a short phrase (group 1) allowed before it: "was attacked[ on the speeches] by …"
_PASSIVE_BY = re.compile(r"(?:\s+((?:on|in|at|over|during)\s+[^,;:.!?“”\"\n]{1,40}?))?\s+by\s+")
# The complement of a passive verb of naming or judging before its agent ("called a charlatan by …",
# "described as reckless by …"): up to six words
_COMPLEMENT_BY = re.compile(r"\s+((?:[^\s,;:.!?“”\"]+\s+){0,5}?[^\s,;:.!?“”\"]+)\s+by\s+(?![a-z]+ing\b|\d)")
# A quotation that closes on a comma, a question or an exclamation right before a subject ("…,” the mayor said)
_QUOTE_THEN_SUBJECT = re.compile(r"[,?!][”\"’'»]{1,3}\s+$")
# "and" or "but" (and an adverb) right before a coordinated cue or its pronoun subject
_COORDINATOR = re.compile(rf",?\s+(?:and|but)\s+(?:(?:{_one_of('coordinated_adverbs')})\s+)?$")
# ", with" before a participle's subject: an absolute clause the writer adds ("…, with critics saying …")
_WITH_CLAUSE = re.compile(r",\s*with\s+$", re.I)
# Pronouns that stand for a third person as the subject of a coordinated cue
_THIRD_PERSON = _grammar("third_person")
# An apposition after an inverted subject, up to the comma before a quotation ("…, who grew up with Ali, “…”")
_APPOSITION_AFTER = re.compile(r",\s*[^“”\"«»;:.!?\n]{1,80}?,\s*(?=[“\"«])")
# What opens an apposition after an inverted subject: a name, a determiner or a relative pronoun
_APPOSITION_START = re.compile(rf"[A-Z]|(?:{_one_of('apposition_openers')})\b")
# What may follow a cue that ends its sentence ("Berg said.", "Berg told reporters on Friday.")
_SENTENCE_TAIL = re.compile(r"(?:\s+(?:on|in|at|during|after|later|earlier|again|afterwards|then|last|this|"
                            r"yesterday|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                            r"reporters)\b[^.!?“”\"\n]{0,40})?\s*[.!?]?\s*", re.I)
# A closing quotation mark (and a comma) right before an inverted cue ("…,” said …")
_AFTER_QUOTE = re.compile(r"[”\"’'»][\s,]*$|,[”\"’'»]\s*$")
# An adverb alone before a comma after a cue ("have argued since, …", "said so, …"): no clause follows
_LONE_ADVERB = re.compile(r"\s+([a-z]+)\s*,")
_WORD = re.compile(r"[\w’']+")
# Punctuation between two words that ends a phrase
_PUNCT_GAP = re.compile(r"[,;:.!?“”\"()—–―]")
# A gap that closes the clause a pronoun subject is looked for in ("…; they said", "(he said)")
_PRONOUN_GAP = re.compile(r"[;:“”\"()]")
# Punctuation that ends a phrase between two words (a comma, a colon, a quotation mark, a bracket, a dash)
_PHRASE_GAP = re.compile(r"[,;:“”\"()—–]")
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
# Between a cue and the quotation it introduces: punctuation, a pronoun object before a colon ("scolded him:
# “…”"), at most one adverb ("adding later, “…”"), then a phrase of when, where or how ("responded, with a
# smile: “…”") or a participle's aside ("joked, again using a Southern accent, “…”")
_BEFORE_QUOTE = re.compile(rf"[\s,:;]*(?:(?:{_one_of('quote_objects')})\s*:\s*)?"
                           r"(?:(?:later|again|also|then|further|simply|finally|earlier|afterwards|"
                           r"[a-z]{3,}ly)\b[\s,:;]*)?(?:(?:(?:in|at|on|during|to|from|via|after|before|with)\s|"
                           r"[a-z]{2,}ing\s)[^“”\"«»\n,.;:]{1,50}[,:][\s:]*)?")
# An apposition after the object of a naming verb, then what it is called: "[, his Democratic challenger, ]an
# ISIS co-founder"
_APPOSITION_NAMED = re.compile(r",\s*(?:his|her|their|its|the|a|an|[A-Z][\w.’'-]*)\b[^,;:.!?“”\"\n]{1,60},\s*"
                               r"(?!(?:on|in|at|to|for|from|with|about|after|before|during|by|and|but|who|which)\b)"
                               r"(?=[\w“\"‘'])")
# "against" or "for" and the stance after a stance cue ("argued against intervention"), not a duration ("argued
# for hours")
_STANCE = re.compile(rf"\s*(?:against|for)\s+(?!(?:{_one_of('durations')})\b)(?=\w)", re.I)
# An object and then what a naming verb calls it ("called [the incident a ]disgrace", "[Trump “]a liar”")
_NAMING_COMPLEMENT = re.compile(r"\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}?\s+(?:an?\s|[“\"‘]\w)")
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
# (and the topic a speaker talks on before the colon: "Obama on Climate Change: …")
_LABEL_TOPIC = r"\s+on\s+[^:;.!?\n“”\"]{2,40}?"
_LABEL = re.compile(rf"[\"“]?([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}})({_LABEL_TOPIC})?\s*:\s+(?=\S)")
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
# A reduced relative clause with its agent ("A petition signed by more than 3,000 people calls …")
_APPROXIMATORS = _grammar("approximators")
_AGENT_PARTICIPLES = _grammar("agent_participles")
# Words in -ed that are no past forms ("the top speed", "a need")
_NOT_PAST_FORMS = _grammar("not_past_forms")
# A pronoun object before a verdict ("considered it unacceptable"), not before "to", "as" or "that"
_PRONOUN_VERDICT = re.compile(rf"\s+(?:{_one_of('verdict_objects')})\s+(?!(?:{_one_of('not_verdicts')})\b)(?=[\w“\"])",
                              re.I)
# Words after "as" that make a phrase, not a verdict ("as part of", "as well", "as soon as")
_AS_PHRASES = _grammar("as_phrases")
# An as-verb's object up to "as", with commas and a title but not past a new clause ("characterized Sen. Tim
# Kaine, D-Va., as, “…”"; not "denounced the annexation, which RT pointed to as …")
_AS_OBJECT = re.compile(rf"(?:,?\s+(?!(?:{_one_of('as_object_stops')})\b)[\w’'.-]+){{0,10}}?,?\s+as\b,?\s*")
# Where a verdict after "as" ends: a new clause or a participle after a comma, not a list ("as an important
# bulwark against North Korea, China and Russia")
_VERDICT_END = re.compile(rf"[;:—–―]|,\s*(?:{_one_of('verdict_breaks')})\b|,\s*[a-z]+ing\b")
# Words that open a relative clause or an infinitive inside an object ("a plan that will …")
_RELATIVES = _grammar("relative_words")
# Words that join two names ("Kimberly and Tom Lee")
_NAME_JOINERS = _grammar("name_joiners")
# Irregular simple past forms: a finite verb after "as the vote" makes "as" a conjunction
_PAST_FORMS = _grammar("past_forms")
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
_SHARE_WORDS = _grammar("share_words")
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
# Demonstratives that stand for people before a description ("those close to him", "Those who …")
_PEOPLE_DEMONSTRATIVES = _grammar("people_demonstratives")
# Prepositions inside a subject after a noun for a person ("an adviser to the president")
_PERSON_PREPOSITIONS = _grammar("person_prepositions")
# Conjunctions that open a subordinate clause before its subject ("when Mr. Hale, who had lost, said …")
_SUBORDINATORS = _grammar("subordinators")
# Subordinators of a fronted clause that ends what a cue inside it introduced ("Although critics say …, …")
_FRONTED_SUBORDINATORS = _grammar("fronted_subordinators")
# The comma that ends a fronted subordinate clause: not one before a word that goes on inside it ("…, and",
# "…, which")
_FRONTED_CLAUSE_COMMA = re.compile(rf",\s+(?!(?:{_one_of('clause_continuers')})\b)")
# Auxiliary verbs: a finite verb after a subject
_AUXILIARIES = _BE | _grammar("auxiliaries")
# Modal verbs ("…, as anyone should know"; "the rules could …": a noun before them)
_MODALS = _grammar("modals")
# Words that open a sentence with a phrase before its subject ("On Monday, …", "After the vote, …")
_OPENERS = _grammar("openers")
# Words that may open a sentence with a capital and name nobody ("Unless", "About", "Had", "Later", "Only")
_NOT_NAMES = _OPENERS | _SUBORDINATORS | _PREPOSITIONS | _AUXILIARIES | _grammar("focus_adverbs") | \
    _grammar("hypothetical_openers")
# Adverbs that open a sentence before its subject with no comma ("Now research shows …", "Today officials say")
_OPENING_ADVERBS = _grammar("opening_adverbs")
# Prepositions inside a "…: " label that make it a heading, not a name ("Stealth Over Health: …")
_LABEL_PREPOSITIONS = _grammar("label_prepositions")
# Where something was said, between a subject and its verb ("Lee in a statement said", "Stumpf in a televised
# interview appeared to blame"): the prepositions and the nouns that end such a phrase
_VENUE_PREPOSITIONS = _grammar("venue_prepositions")
_VENUES = _grammar("venues")
# Everyone and no one in particular: "as anyone should know", "as everyone knows" claims common knowledge
_EVERYONE = _grammar("everyone")
# Stance verbs that attribute only with an object after them ("backed Clinton", not "backed out")
_OBJECT_ONLY = _grammar("object_only_cues")
_NOT_OBJECTS = _grammar("not_objects")
# Cue words whose form in -s is the plural noun ("public comments on the list")
_PLURAL_NOUN_CUES = _grammar("plural_noun_cues")
# Verbs of issuing that attribute only what a document they issue says ("issued a statement apologizing …")
_ISSUING = _grammar("issuing_cues")
_ISSUED_DOCUMENTS = _grammar("issued_documents")
# Words after a cue that is as often a noun which show it is the noun ("rules could", "plan similar to")
_NOUN_FOLLOWERS = _MODALS | _grammar("noun_followers")
# Pronouns of the writer and the reader: outside quotation marks they are nobody's source
_FIRST_SECOND = _grammar("first_second")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
# Words that give a noun an owner ("his claims"): then it is someone's, not hearsay
_OWNERS = _grammar("owners")
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
_OPEN_DOUBLE, _OPEN_SINGLE = "“\"«„‹", "‘'"
_OPEN_QUOTES = _OPEN_DOUBLE + _OPEN_SINGLE
# (a single mark after a letter is an apostrophe: "it's", "Bo's")
_OPEN_QUOTE = re.compile(f"[{re.escape(_OPEN_DOUBLE)}]|(?<!\\w)[{re.escape(_OPEN_SINGLE)}]")
# Where or when something was said, ending at a comma ("…, she explained earlier in the hearing, …")
_ADVERBIAL_COMMA = re.compile(r"\s+(?:in|on|at|during|after|before|from|via|through|with|last|this|earlier|later|"
                              r"then|yesterday|today|tonight|again|recently|privately|publicly|monday|tuesday|"
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
# (after a time word or an adverb an article opens an object, not more of the adverbial: "announced Friday a
# plan that …" is no "said on Friday that …")
_ADVERBIAL_THAT = re.compile(
    r"(?:\s+(?:on|in|at|during|last|this|to|before|after|via|through|from|with|while|when)\b"
    r"(?:\s+(?!that\b)[\w’'-]+){0,8}?|"
    r"(?:\s+[a-z]{2,}ly\b|\s+(?:earlier|later|yesterday|today|tonight|again|also|publicly|privately|repeatedly|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)(?!\s+(?:a|an|the|his|her|their|its)\b)"
    r"(?:\s+(?!that\b)[\w’'-]+){0,8}?)?"
    r"(?:\s*,\s*[^,;:.!?“”\"\n]{2,40},|\s*[—–―]\s*[^—–―;:.!?“”\"\n]{2,60}[—–―])?\s+that\b\s*|\s*:\s*", re.I)
# An aside between commas right after a cue, then the first word of a clause ("said, if elected, she …")
_ASIDE_THEN_CLAUSE = re.compile(r"\s*,\s*[^,;:.!?“”\"\n]{2,60},\s*(\w+)")
# Verbs whose object is the listener ("told The Post on Thursday"): with nothing else after them, the
# content is the clause before the comma
_LISTENER_VERBS = _grammar("listener_verbs")


def _cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _is_boundary(tok: Token) -> bool:
    return tok.norm in _BOUNDARY and (not _cap(tok) or tok.norm in _FUNCTION)


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
