"""Direct quotations: curly, straight, guillemets and single quotes, including quotations that run
over several paragraphs (each paragraph re-opens the quote and only the last one closes it)."""
from __future__ import annotations

import re

# opening mark -> closing marks
_PAIRS = {"“": "”", "«": "»", "„": "“”", "‘": "’", "‹": "›"}
_MAX_QUOTE = 4000
_MAX_SINGLE = 300


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Spans (start, end) of quoted material, quote marks included, sorted, non-overlapping."""
    spans: list[tuple[int, int]] = []
    paragraphs = _paragraphs(text)
    by_paragraph = [_quotes_in(text, para_start, para_end) for para_start, para_end in paragraphs]
    _close_across_paragraphs(text, paragraphs, by_paragraph)
    for found in by_paragraph:
        spans.extend(found)
    spans = _merge_multi_paragraph(text, spans)
    return _non_overlapping(spans)


_CLOSERS = "”»"
_MAX_PARAGRAPHS = 4


def _close_across_paragraphs(text: str, paragraphs: list[tuple[int, int]],
                             by_paragraph: list[list[tuple[int, int]]]) -> None:
    """A quotation left open at a paragraph's end that goes on through paragraphs with no quotation marks
    and closes near the end of a later one ("“Now, … ¶ But little is known … ¶ … on Capitol Hill.”"):
    one quotation (at most four paragraphs, 4,000 characters)."""
    for k, found in enumerate(by_paragraph):
        if not found:
            continue
        q_start, q_end = found[-1]
        para_end = paragraphs[k][1]
        if q_end != para_end or text[para_end - 1] in _CLOSERS + "\"'’›" or text[q_start] == "‘":
            continue
        for m in range(k + 1, min(len(paragraphs), k + 1 + _MAX_PARAGRAPHS)):
            p_start, p_end = paragraphs[m]
            if p_end - q_start > _MAX_QUOTE or (by_paragraph[m] and by_paragraph[m][0][0] == p_start):
                break  # too long, or the paragraph re-opens the quote (merged later)
            marks = [i for i in range(p_start, p_end) if text[i] in "“”«»\""]
            if not marks:
                continue  # a paragraph wholly inside the quotation
            closer = marks[0]
            if len(marks) == 1 and text[closer] in _CLOSERS + "\"" and \
                    re.fullmatch(r"[^“”«»\"\n]{0,40}", text[closer + 1:p_end]):
                found[-1] = (q_start, closer + 1)
                for n in range(k + 1, m + 1):
                    by_paragraph[n] = [sp for sp in by_paragraph[n] if sp[0] > closer]
            break


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _is_apostrophe(text: str, i: int, possessive: bool = True) -> bool:
    """Is the mark at i an apostrophe: within a word ("don’t", "Trump’s"), or with `possessive` after a word
    before an s or a space ("the voters’ choice")? Inside a ‘…’ quotation a ’ before a space closes it
    (‘A Disgrace’ …), so the closing search passes possessive=False."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and after.isalnum() or \
        (possessive and before.isalnum() and text[i] in "’'" and after in "s ")


# A straight mark after the utterance's last punctuation, or an opening mark that stands for a closing one
# before a space and a lower-case word ("“Not yet,“ he said")
_WRONG_CLOSE = re.compile(r'[,.!?]"|[,!?]“(?=\s+[a-z])')
_CURLY_CLOSE = re.compile(r"[,.!?]”")
_OPENING_CLOSER = re.compile("”")
_ELLIPSIS_AFTER = re.compile(r"\s*(?:…|\.\.\.)\s*\w")
_ANY_MARK = re.compile("[" + re.escape("“«„‘‹\"'") + "]")


