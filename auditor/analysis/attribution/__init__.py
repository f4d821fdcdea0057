"""Who says what: reported speech and the speakers of quotations, sentence by sentence.

The package, by job:
- grammar: the word classes and patterns read from rules/resources/attribution.yaml, and word tests;
- model: Speaker, Found and the UNSPECIFIED source;
- base: the document and its indexes, the memory across sentences, the lookups every pass shares;
- speakers: resolving a phrase to a speaker, and whether words can speak;
- subjects: the subject phrase of a cue, left of it or inverted after it;
- clause_subjects: the subject a participle or coordinated cue borrows from its clause;
- content: where attributed content starts and ends;
- nominal: attributions without a verb of saying (according to, X's claim, labels, polls, unclaimed quotes);
- impersonal: claims held by nobody named;
- cues: the pass over the verbs of saying;
- attributor: Attributor, which composes the passes and reads a sentence.
"""
from __future__ import annotations

from .attributor import Attributor
from .model import UNSPECIFIED, Found, Speaker

__all__ = ["Attributor", "Found", "Speaker", "UNSPECIFIED"]
