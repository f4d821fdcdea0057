"""analyse(article) → Analysis: sentences, quotations, attributions, voice spans and the source map."""
from __future__ import annotations

import re
from bisect import bisect_left

from ..model import Analysis, Article, Attribution, Sentence, Source, Span
from ..textutil import split_sentences
from .attribution import Attributor, Found
from .attribution.grammar import _LABEL_TOPIC
from .quotes import find_quotes, is_title
from .vocab import ACCORDING, CUE, Vocabulary, load_vocabulary

__all__ = ["analyse"]


def analyse(article: Article) -> Analysis:
    text = article.text
    quotes = sorted(set(find_quotes(text)) | set(article.blockquotes))
    attributor = Attributor(text, quotes, load_vocabulary())
    sentence_spans = _keep_quotes_whole(text, split_sentences(text), quotes, attributor)
    found: list[tuple[int, Found]] = []
    for index, (s, e) in enumerate(sentence_spans):
        found.extend((index, f) for f in attributor.sentence(s, e))
    spans = _voice_spans(text, quotes, [f for _, f in found])
    # A quotation with no speech verb anywhere near it is quoted voice (and counts for its speaker in the
    # source map) but not an attribution relation: those need a cue.
    attributions = tuple(sorted((_attribution(text, f) for _, f in _outermost(text, found)
                                 if f.cue_span[1] > f.cue_span[0]),
                                key=lambda a: (a.content_start, a.cue_start)))
    by_sentence: dict[int, list[Found]] = {}
    for index, f in found:
        by_sentence.setdefault(index, []).append(f)
    span_index = _SpanIndex(spans)
    link_index = _SpanIndex([Span(link.start, link.end, "narrator") for link in article.links
                             if 0 <= link.start < link.end])
    sentences = tuple(_sentence(text, s, e, span_index.around(s, e), by_sentence.get(k, []), link_index)
                      for k, (s, e) in enumerate(sentence_spans))
    title_spans, title_attributions = read_headline(article.title or "", text)
    return Analysis(spans=tuple(spans), attributions=attributions, sentences=sentences,
                    sources=_sources(text, [f for _, f in found]), title_spans=title_spans,
                    title_attributions=title_attributions)


def read_headline(title: str, article_text: str = "") -> tuple[tuple[Span, ...], tuple[Attribution, ...]]:
    """The voices of a headline and the attributions it makes (offsets into the title): its quotations, and
    what it reports someone said ("Mayor Says Plan Is a Scam", "Pat Caddell: Voters Are Worried", "Plan is a
    scam, senator says"). Title Case misleads the reading of the rarer cues ("Mayor Slams Reckless Plan As
    Taxpayers Fume" is no "Slams Reckless" planning), so besides "according to" and a person's name before a
    colon only the vocabulary's `headline_cues` attribute a headline's words."""
    if not title.strip():
        return (), ()
    vocabulary = load_vocabulary()
    quotes = sorted(set(find_quotes(title)))
    cues = {(m.start, m.end) for m in vocabulary.lexicon.find(title) if _headline_entry(m.entry, vocabulary) or
            _quoted_after(title, m, quotes, vocabulary)}
    labelled = _HEADLINE_LABEL.match(title) is not None
    if not quotes and not labelled and not cues:
        return (), ()  # most headlines: nobody is reported, and the reading below is skipped
    # ("Sanders: …" is a name when the article names Sanders)
    attributor = Attributor(title, quotes, vocabulary, names_context=article_text)
    found = [f for s, e in split_sentences(title) for f in attributor.sentence(s, e)
             if f.cue_span in cues or title[f.cue_span[1] - 1:f.cue_span[1]] == ":" and
             (_names_a_speaker(f) or f.cue_span[1] - f.cue_span[0] > 1)]  # ("Obama on Climate Change: …")
    spans = _voice_spans(title, quotes, found)
    # A headline capitalises every word, so it cannot tell a quoted title ("The Late Show") from quoted words:
    # every quotation in it is quoted voice ('Mayor Slams "Reckless" Plan').
    spoken = {(sp.start, sp.end) for sp in spans if sp.voice == "quoted"}
    spans += [Span(s, e, "quoted") for s, e in quotes if (s, e) not in spoken]
    attributions = tuple(sorted((_attribution(title, f) for f in found if f.speaker is not None),
                                key=lambda a: (a.content_start, a.cue_start)))
    return tuple(sorted(spans, key=lambda sp: (sp.start, sp.end))), attributions


# "Pat Caddell: …", "Obama on Climate Change: …": up to four capitalised words (and a topic) and a colon open
# the headline
_HEADLINE_LABEL = re.compile(rf"\s*[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}}(?:{_LABEL_TOPIC})?\s*:")