def _quotes_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    i = start
    while i < end:
        if i == start and text[i] == "”" and (text[i + 1:i + 2].isalnum() or _ELLIPSIS_AFTER.match(text, i + 1)):
            jump = _OPENING_CLOSER.match(text, i)  # ”… (or ” … ) used as the opening mark of a paragraph
        else:
            jump = _ANY_MARK.search(text, i, end)  # skip straight to the next quotation mark
        if jump is None:
            break
        i = jump.start()
        ch = text[i]
        if ch == "”":  # ”… used as the opening mark at a paragraph's start, closed by the next ”
            j = text.find("”", i + 1, min(end, i + _MAX_QUOTE))
            if j != -1:
                out.append((i, j + 1))
                i = j + 1
                continue
            if _ELLIPSIS_AFTER.match(text, i + 1) and end - i <= _MAX_QUOTE:
                out.append((i, end))  # ” … he delivered …: an excerpt that runs to the paragraph's end
                i = end
                continue
            i += 1
            continue
        if ch in _PAIRS and not (ch == "‘" and _is_apostrophe(text, i)):
            closers = _PAIRS[ch]
            limit = min(end, i + (_MAX_SINGLE if ch == "‘" else _MAX_QUOTE))
            j = i + 1
            while j < limit and not (text[j] in closers and
                                     not (text[j] == "’" and _is_apostrophe(text, j, possessive=False))):
                j += 1
            if ch == "“":  # “…," or “…,“ closed by a wrong mark after the utterance's last punctuation
                wrong = _WRONG_CLOSE.search(text, i + 1, j)
                if wrong is not None:
                    j = wrong.end() - 1
                elif j >= limit and (straight := text.find('"', i + 1, limit)) != -1:
                    j = straight  # “will not cave" on …: no curly mark closes it, the straight one does
            if j < limit:
                out.append((i, j + 1))
                i = j + 1
                continue
            if ch != "‘":  # unclosed double quote: runs to the paragraph end (may continue below)
                out.append((i, end))
                i = end
                continue
        elif ch == "'" and text.startswith("''", i):  # two apostrophes standing for a double quote
            j = text.find("''", i + 2, end)
            if j != -1 and j - i <= _MAX_QUOTE:
                # ''… 'Fox and Friends,''' : a single quotation closes inside, so the last mark is ours too
                close = j + 3 if text.startswith("'", j + 2) else j + 2
                out.append((i, close))
                i = close
                continue
            i += 2
            continue
        elif ch == '"':
            j = text.find('"', i + 1, end)
            curly = _CURLY_CLOSE.search(text, i + 1, j if j != -1 else end)  # "…,” mixed marks
            if curly is not None:
                j = curly.end() - 1
            if j == -1:
                out.append((i, end))
                break
            out.append((i, j + 1))
            i = j + 1
            continue
        elif ch == "'" and (i == start or not text[i - 1].isalnum()) and i + 1 < end and text[i + 1].isalpha():
            j = i + 1
            limit = min(end, i + _MAX_SINGLE)
            while j < limit:
                if text[j] == "'" and (j + 1 >= end or not text[j + 1].isalnum()) and text[j - 1] not in " ":
                    break
                j += 1
            if j < limit and len(text[i + 1:j].split()) >= 1:
                out.append((i, j + 1))
                i = j + 1
                continue
        i += 1
    return out


def _merge_multi_paragraph(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """An unclosed quote followed by a paragraph that opens with a quote mark continues there."""
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged:
            prev_start, prev_end = merged[-1]
            unclosed = text[prev_end - 1] not in "”\"»’'›" or prev_end - prev_start == 1
            between = text[prev_end:span[0]]
            if unclosed and between.strip() == "" and "\n" in between:
                merged[-1] = (prev_start, span[1])
                continue
        merged.append(span)
    return merged


def _non_overlapping(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s < out[-1][1]:
            continue
        if e - s >= 2:
            out.append((s, e))
    return out


# Small words a title leaves in lower case ("Ghost on the Cover of Newsweek")
_TITLE_SMALL = {"a", "an", "the", "and", "or", "but", "of", "on", "in", "at", "to", "for", "by", "with", "from",
                "as", "vs", "nor", "per", "via"}


def is_title(text: str, quote: tuple[int, int], min_words: int = 1) -> bool:
    """Title case throughout and at most twelve words: the name of a show, book, film or headline."""
    words = re.findall(r"[^\W\d_][\w’'-]*", text[quote[0]:quote[1]])
    if len(words) < min_words or len(words) > 12 or not words[0][0].isupper():
        return False
    return all(w[0].isupper() or w.lower() in _TITLE_SMALL for w in words)
