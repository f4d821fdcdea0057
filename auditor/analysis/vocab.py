"""The attribution vocabulary, read from rules/resources/attribution.yaml (data, not code)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..resources import resource, word_list
from ..ruleset.matcher import Entry, LexiconMatcher


# Which list a match of Vocabulary.lexicon comes from (its Entry.rule_index)
CUE, ACCORDING, PASSIVE, IMPERSONAL = range(4)


@dataclass(frozen=True)
class Vocabulary:
    cue_bases: tuple[str, ...]
    needs_complement: frozenset[str]
    quote_only_cues: frozenset[str]
    as_verbs: frozenset[str]
    pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    anonymous_heads: frozenset[str]
    document_heads: frozenset[str]
    title_words: frozenset[str]
    institution_heads: frozenset[str]
    relative_pronouns: frozenset[str]
    object_cues: frozenset[str]
    object_then_that: frozenset[str]
    naming_verbs: frozenset[str]
    noun_like: frozenset[str]
    not_labels: frozenset[str]
    irregular_past: frozenset[str]
    time_words: frozenset[str]
    passive_bases: tuple[str, ...]
    lexicon: LexiconMatcher  # cues, according-to phrases, passive cues and impersonal markers together
    infinitive_cues: frozenset[str]
    bare_clause_cues: frozenset[str]
    clause_openers: frozenset[str]
    hearsay_nouns: frozenset[str]
    speech_nouns: frozenset[str]
    hearsay_triggers: frozenset[str]
    hearsay_owner_verbs: frozenset[str]
    number_words: frozenset[str]
    response_verbs: frozenset[str]
    title_modifiers: frozenset[str]
    surname_titles: frozenset[str]
    headline_cues: frozenset[str]
    headline_quote_cues: frozenset[str]
    small_clause_cues: frozenset[str]
    stance_cues: frozenset[str]
    opening_participles: frozenset[str]
    gendered_pronouns: dict[str, str]  # he -> male, she -> female
    gender_markers: dict[str, frozenset[str]]  # male/female -> words of a title that mark it


# The two lists of attribution.yaml that say which of "he" and "she" a person takes (<gender>_pronouns,
# <gender>_title_words)
_GENDERS = ("male", "female")


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    def _words(key: str) -> list[str]:
        return word_list("attribution", key)

    irregular = resource("attribution").get("irregular_forms") or {}
    bases = tuple(dict.fromkeys(_words("cue_verbs")))
    passive_bases = tuple(dict.fromkeys(_words("passive_cues")))
    # All four lists in one trie, so a document is scanned once: rule_index says which list, term_index where
    lexicon = LexiconMatcher()
    for index, base in enumerate(bases):
        lexicon.add(base, Entry(CUE, index, "insensitive", ()), "first", tuple(irregular.get(base, ())))
    for index, phrase in enumerate(_words("according_to")):
        lexicon.add(phrase, Entry(ACCORDING, index, "insensitive", ()), "none")
    for index, base in enumerate(passive_bases):
        lexicon.add(base, Entry(PASSIVE, index, "insensitive", ()), "first", tuple(irregular.get(base, ())))
    for index, phrase in enumerate(_words("impersonal_markers")):
        lexicon.add(phrase, Entry(IMPERSONAL, index, "insensitive", ()), "none")
    return Vocabulary(
        cue_bases=bases,
        needs_complement=frozenset(_words("needs_complement")),
        quote_only_cues=frozenset(_words("quote_only_cues")),
        as_verbs=frozenset(_words("as_verbs")),
        pronouns=frozenset(_words("pronouns")),
        person_pronouns=frozenset(_words("person_pronouns")),
        anonymous_heads=frozenset(_words("anonymous_heads")),
        document_heads=frozenset(_words("document_heads")),
        title_words=frozenset(_words("title_words")),
        institution_heads=frozenset(_words("institution_heads")),
        relative_pronouns=frozenset(_words("relative_pronouns")),
        object_cues=frozenset(_words("object_cues")),
        object_then_that=frozenset(_words("object_then_that")),
        naming_verbs=frozenset(_words("naming_verbs")),
        noun_like=frozenset(_words("noun_like_cues")),
        not_labels=frozenset(_words("not_speaker_labels")),
        irregular_past=frozenset(f.lower() for forms in irregular.values() for f in forms),
        time_words=frozenset(_words("time_words")),
        passive_bases=passive_bases, lexicon=lexicon,
        infinitive_cues=frozenset(_words("infinitive_cues")),
        bare_clause_cues=frozenset(_words("bare_clause_cues")),
        clause_openers=frozenset(_words("clause_openers")),
        hearsay_nouns=frozenset(_words("hearsay_nouns")),
        speech_nouns=frozenset(_words("speech_nouns")),
        hearsay_triggers=frozenset(_words("hearsay_triggers")),
        hearsay_owner_verbs=frozenset(_words("hearsay_owner_verbs")),
        number_words=frozenset(_words("number_words")),
        response_verbs=frozenset(_words("response_verbs")),
        title_modifiers=frozenset(_words("title_modifiers")),
        surname_titles=frozenset(_words("surname_titles")),
        headline_cues=frozenset(_words("headline_cues")),
        headline_quote_cues=frozenset(_words("headline_quote_cues")),
        small_clause_cues=frozenset(_words("small_clause_cues")),
        stance_cues=frozenset(_words("stance_cues")),
        opening_participles=frozenset(_words("opening_participles")),
        gendered_pronouns={pronoun: gender for gender in _GENDERS for pronoun in _words(f"{gender}_pronouns")},
        gender_markers={gender: frozenset(_words(f"{gender}_title_words")) for gender in _GENDERS},
    )