def _quoted_after(title: str, match, quotes: list[tuple[int, int]], vocabulary: Vocabulary) -> bool:
    """A cue of `headline_quote_cues` with a quotation at most four words after it ("Christie Calls Clinton
    ‘A Disgrace’", "General Reveals ‘Demoralizing’ Experience")."""
    if match.entry.rule_index != CUE or vocabulary.cue_bases[match.entry.term_index] not in \
            vocabulary.headline_quote_cues:
        return False
    return any(q[0] >= match.end and re.fullmatch(r"(?:\s+[\w’'.-]+){0,4}\s*", title[match.end:q[0]])
               for q in quotes)


def _names_a_speaker(found: Found) -> bool:
    """"Pat Caddell: …" is a person speaking, "Coronavirus: …" or "Brexit: …" a topic."""
    return found.speaker is not None and found.speaker.kind in ("named", "anonymous")


def _headline_entry(entry, vocabulary: Vocabulary) -> bool:
    return entry.rule_index == ACCORDING or \
        (entry.rule_index == CUE and vocabulary.cue_bases[entry.term_index] in vocabulary.headline_cues)


# A new clause between two cues ("…, but he said", "…, which he said"): the second is no part of the first
_CLAUSE_BREAK = re.compile(r"[;:—–―(“”\"]|,\s*(?:but|and|or|though|although|while|whereas|yet|so|which|who|with|"
                           r"as|because|after|before|when|since|if|even)\b|\b(?:but|although|though|whereas)\b")


def _outermost(text: str, found: list[tuple[int, Found]]) -> list[tuple[int, Found]]:
    """Attribution relations are univocal: in "Fowler said he expects Clinton to recover" the whole clause
    is what Fowler said, so the cue inside it is part of that content, not a relation of its own. (The inner
    speaker still counts in the source map and the voice spans.)"""
    by_sentence: dict[int, list[Found]] = {}
    for index, f in found:
        by_sentence.setdefault(index, []).append(f)

    def nested(index: int, f: Found) -> bool:
        inner_from = min(f.source_span[0], f.cue_span[0]) if f.source_span[1] > f.source_span[0] else f.cue_span[0]
        inner_to = max(e for _, e in f.content)
        return any(g is not f and g.voiced and not g.impersonal and g.speaker is not None
                   and any(s <= f.cue_span[0] and f.cue_span[1] <= e for s, e in g.content)
                   and not any(s <= g.cue_span[0] < e for s, e in f.content)
                   and (g.cue_span[1] <= inner_from and not _CLAUSE_BREAK.search(text[g.cue_span[1]:inner_from])
                        # "X decided to change course, a source said": the whole clause is the source's
                        or g.cue_span[0] >= inner_to and any(s <= inner_from and inner_to <= e for s, e in g.content))
                   for g in by_sentence[index])

    return [(index, f) for index, f in found if not nested(index, f)]


class _SpanIndex:
    """Voice spans near a sentence without scanning them all for every sentence."""

    def __init__(self, spans: list[Span]):
        self.spans = sorted(spans, key=lambda sp: sp.start)
        self.starts = [sp.start for sp in spans]
        longest = max((sp.end - sp.start for sp in self.spans), default=0)
        self.reach = longest

    def around(self, start: int, end: int) -> list[Span]:
        lo = bisect_left(self.starts, start - self.reach)
        hi = bisect_left(self.starts, end)
        return [sp for sp in self.spans[lo:hi] if sp.end > start]


_CLOSING_MARKS = "”\"'’»›"


def _keep_quotes_whole(text: str, sentences: list[tuple[int, int]],
                       quotes: list[tuple[int, int]], attributor: Attributor | None = None) -> list[tuple[int, int]]:
    """Sentences joined where a quotation runs across their boundary within one paragraph: the quotation
    and the verb that introduces it belong to one sentence ("“It is over. We lost,” she said."); so are a
    question or exclamation in quotation marks and the short speech clause after it ("“Why?” he asked.")."""
    out: list[tuple[int, int]] = []
    q = 0
    for start, end in sentences:
        if out:
            prev_start, prev_end = out[-1]
            while q < len(quotes) and quotes[q][1] <= prev_end:
                q += 1
            k = q
            crossing = False
            while k < len(quotes) and quotes[k][0] < prev_end:
                if quotes[k][1] > prev_end:
                    crossing = True
                    break
                k += 1
            asked = not crossing and attributor is not None and q > 0 and quotes[q - 1][1] == prev_end and \
                text[max(0, prev_end - 6):prev_end].rstrip(_CLOSING_MARKS)[-1:] in ("?", "!") and \
                attributor.opens_with_cue(start, end)
            if (crossing or asked) and "\n" not in text[prev_end:start]:
                out[-1] = (prev_start, end)
                continue
        out.append((start, end))
    return out


