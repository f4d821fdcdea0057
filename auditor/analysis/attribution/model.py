"""What attribution finds: a speaker, an attribution before its offsets are frozen into the model, and
the one source that stands for claims held by nobody named."""
from __future__ import annotations

from dataclasses import dataclass

# The `source` of attributions the text presents as held by nobody it names ("it is believed", "reportedly",
# "amid growing concerns that"): they name no source span and are kept out of the source map
UNSPECIFIED = "unspecified (no source named)"


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
    passive: bool = False  # the source is a passive's agent ("was first reported by the Times"), not the topic


def _end(f: Found) -> int:
    """Where an attribution's source, cue and content all end."""
    return max(f.cue_span[1], f.source_span[1], max(e for _, e in f.content))
