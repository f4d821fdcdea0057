"""Who says what: reported speech and the speakers of quotations, sentence by sentence."""
from __future__ import annotations

import re
from dataclasses import dataclass, field


from ..textutil import Token, tokenize
from .vocab import Vocabulary

# Words that end a subject noun phrase when walking left from a cue verb.
_BOUNDARY = {"that", "which", "who", "whom", "and", "but", "while", "as", "because", "after", "when",
             "if", "although", "though", "so", "what", "where", "whereas", "since", "until", "before",
             "or", "nor", "than", "whether", "also", "by", "of", "with", "in", "on", "for", "to", "from",
             "about", "over", "at", "into", "against", "amid", "despite", "this", "it", "there"}
# Words that may stand between a subject and its cue verb.
_BETWEEN = {"has", "have", "had", "was", "were", "is", "are", "will", "would", "could", "may", "might",
            "also", "further", "repeatedly", "later", "previously", "again", "then", "reportedly",
            "publicly", "privately", "recently", "once", "often", "had", "did", "does", "do", "not",
            "never", "already", "first", "last", "earlier", "separately", "still", "can", "should",
            "must", "been", "being", "be", "even", "openly", "bluntly", "flatly", "explicitly", "clearly",
            "emphatically", "angrily", "firmly", "quickly", "swiftly", "initially", "finally", "had",
            "told", "has", "long"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
                "some", "many", "several", "two", "three", "other", "one", "most", "few", "both"}
_BE = {"is", "are", "was", "were", "been", "be", "being"}
_CLOSE_QUOTES = "”\"»’'›"
_OPEN_QUOTES = "“\"«‘'„‹"


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


@dataclass
class _State:
    vocab: Vocabulary
    people: list[Speaker] = field(default_factory=list)
    last_person: Speaker | None = None
    last_speaker: Speaker | None = None


def _cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