def _attribution(text: str, f: Found) -> Attribution:
    return Attribution(
        source=f.speaker.name if f.speaker else None,
        cue=text[f.cue_span[0]:f.cue_span[1]] or None,
        kind=f.kind,  # type: ignore[arg-type]
        # a relative pronoun's source mention reaches back over the noun it stands for ("critics who")
        source_start=f.antecedent_start if f.antecedent_start >= 0 else f.source_span[0], source_end=f.source_span[1],
        cue_start=f.cue_span[0], cue_end=f.cue_span[1],
        content_start=min(s for s, _ in f.content), content_end=max(e for _, e in f.content),
    )


def _voice_spans(text: str, quotes: list[tuple[int, int]], found: list[Found]) -> list[Span]:
    speaker_of: dict[tuple[int, int], str | None] = {}
    cued = {c for f in found if f.cue_span[1] > f.cue_span[0] for c in f.content}  # quotations a cue introduces
    spans: list[Span] = []
    for f in found:
        name = f.speaker.name if f.speaker else None
        for s, e in f.content:
            if (s, e) in quotes:
                if speaker_of.get((s, e)) is None:
                    speaker_of[(s, e)] = name
            elif f.voiced:
                spans.append(Span(s, e, "attributed", name))
    for q in quotes:
        speaker = speaker_of.get(q)
        if speaker is None:  # a quotation inside someone's reported speech is theirs
            speaker = next((sp.speaker for sp in spans if sp.voice == "attributed" and sp.start <= q[0]
                            and q[1] <= sp.end + 1), None)
        if speaker is None and q not in cued and is_title(text, q):
            continue  # “The Late Show”, “How Creepy Is the Cover?”: a title in quotation marks is nobody's words
        spans.append(Span(q[0], q[1], "quoted", speaker))
    return sorted(spans, key=lambda sp: (sp.start, sp.end))


def _sentence(text: str, s: int, e: int, spans: list[Span], found: list[Found], links: "_SpanIndex") -> Sentence:
    covered = [0, 0]
    sourced = False  # a quotation nobody is named for (a scare quote) does not source the sentence
    for sp in spans:
        lo, hi = max(s, sp.start), min(e, sp.end)
        if lo < hi:
            covered[0 if sp.voice == "quoted" else 1] += hi - lo
            sourced = sourced or sp.speaker is not None or sp.voice == "attributed"
    length = max(1, e - s)
    if covered[0] / length > 0.5:
        voice = "quoted"
    elif (covered[0] + covered[1]) / length > 0.5:
        voice = "attributed"
    else:
        voice = "narrator"
    has_link = bool(links.around(s, e))
    attributed = any((f.speaker is not None or f.cue_span[1] > f.cue_span[0]) and not f.impersonal
                     and not f.own_voice for f in found) or sourced
    return Sentence(s, e, voice, attributed, has_link)  # type: ignore[arg-type]


def _sources(text: str, found: list[Found]) -> tuple[Source, ...]:
    table: dict[tuple[str, str], dict] = {}
    for f in found:
        if f.speaker is None or f.impersonal:
            continue  # claims held by nobody the text names are attributions, but nobody's in the map
        key = (f.speaker.name, f.speaker.kind)
        entry = table.setdefault(key, {"title": f.speaker.title, "quotes": 0, "statements": 0, "words": 0})
        entry["title"] = entry["title"] or f.speaker.title
        if f.kind == "direct":
            entry["quotes"] += 1
        else:
            entry["statements"] += 1
        entry["words"] += sum(len(text[s:e].split()) for s, e in f.content)
    total = sum(v["words"] for v in table.values()) or 1
    sources = [Source(name=name, kind=kind, title=v["title"], quotes=v["quotes"],  # type: ignore[arg-type]
                      attributed_statements=v["statements"], words=v["words"],
                      share=round(v["words"] / total, 3))
               for (name, kind), v in table.items()]
    return tuple(sorted(sources, key=lambda s: (-s.words, s.name)))


def source_summary(analysis: Analysis) -> dict[str, object]:
    """Article-level measures of the source map: distinct named sources, the anonymous share of the
    attributed words, and the most-cited named source with its share (None when nothing is attributed)."""
    total = sum(s.words for s in analysis.sources)
    named = [s for s in analysis.sources if s.kind == "named"]
    dominant = max(named, key=lambda s: (s.words, s.quotes + s.attributed_statements), default=None)
    anonymous = sum(s.words for s in analysis.sources if s.kind == "anonymous")
    return {
        "distinct_named_sources": len({s.name for s in named}),
        "institutions": len({s.name for s in analysis.sources if s.kind == "institution"}),
        "documents": len({s.name for s in analysis.sources if s.kind == "document"}),
        "anonymous_sources": len({s.name for s in analysis.sources if s.kind == "anonymous"}),
        "attributed_words": total,
        "anonymous_share": round(anonymous / total, 3) if total else None,
        "dominant_source": dominant.name if dominant else None,
        "dominant_share": round(dominant.words / total, 3) if dominant and total else None,
    }
