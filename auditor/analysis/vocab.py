"""The attribution vocabulary, read from rules/resources/attribution.yaml (data, not code)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import yaml

from ..errors import RuleFileError
from ..ruleset.loader import default_rules_dir
from ..ruleset.matcher import Entry, LexiconMatcher


# Which list a match of Vocabulary.lexicon comes from (its Entry.rule_index)
CUE, ACCORDING, PASSIVE, IMPERSONAL = range(4)


@dataclass(frozen=True)
class Vocabulary:
    cue_bases: tuple[str, ...]
    needs_complement: frozenset[str]
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


def _words(data: dict, key: str, path: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleFileError(path, None, None, f"'{key}' must be a list of strings")
    return [v.strip().lower() for v in value]


@lru_cache(maxsize=1)
def load_vocabulary() -> Vocabulary:
    path = default_rules_dir() / "resources" / "attribution.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise RuleFileError(str(path), None, None, f"cannot read attribution vocabulary: {exc}") from None
    bases = tuple(dict.fromkeys(_words(data, "cue_verbs", str(path))))
    irregular = data.get("irregular_forms") or {}
    passive_bases = tuple(dict.fromkeys(_words(data, "passive_cues", str(path))))
    # All four lists in one trie, so a document is scanned once: rule_index says which list, term_index where
    lexicon = LexiconMatcher()
    for index, base in enumerate(bases):
        lexicon.add(base, Entry(CUE, index, "insensitive", ()), "first", tuple(irregular.get(base, ())))
    for index, phrase in enumerate(_words(data, "according_to", str(path))):
        lexicon.add(phrase, Entry(ACCORDING, index, "insensitive", ()), "none")
    for index, base in enumerate(passive_bases):
        lexicon.add(base, Entry(PASSIVE, index, "insensitive", ()), "first", tuple(irregular.get(base, ())))
    for index, phrase in enumerate(_words(data, "impersonal_markers", str(path))):
        lexicon.add(phrase, Entry(IMPERSONAL, index, "insensitive", ()), "none")
    return Vocabulary(
        cue_bases=bases,
        needs_complement=frozenset(_words(data, "needs_complement", str(path))),
        as_verbs=frozenset(_words(data, "as_verbs", str(path))),
        pronouns=frozenset(_words(data, "pronouns", str(path))),
        person_pronouns=frozenset(_words(data, "person_pronouns", str(path))),
        anonymous_heads=frozenset(_words(data, "anonymous_heads", str(path))),
        document_heads=frozenset(_words(data, "document_heads", str(path))),
        title_words=frozenset(_words(data, "title_words", str(path))),
        institution_heads=frozenset(_words(data, "institution_heads", str(path))),
        relative_pronouns=frozenset(_words(data, "relative_pronouns", str(path))),
        object_cues=frozenset(_words(data, "object_cues", str(path))),
        object_then_that=frozenset(_words(data, "object_then_that", str(path))),
        naming_verbs=frozenset(_words(data, "naming_verbs", str(path))),
        noun_like=frozenset(_words(data, "noun_like_cues", str(path))),
        not_labels=frozenset(_words(data, "not_speaker_labels", str(path))),
        irregular_past=frozenset(f.lower() for forms in irregular.values() for f in forms),
        time_words=frozenset(_words(data, "time_words", str(path))),
        passive_bases=passive_bases, lexicon=lexicon,
        infinitive_cues=frozenset(_words(data, "infinitive_cues", str(path))),
        bare_clause_cues=frozenset(_words(data, "bare_clause_cues", str(path))),
        clause_openers=frozenset(_words(data, "clause_openers", str(path))),
        hearsay_nouns=frozenset(_words(data, "hearsay_nouns", str(path))),
        speech_nouns=frozenset(_words(data, "speech_nouns", str(path))),
        hearsay_triggers=frozenset(_words(data, "hearsay_triggers", str(path))),
        hearsay_owner_verbs=frozenset(_words(data, "hearsay_owner_verbs", str(path))),
        number_words=frozenset(_words(data, "number_words", str(path))),
        response_verbs=frozenset(_words(data, "response_verbs", str(path))),
        title_modifiers=frozenset(_words(data, "title_modifiers", str(path))),
    )