class Attributor:
    def __init__(self, text: str, quotes: list[tuple[int, int]], vocab: Vocabulary):
        self.text = text
        self.mentions = _name_mentions(text, vocab)
        self.quotes = quotes
        self.state = _State(vocab)
        self.v = vocab

    # --- helpers ------------------------------------------------------------------------------
    def _in_quote(self, pos: int) -> tuple[int, int] | None:
        for s, e in self.quotes:
            if s <= pos < e:
                return (s, e)
            if s > pos:
                break
        return None

    def _gap(self, a: Token, b: Token) -> str:
        return self.text[a.end:b.start]

    def resolve(self, phrase_tokens: list[Token]) -> Speaker | None:
        """Name, kind and title of the noun phrase that speaks."""
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
            if len(name_toks) >= 2 or title:
                if name.lower() in self.v.institution_heads or head in self.v.institution_heads:
                    return Speaker(" ".join(t.text for t in toks), "institution")
                person = Speaker(name, "named", title)
                self.state.people.append(person)
                return person
            if head in self.v.anonymous_heads:
                return Speaker(" ".join(t.text for t in phrase_tokens).lower(), "anonymous")
            return Speaker(name, "institution")
        phrase = self.text[phrase_tokens[0].start:phrase_tokens[-1].end]
        if head in self.v.title_words:
            by_title = self._person_by_title(norms)
            if by_title:
                return by_title
        if head in self.v.document_heads:
            return Speaker(phrase, "document")
        if head in self.v.institution_heads or any(_cap(t) for t in toks):
            return Speaker(phrase, "institution")
        if head in self.v.anonymous_heads or head in self.v.title_words:
            return Speaker(phrase.lower(), "anonymous")
        return None

    def _known_person(self, name: str) -> Speaker | None:
        last = name.split()[-1].lower()
        for person in reversed(self.state.people):
            if person.name.lower() == name.lower() or (len(name.split()) == 1 and person.name.split()[-1].lower() == last):
                return person
        return None

    def _person_by_title(self, norms: list[str]) -> Speaker | None:
        wanted = [n for n in norms if n in self.v.title_words]
        for person in reversed(self.state.people):
            title = (person.title or "").lower().split()
            if wanted and all(w in title for w in wanted):
                return person
        return None

    def _subject_left(self, toks: list[Token], i: int, sent_start: int) -> list[Token]:
        """The noun phrase ending just before toks[i] (skipping auxiliaries and adverbs)."""
        j = i - 1
        while j >= 0 and toks[j].norm in _BETWEEN and not _cap(toks[j]):
            if re.search(r"[,;:“”\"()—–]", self._gap(toks[j], toks[j + 1])):
                return []
            j -= 1
        phrase: list[Token] = []
        while j >= 0 and len(phrase) < 8:
            t = toks[j]
            nxt = toks[j + 1] if j + 1 < len(toks) else None
            if nxt is not None and re.search(r"[,;:“”\"«»()—–]|['’]\s", self._gap(t, nxt)):
                if phrase or "'" in self._gap(t, nxt) or "’" in self._gap(t, nxt):
                    break
                return []
            if t.norm in _BOUNDARY and not _cap(t):
                break
            if t.norm in _BETWEEN and not _cap(t) and phrase:
                break
            phrase.insert(0, t)
            j -= 1
        # "reports surfaced suggesting": the noun before a bare past-tense verb is the subject
        if len(phrase) >= 2 and not _cap(phrase[-1]) and phrase[-1].norm.endswith("ed"):
            phrase = phrase[:-1]
        # a plain lower-case verb or adjective cannot head a subject
        if phrase and not (_cap(phrase[-1]) or phrase[-1].norm in self.v.pronouns or
                           phrase[-1].norm in self.v.anonymous_heads or phrase[-1].norm in self.v.document_heads
                           or phrase[-1].norm in self.v.institution_heads or phrase[-1].norm in self.v.title_words
                           or any(p.norm in _DETERMINERS for p in phrase[:-1])):
            return []
        # keep the phrase compact: from the last lower-case gap onwards for long chunks
        return phrase

    def _main_subject(self, toks: list[Token], before: int) -> Speaker | None:
        """The first capitalised noun phrase of the sentence before toks[before] (a participle's subject)."""
        k = 0
        while k < before:
            if _cap(toks[k]) and not (k == 0 and k + 1 < len(toks) and not _cap(toks[k + 1])):
                run = [toks[k]]
                while k + 1 < before and _cap(toks[k + 1]) and not re.search(r"[,;:“”\"]", self._gap(toks[k], toks[k + 1])):
                    k += 1
                    run.append(toks[k])
                speaker = self.resolve(run)
                if speaker is not None and speaker.kind in ("named", "institution"):
                    return speaker
            elif toks[k].norm in self.v.person_pronouns and k + 1 < before:
                return self.state.last_person
            k += 1
        return None

    def _subject_right(self, toks: list[Token], i: int) -> list[Token]:
        """The noun phrase after a cue: 'said Lavrov', 'said the minister'."""
        phrase: list[Token] = []
        j = i
        while j < len(toks) and len(phrase) < 6:
            t = toks[j]
            if phrase and re.search(r"[,;:.!?“”\"()—]", self._gap(toks[j - 1], t)):
                break
            if t.norm in _BOUNDARY and not _cap(t):
                break
            if not phrase and t.norm not in _DETERMINERS and not _cap(t) and t.norm not in self.v.pronouns \
                    and t.norm not in self.v.anonymous_heads and t.norm not in self.v.title_words:
                return []
            phrase.append(t)
            if t.norm in self.v.pronouns:
                break
            j += 1
        return phrase

    def _indirect_content(self, toks: list[Token], i: int, j: int, base: str, speaker_np: list[Token],
                          start: int, end: int) -> list[tuple[int, int]] | None:
        """Content of reported speech with no quotation next to the cue, or None when the cue does not
        introduce any."""
        text = self.text
        c_start, c_end = toks[i].start, toks[j].end
        after_text = text[c_end:end]
        np_after = bool(speaker_np) and speaker_np[0].start > c_start
        # "X said (to reporters on Tuesday) that …", "X warned: …"
        max_words = 2 if base in self.v.needs_complement else 5
        comp = re.match(r"(?:\s+(?!that\b)[\w’']+){0,%d}?\s+that\b\s*|\s*:\s*" % max_words, after_text)
        if comp and not np_after:
            return [(c_end + comp.end(), end)]
        # "described it as …", "referred to X as …"
        if base in self.v.as_verbs:
            as_match = re.match(r"(?:\s+[\w’'-]+){0,7}?\s+as\b\s*", after_text)
            if as_match:
                return [(c_end + as_match.end(), end)]
        # "…, Lavrov stressed, but …" / "…, he said." / "…, said the minister."
        pre_end = speaker_np[0].start if speaker_np and not np_after else c_start
        before = text[start:pre_end]
        rest = text[speaker_np[-1].end:end] if np_after else after_text
        if before.strip(" ,;—–") and re.search(r"[,—–]\s*$", before):
            content = [(start, pre_end)]
            tail = re.match(r"\s*,\s*", rest)
            if tail and rest[tail.end():].strip(" .") and not re.match(r"\w+ing\b", rest[tail.end():]):
                content.append((end - len(rest) + tail.end(), end))
            return content
        if base in self.v.needs_complement or base in self.v.as_verbs:
            return None
        # "X said the plan would fail"
        if rest.strip(" .,;") and not re.match(r"\s*,\s*\w+ing\b", rest) and not np_after:
            return [(end - len(rest), end)]
        return None

    # --- per sentence -------------------------------------------------------------------------
    def sentence(self, start: int, end: int) -> list[Found]:
        text = self.text
        toks = [t for t in tokenize(text[start:end])]
        toks = [Token(t.text, t.norm, t.start + start, t.end + start) for t in toks]
        found: list[Found] = []
        if not toks:
            return found
        quotes = [(s, e) for s, e in self.quotes if s < end and e > start]
        claimed_quotes: set[tuple[int, int]] = set()
        # according to X
        for m in self.v.according_to.find(text[start:end]):
            a_start, a_end = m.start + start, m.end + start
            if self._in_quote(a_start):
                continue
            idx = next((k for k, t in enumerate(toks) if t.start >= a_end), None)
            if idx is None:
                continue
            np = self._subject_right(toks, idx)
            if not np:
                continue
            speaker = self.resolve(np)
            np_end = np[-1].end
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
        for m in self.v.cues.find(text[start:end]):
            c_start, c_end = m.start + start, m.end + start
            if self._in_quote(c_start):
                continue
            i = next(k for k, t in enumerate(toks) if t.start == c_start)
            j = next(k for k, t in enumerate(toks) if t.end == c_end)
            base = self.v.cue_bases[m.entry.rule_index]
            cue_tok = toks[i]
            after_toks = toks[j + 1:]
            after_text = text[c_end:end]
            left = self._subject_left(toks, i, start)
            passive = i > 0 and toks[i - 1].norm in _BE | {"widely", "generally", "often", "also", "been"}
            speaker_np: list[Token] = []
            if passive:
                by = re.match(r"\s+by\s+", after_text)
                if by:
                    k = next((k for k, t in enumerate(toks) if t.start >= c_end + by.end()), None)
                    speaker_np = self._subject_right(toks, k) if k is not None else []
                    if speaker_np:
                        rest_start = speaker_np[-1].end
                        content = [(start, toks[i - 1].start), (rest_start, end)]
                        content = [_trim(text, s, e) for s, e in content if text[s:e].strip()]
                        speaker = self.resolve(speaker_np)
                        found.append(Found(speaker, (speaker_np[0].start, speaker_np[-1].end),
                                           (c_start, c_end), content, "indirect"))
                        continue
                # passive with no agent ("it is believed", "is seen as"): a claim attributed to nobody
                if base not in ("say", "tell"):
                    continue
            if left:
                speaker_np = left
            elif i > 0 and re.search(r"[,”\"’]\s*$", text[toks[i - 1].end:c_start] if i > 0 else "") or i == 0:
                speaker_np = self._subject_right(toks, j + 1)
            # participle or coordinated cue with no subject: "…, describing it as", "and pointed out"
            implicit = False
            if not speaker_np:
                if cue_tok.norm.endswith("ing") or (i > 0 and toks[i - 1].norm in {"and", "also", "further"}) or \
                        (i > 1 and toks[i - 1].norm in _BETWEEN and toks[i - 2].norm == "and"):
                    implicit = True
                else:
                    continue
            # content
            content: list[tuple[int, int]] = []
            kind = "indirect"
            q_after = next((q for q in quotes if q[0] >= c_end and
                            re.fullmatch(r"[\s,:;]*", text[c_end:q[0]] if not speaker_np or speaker_np[0].start < c_start
                                         else text[speaker_np[-1].end:q[0]])), None)
            q_before = next((q for q in reversed(quotes) if q[1] <= (speaker_np[0].start if speaker_np and speaker_np[0].start < c_start else c_start)
                             and re.fullmatch(r"[\s,]*", text[q[1]:(speaker_np[0].start if speaker_np and speaker_np[0].start < c_start else c_start)])), None)
            if q_before:
                content.append(q_before)
                kind = "direct"
            if q_after:
                content.append(q_after)
                kind = "direct"
            if not content:
                content = self._indirect_content(toks, i, j, base, speaker_np, start, end)
                if content is None:
                    continue
            content = [_trim(text, s, e) for s, e in content]
            content = [c for c in content if c[1] > c[0]]
            if not content:
                continue
            if implicit:
                speaker = sentence_subject or self._main_subject(toks, i) or self.state.last_speaker
                src_span = (c_start, c_start)
            else:
                speaker = self.resolve(speaker_np)
                src_span = (speaker_np[0].start, speaker_np[-1].end)
            if speaker is None and not implicit and speaker_np and speaker_np[-1].norm not in self.v.pronouns:
                speaker = Speaker(" ".join(t.text for t in speaker_np), "anonymous")
            for q in content:
                if q in quotes:
                    claimed_quotes.add(q)
            found.append(Found(speaker, src_span, (c_start, c_end), content, kind))
            if speaker is not None:
                sentence_subject = speaker
        # quotations no cue claimed: "Name: “…”" or the paragraph's speaker
        for q in quotes:
            if q in claimed_quotes or q[0] < start:
                continue
            if any(cs <= q[0] and q[1] <= ce + 1 for f in found for cs, ce in f.content):
                continue  # inside someone's reported speech: theirs
            colon = re.search(r"([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,4})\s*:\s*$", text[start:q[0]])
            speaker = None
            if colon:
                np = [t for t in toks if start + colon.start(1) <= t.start < start + colon.end(1)]
                speaker = self.resolve(np) if np else None
            found.append(Found(speaker, (q[0], q[0]), (q[0], q[0]), [q], "direct"))
        unique: list[Found] = []
        for f in found:  # "concluded by noting that …": two cues, one statement
            if not any(u.content == f.content and u.speaker is f.speaker for u in unique):
                unique.append(f)
        found = unique
        for f in found:
            if f.speaker is not None:
                self.state.last_speaker = f.speaker
                if f.speaker.kind == "named":
                    self.state.last_person = f.speaker
        return found


_NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z]+(?:[-’'][A-Z]?[a-z]+)?){1,2}\b")


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


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " ,;:—–\t\n":
        s += 1
    while e > s and text[e - 1] in " ,;:\t\n":
        e -= 1
    if e > s and text[e - 1] == "." and not any(text[k] in _OPEN_QUOTES for k in range(s, e)):
        e -= 1
    return s, e


