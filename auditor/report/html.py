"""HTML: one self-contained page for people — the article with every finding highlighted and explained.

No scripts and no external requests: the stylesheet is inline and allowed by its hash in a strict
Content-Security-Policy, explanations open with CSS on hover, keyboard focus and tap, and every string
that came from the article (text, title, byline, bio, URL) is escaped before it is written."""
from __future__ import annotations

import base64
import hashlib
import html
from typing import Iterable, Sequence

from ..model import CATEGORIES, Finding
from . import register
from ._facts import (CATEGORY_LABELS, SCORE_IS_AND_IS_NOT, VOICE_LABELS, alternatives, body_findings, deductions,
                     safe_href, transparency_checklist)

CSS = """
:root{--ink:#111827;--muted:#4b5563;--line:#d1d5db;--paper:#fff;
--language:#fde68a;--language-ink:#78350f;--sourcing:#bfdbfe;--sourcing-ink:#1e3a8a;
--framing:#e9d5ff;--framing-ink:#581c87;--transparency:#fecaca;--transparency-ink:#7f1d1d}
*{box-sizing:border-box}
body{margin:0;background:#f3f4f6;color:var(--ink);font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
main{max-width:60rem;margin:0 auto;padding:1rem 1.25rem 3rem;background:var(--paper)}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.25rem;margin:2rem 0 .5rem;border-bottom:2px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
a{color:#1d4ed8}
a:focus,[tabindex]:focus{outline:3px solid #2563eb;outline-offset:2px}
.kicker{color:var(--muted);font-size:.9rem;text-transform:uppercase;letter-spacing:.05em;margin:0}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.75rem 0}
dl.meta dt{font-weight:600;color:var(--muted)}
dl.meta dd{margin:0;overflow-wrap:anywhere}
.scores{display:grid;grid-template-columns:minmax(9rem,12rem) 1fr;gap:1.5rem;align-items:start}
.overall{border:2px solid var(--ink);border-radius:.5rem;padding:.75rem;text-align:center}
.overall .num{font-size:2.6rem;font-weight:700;line-height:1}
.overall .grade{font-size:1.1rem;font-weight:600}
table{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.95rem}
th,td{border-bottom:1px solid var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top}
th{background:#f9fafb}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
svg.bar{display:block;width:100%;height:.7rem}
svg.bar .track{fill:#e5e7eb}
svg.bar .fill{fill:#374151}
svg.bar .fill-language{fill:var(--language-ink)}
svg.bar .fill-sourcing{fill:var(--sourcing-ink)}
svg.bar .fill-framing{fill:var(--framing-ink)}
svg.bar .fill-transparency{fill:var(--transparency-ink)}
.catrow{display:grid;grid-template-columns:7.5rem 1fr 3.5rem;gap:.6rem;align-items:center;margin:.3rem 0}
.catrow .v{text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
.about{background:#f9fafb;border-left:4px solid var(--muted);padding:.5rem 1rem;margin:1rem 0}
.about ul{margin:.2rem 0 .5rem 1.2rem;padding:0}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;font-size:.9rem;margin:.5rem 0;padding:0;list-style:none}
.body{white-space:pre-wrap;overflow-wrap:break-word;font-family:Georgia,"Times New Roman",serif;font-size:1.05rem;
line-height:1.75;border:1px solid var(--line);border-radius:.4rem;padding:1rem 1.25rem}
.body,header{position:relative}
mark.hl{color:var(--ink);border-radius:2px;padding:0 .05em;text-decoration-line:underline;
text-decoration-thickness:2px;text-underline-offset:.22em;cursor:help}
mark.narrator{text-decoration-style:solid}
mark.reported{text-decoration-style:dashed}
mark.multi{box-shadow:inset 0 -.35em 0 rgba(17,24,39,.18)}
.cat-language{background:var(--language);text-decoration-color:var(--language-ink)}
.cat-sourcing{background:var(--sourcing);text-decoration-color:var(--sourcing-ink)}
.cat-framing{background:var(--framing);text-decoration-color:var(--framing-ink)}
.cat-transparency{background:var(--transparency);text-decoration-color:var(--transparency-ink)}
sup.lbl{font:600 .68rem/1 system-ui,sans-serif;color:var(--muted);margin:0 .15em;white-space:nowrap}
.tip{display:none;position:absolute;z-index:10;left:.75rem;right:.75rem;max-width:36rem;
margin-top:.2rem;padding:.6rem .75rem;background:#111827;color:#f9fafb;border-radius:.4rem;white-space:normal;
font:400 .85rem/1.45 system-ui,sans-serif;box-shadow:0 4px 14px rgba(0,0,0,.3);pointer-events:none}
.hlw:hover>.tip,.hlw:focus-within>.tip{display:block}
.tip .ti{display:block}
.tip .ti+.ti{border-top:1px solid #4b5563;margin-top:.45rem;padding-top:.45rem}
.tip b{color:#fff}
.tip .k{color:#d1d5db}
.findings{list-style:none;padding:0;margin:0}
.findings li{border-left:4px solid var(--line);padding:.35rem .75rem;margin:.5rem 0}
.findings li.sev-warning{border-left-color:#b45309}
.findings li.sev-error{border-left-color:#b91c1c}
.findings .head{font-weight:600}
.findings .desc{color:var(--muted);font-size:.92rem;margin:.15rem 0}
.badge{display:inline-block;font:600 .75rem/1.3 system-ui,sans-serif;border:1px solid currentColor;border-radius:.25rem;
padding:0 .3rem;margin-right:.3rem}
.excerpt{background:#f3f4f6;padding:0 .2rem;border-radius:.2rem}
ul.check{list-style:none;padding:0;margin:0}
ul.check li{padding:.2rem 0;border-bottom:1px solid var(--line)}
.mark{display:inline-block;min-width:3.2rem;font-weight:700}
.yes{color:#166534}.no{color:#991b1b}.na{color:var(--muted)}
.bio{font-size:.95rem;color:var(--muted);margin:.3rem 0}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}
.card{border:1px solid var(--line);border-radius:.4rem;padding:.5rem .75rem}
.shared{font-weight:700}
footer{color:var(--muted);font-size:.85rem;margin-top:2rem;border-top:1px solid var(--line);padding-top:.5rem}
.note{color:var(--muted);font-size:.9rem}
article+article{border-top:6px double var(--line);margin-top:3rem}
@media (max-width:40rem){.scores{grid-template-columns:1fr}.catrow{grid-template-columns:6rem 1fr 3rem}}
@page{margin:1.5cm}
@media print{
body{background:#fff;font-size:11pt}
main{max-width:none;padding:0}
.tip,.noprint{display:none!important}
mark.hl,.badge,svg.bar{-webkit-print-color-adjust:exact;print-color-adjust:exact}
a{color:var(--ink)}
a[href^="http"]::after{content:" (" attr(href) ")";font-size:.8em;color:var(--muted);overflow-wrap:anywhere}
h2{break-after:avoid}
.findings li,ul.check li,tr,.card,.overall{break-inside:avoid}
.body{border:none;padding:0}
article+article{break-before:page;border:none}
}
"""
CSS_HASH = "sha256-" + base64.b64encode(hashlib.sha256(CSS.encode("utf-8")).digest()).decode("ascii")
CSP = (f"default-src 'none'; style-src '{CSS_HASH}'; img-src data:; base-uri 'none'; form-action 'none'")


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def link(url: str | None, text: str | None = None) -> str:
    """An escaped link when url is http(s); otherwise the escaped text of the URL, not clickable."""
    href = safe_href(url)
    label = esc(text if text is not None else (url or ""))
    if href is None:
        return label
    return f'<a href="{esc(href)}" rel="noopener noreferrer nofollow">{label}</a>'


def page(title: str, body: str, csp: str = CSP) -> str:
    """A complete document around already-escaped body markup."""
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            f"<meta http-equiv=\"Content-Security-Policy\" content=\"{esc(csp)}\">\n"
            "<meta name=\"referrer\" content=\"no-referrer\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n{body}"
            "<footer>Made by auditor, a media-literacy tool: it reads wording, sourcing and transparency; "
            "it does not check facts.</footer>\n</main>\n</body>\n</html>\n")


# --- pieces ------------------------------------------------------------------------------------------
def bar(value: float, label: str, css_class: str = "fill") -> str:
    width = max(0.0, min(100.0, float(value)))
    return (f'<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" '
            f'aria-label="{esc(label)}"><rect class="track" width="100" height="8"/>'
            f'<rect class="{css_class}" width="{width:g}" height="8"/></svg>')


def voice_text(f: Finding) -> str:
    if f.voice is None or (f.field == "title" and f.voice == "narrator"):
        return {"title": "the headline", "document": "the whole article"}.get(f.field, f"metadata: {f.field}")
    text = VOICE_LABELS.get(f.voice, f.voice)
    text = f"the headline, {text}" if f.field == "title" else text
    return text + (f", speaker: {f.speaker}" if f.speaker else "")


def points_text(f: Finding) -> str:
    if f.deduction > 0:
        return f"−{f.deduction:g} points ({CATEGORY_LABELS.get(f.category, f.category).lower()})"
    return "no points taken (reported for information)"


def explanation(audit, f: Finding, number: int) -> str:
    """The tooltip text of one finding: what, why, whose voice, what instead, what it cost."""
    rule = audit.rules.by_id.get(f.rule)
    parts = [f'<span class="ti"><b>{number}. {esc(CATEGORY_LABELS.get(f.category, f.category))} · '
             f'{esc(f.severity)}</b> — {esc(f.message)}']
    parts.append(f'<span class="ti-line"><br><span class="k">Voice:</span> {esc(voice_text(f))}</span>')
    if rule is not None and rule.description:
        parts.append(f'<br><span class="k">Why it matters:</span> {esc(" ".join(rule.description.split()))}')
    if f.note:
        parts.append(f'<br><span class="k">Note:</span> {esc(f.note)}')
    if f.suggestion:
        parts.append(f'<br><span class="k">Try instead:</span> {esc(f.suggestion)}')
    parts.append(f'<br><span class="k">Score:</span> {esc(points_text(f))} · rule {esc(f.rule)}</span>')
    return "".join(parts)


def short_label(f: Finding, number: int) -> str:
    voice = "" if f.voice in (None, "narrator") else f", {f.voice}"
    return f"{number} {CATEGORY_LABELS.get(f.category, f.category).lower()}{voice}"


def highlight(audit, text: str, findings: Sequence[Finding], numbers: dict[str, int], prefix: str) -> str:
    """Escaped text with each finding marked; overlapping findings split the text into segments, each
    segment marked once and explaining every finding that covers it."""
    placed = [f for f in findings if f.start is not None and f.end is not None and 0 <= f.start < f.end <= len(text)]
    if not placed:
        return esc(text)
    cuts = sorted({0, len(text)} | {f.start for f in placed} | {f.end for f in placed})  # type: ignore[arg-type]
    out: list[str] = []
    for index, (lo, hi) in enumerate(zip(cuts, cuts[1:])):
        active = [f for f in placed if f.start < hi and lo < f.end]  # type: ignore[operator]
        if not active:
            out.append(esc(text[lo:hi]))
            continue
        primary = sorted(active, key=lambda f: (f.voice != "narrator", -f.deduction, f.start, f.rule))[0]
        narrator = any(f.voice in ("narrator", None) for f in active)
        classes = ["hl", f"cat-{primary.category}", "narrator" if narrator else "reported"]
        if len(active) > 1:
            classes.append("multi")
        tip_id = f"{prefix}tip-{index}"
        tips = "".join(explanation(audit, f, numbers[f.id]) for f in active)
        labels = "".join(f'<sup class="lbl">[{esc(short_label(f, numbers[f.id]))}]</sup>'
                         for f in active if f.end == hi)
        out.append(f'<span class="hlw"><mark class="{" ".join(classes)}" tabindex="0" aria-describedby="{tip_id}" '
                   f'data-findings="{" ".join(str(numbers[f.id]) for f in active)}">{esc(text[lo:hi])}</mark>'
                   f'{labels}<span class="tip" role="tooltip" id="{tip_id}">{tips}</span></span>')
    return "".join(out)


def header(audit, numbers: dict[str, int], prefix: str) -> str:
    a = audit.article
    title_findings = [f for f in audit.findings if f.field == "title"]
    title = highlight(audit, a.title, title_findings, numbers, prefix + "t") if a.title else "Untitled article"
    outlet = " — ".join(esc(x) for x in (a.outlet.name, a.outlet.domain) if x) or "not identifiable"
    rows = [("Outlet", outlet),
            ("Authors", esc(", ".join(a.authors)) if a.authors else "none named"),
            ("Published", esc(a.published or "not stated")),
            ("Updated", esc(a.modified or "not stated")),
            ("Kind", esc(a.kind if a.kind != "unknown" else "not labelled (unknown)")),
            ("Section", esc(a.section or "not stated")),
            ("Words", f"{a.word_count:,}")]
    if a.url:
        rows.append(("Address", link(a.url)))
    if a.location and a.location != a.url:
        rows.append(("Audited from", esc(a.location)))
    meta = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    bios = ""
    for i, bio in enumerate(a.author_bios):
        field = f"author_bios[{i}]"
        found = [f for f in audit.findings if f.field == field]
        bios += f'<p class="bio"><strong>About the author:</strong> {highlight(audit, bio, found, numbers, f"{prefix}b{i}")}</p>'
    return (f'<header><p class="kicker">Article audit</p><h1>{title}</h1>'
            f'<dl class="meta">{meta}</dl>{bios}</header>\n')


def scores(audit, prefix: str = "") -> str:
    sc = audit.score
    rows = "".join(
        f'<div class="catrow"><span>{CATEGORY_LABELS[c]}</span>'
        f'{bar(sc.categories.get(c, 100), f"{CATEGORY_LABELS[c]}: {sc.categories.get(c, 100):g} out of 100", "fill-" + c)}'
        f'<span class="v">{sc.categories.get(c, 100):g}</span></div>' for c in CATEGORIES)
    table = deductions(audit)
    lines = []
    for c in CATEGORIES:
        for d in table.get(c, []):
            lines.append(f'<tr><td>{CATEGORY_LABELS[c]}</td><td>{esc(d.message)} <span class="note">({esc(d.rule)})</span>'
                         f'</td><td class="num">{d.count}</td><td class="num">−{d.points:g}</td></tr>')
    ded = ("<table><caption class=\"note\">What took points off (each category starts at 100)</caption>"
           "<thead><tr><th>Category</th><th>Rule</th><th class=\"num\">Found</th><th class=\"num\">Points</th></tr>"
           f"</thead><tbody>{''.join(lines)}</tbody></table>" if lines
           else '<p class="note">Nothing took points off.</p>')
    return (f'<section aria-labelledby="{prefix}scores"><h2 id="{prefix}scores">Score</h2><div class="scores">'
            f'<div class="overall"><div class="num">{sc.overall:g}</div><div>out of 100</div>'
            f'<div class="grade">grade {esc(sc.grade)}</div>{bar(sc.overall, f"Overall: {sc.overall:g} out of 100")}</div>'
            f'<div>{rows}</div></div>{ded}</section>\n')


def about_score() -> str:
    blocks = "".join(f"<p><strong>{head}:</strong></p><ul>{''.join(f'<li>{esc(x)}</li>' for x in items)}</ul>"
                     for head, items in SCORE_IS_AND_IS_NOT)
    return f'<aside class="about" aria-label="What this score is and is not"><h3>What this score is and is not</h3>{blocks}</aside>\n'


def legend() -> str:
    items = "".join(f'<li><mark class="hl narrator cat-{c}">{CATEGORY_LABELS[c]}</mark></li>' for c in CATEGORIES)
    return (f'<ul class="legend" aria-label="Key">{items}'
            '<li><mark class="hl narrator cat-language">solid underline</mark> the writer\'s own voice (costs points)</li>'
            '<li><mark class="hl reported cat-language">dashed underline</mark> quoted or attributed '
            '(labelled “quoted” / “attributed”; shown for information)</li></ul>'
            '<p class="note noprint">Point at a highlight, tab to it or tap it to read why it was flagged.</p>')


def body_section(audit, numbers: dict[str, int], prefix: str) -> str:
    found = body_findings(audit.findings)
    return (f'<section aria-labelledby="{prefix}text"><h2 id="{prefix}text">The article, annotated</h2>{legend()}'
            f'<div class="body">{highlight(audit, audit.article.text, found, numbers, prefix)}</div></section>\n')


def findings_section(audit, numbers: dict[str, int], prefix: str) -> str:
    if not audit.findings:
        return f'<section><h2 id="{prefix}findings">Findings</h2><p>No findings.</p></section>\n'
    items = []
    for f in sorted(audit.findings, key=lambda f: numbers[f.id]):
        rule = audit.rules.by_id.get(f.rule)
        desc = esc(" ".join(rule.description.split())) if rule and rule.description else ""
        ref = f' <span class="note">Reference: {link(rule.link)}</span>' if rule and safe_href(rule.link) else ""
        excerpt = f' <span class="excerpt">“{esc(f.excerpt)}”</span>' if f.excerpt else ""
        suggestion = f"<div>Try instead: {esc(f.suggestion)}</div>" if f.suggestion else ""
        items.append(
            f'<li id="{prefix}finding-{numbers[f.id]}" class="sev-{esc(f.severity)}"><div class="head">'
            f'{numbers[f.id]}. <span class="badge">{esc(CATEGORY_LABELS.get(f.category, f.category))}</span>'
            f'<span class="badge">{esc(f.severity)}</span>{esc(f.message)}</div>'
            f'<div>Where: {esc(voice_text(f))}.{excerpt} · {esc(points_text(f))} · <code>{esc(f.rule)}</code></div>'
            f'{suggestion}<div class="desc">{desc}{ref}</div></li>')
    return (f'<section aria-labelledby="{prefix}findings"><h2 id="{prefix}findings">Findings ({len(items)})</h2>'
            f'<ol class="findings">{"".join(items)}</ol></section>\n')


def sources_table(sources) -> str:
    if not sources:
        return "<p>Nobody is quoted or cited by name or description.</p>"
    def who(s) -> str:
        return esc(s.name) + (f' <span class="note">({esc(s.title)})</span>' if s.title else "")
    rows = "".join(
        f'<tr><td>{who(s)}</td>'
        f'<td>{esc(s.kind)}</td><td class="num">{s.quotes}</td><td class="num">{s.attributed_statements}</td>'
        f'<td class="num">{s.words}</td><td>{bar(s.share * 100, f"{s.share:.0%} of attributed words")}'
        f'<span class="note">{s.share:.0%}</span></td></tr>' for s in sources)
    return ("<table><thead><tr><th>Who</th><th>Kind</th><th class=\"num\">Quotes</th><th class=\"num\">Statements</th>"
            f"<th class=\"num\">Words</th><th>Share of attributed words</th></tr></thead><tbody>{rows}</tbody></table>")


def sources_section(audit, prefix: str) -> str:
    sources = audit.analysis.sources
    named = sum(1 for s in sources if s.kind != "anonymous")
    summary = (f'<p>{len(sources)} source(s): {named} named or identifiable, {len(sources) - named} anonymous.</p>'
               if sources else "")
    return (f'<section aria-labelledby="{prefix}sources"><h2 id="{prefix}sources">Source map: who speaks, how much'
            f'</h2>{summary}{sources_table(sources)}</section>\n')


def checklist_list(items) -> str:
    def mark(ok):
        return ('<span class="mark yes">✓ yes</span>' if ok else '<span class="mark no">✗ no</span>') \
            if ok is not None else '<span class="mark na">– n/a</span>'
    return "<ul class=\"check\">" + "".join(
        f"<li>{mark(i.ok)} {esc(i.label)} <span class=\"note\">— {esc(i.detail)}</span></li>" for i in items) + "</ul>"


def checklist_section(audit, prefix: str) -> str:
    return (f'<section aria-labelledby="{prefix}check"><h2 id="{prefix}check">Transparency checklist</h2>'
            f'{checklist_list(transparency_checklist(audit))}</section>\n')


def alternatives_table(alts) -> str:
    if not alts:
        return "<p>No flagged wording with a suggested alternative.</p>"
    rows = "".join(f"<tr><td>“{esc(a.term)}”</td><td>{esc(a.suggestion)}</td><td class=\"num\">{a.count}</td>"
                   f"<td>{esc(', '.join(a.voices))}</td></tr>" for a in alts)
    return ("<table><thead><tr><th>Wording</th><th>Neutral alternative</th><th class=\"num\">Times</th>"
            f"<th>Where</th></tr></thead><tbody>{rows}</tbody></table>")


def alternatives_section(audit, prefix: str) -> str:
    return (f'<section aria-labelledby="{prefix}alts"><h2 id="{prefix}alts">Neutral alternatives</h2>'
            f'{alternatives_table(alternatives(audit))}</section>\n')


def finding_numbers(audit) -> dict[str, int]:
    """Findings numbered in reading order: headline, body, then the rest."""
    order = {"title": 0, "text": 1}
    ranked = sorted(audit.findings, key=lambda f: (order.get(f.field, 2), f.field,
                                                   f.start if f.start is not None else -1, f.rule, f.id))
    return {f.id: n for n, f in enumerate(ranked, 1)}


def article_html(audit, prefix: str = "") -> str:
    numbers = finding_numbers(audit)
    return (f'<article aria-label="{esc(audit.article.title or "article")}">'
            + header(audit, numbers, prefix) + scores(audit, prefix) + about_score()
            + body_section(audit, numbers, prefix) + findings_section(audit, numbers, prefix)
            + sources_section(audit, prefix) + checklist_section(audit, prefix)
            + alternatives_section(audit, prefix) + "</article>\n")


def _title(audit) -> str:
    return f"Audit: {' '.join((audit.article.title or audit.article.location or 'article').split())}"


def render_many(audits: Iterable) -> str:
    audits = list(audits)
    toc = "".join(f'<li><a href="#a{i}-text">{esc(" ".join((a.article.title or a.article.location or "article").split()))}'
                  f"</a> — {a.score.overall:g}/100</li>" for i, a in enumerate(audits, 1))
    body = (f"<nav aria-label=\"Articles\" class=\"noprint\"><h2>{len(audits)} articles</h2><ol>{toc}</ol></nav>\n"
            + "".join(article_html(a, f"a{i}-") for i, a in enumerate(audits, 1)))
    return page(f"Audit of {len(audits)} articles", body)


@register("html", "html", render_many=render_many)
def render(audit) -> str:
    return page(_title(audit), article_html(audit))


# --- comparison ---------------------------------------------------------------------------------------
def render_comparison(comparison) -> str:
    """Several articles side by side (see auditor.compare)."""
    arts = comparison.articles
    head = "".join(f"<th>{esc(c.label)}</th>" for c in arts)
    who = "".join(
        f'<div class="card"><h3>{esc(c.label)}. {esc(c.name)}</h3><dl class="meta">'
        f'<dt>Outlet</dt><dd>{esc(c.audit.article.outlet.name or c.audit.article.outlet.domain or "not identifiable")}</dd>'
        f'<dt>Authors</dt><dd>{esc(", ".join(c.audit.article.authors) or "none named")}</dd>'
        f'<dt>Published</dt><dd>{esc(c.audit.article.published or "not stated")}</dd>'
        f'<dt>Kind</dt><dd>{esc(c.audit.article.kind)}</dd>'
        f'<dt>Words</dt><dd>{c.audit.article.word_count:,}</dd>'
        + (f'<dt>Address</dt><dd>{link(c.audit.article.url)}</dd>' if c.audit.article.url else "")
        + "</dl></div>" for c in arts)
    score_rows = ['<tr><th scope="row">Overall</th>' + "".join(
        f'<td>{c.audit.score.overall:g} (grade {esc(c.audit.score.grade)}){bar(c.audit.score.overall, f"{c.label}: overall {c.audit.score.overall:g}")}</td>'
        for c in arts) + "</tr>"]
    for cat in CATEGORIES:
        score_rows.append(f'<tr><th scope="row">{CATEGORY_LABELS[cat]}</th>' + "".join(
            f'<td>{c.audit.score.categories.get(cat, 100):g}'
            f'{bar(c.audit.score.categories.get(cat, 100), f"{c.label}: {cat} {c.audit.score.categories.get(cat, 100):g}", "fill-" + cat)}</td>'
            for c in arts) + "</tr>")
    score_rows.append('<tr><th scope="row">Findings</th>' + "".join(f"<td>{len(c.audit.findings)}</td>" for c in arts) + "</tr>")
    scores_table = (f"<table><thead><tr><th>Score</th>{head}</tr></thead><tbody>{''.join(score_rows)}</tbody></table>")
    if comparison.terms:
        term_rows = "".join(
            f'<tr><td class="{"shared" if t.shared else ""}">“{esc(t.term)}”{" (shared)" if t.shared else ""}</td>'
            + "".join(f'<td class="num">{n or "–"}{f" ({v} own voice)" if n and v else ""}</td>'
                      for n, v in zip(t.counts, t.narrator)) + "</tr>" for t in comparison.terms)
        terms_table = (f'<p>{len(comparison.shared_terms)} of {len(comparison.terms)} loaded term(s) appear in more '
                       f'than one article.</p><table><thead><tr><th>Loaded term</th>{head}</tr></thead>'
                       f'<tbody>{term_rows}</tbody></table>')
    else:
        terms_table = "<p>No loaded terms were found in any of the articles.</p>"
    per = lambda title, fn: (f"<section><h2>{title}</h2><div class=\"grid\">" + "".join(  # noqa: E731
        f'<div class="card"><h3>{esc(c.label)}. {esc(c.name)}</h3>{fn(c)}</div>' for c in arts) + "</div></section>\n")
    body = (f'<header><p class="kicker">Side-by-side comparison</p><h1>{len(arts)} articles compared</h1></header>'
            f'<section><h2>The articles</h2><div class="grid">{who}</div></section>\n'
            f'<section><h2>Scores</h2>{scores_table}</section>\n{about_score()}'
            f'<section><h2>Loaded terms each uses, and which they share</h2>{terms_table}</section>\n'
            + per("Source maps", lambda c: sources_table(c.audit.analysis.sources))
            + per("Transparency checklists", lambda c: checklist_list(c.checklist))
            + per("Neutral alternatives", lambda c: alternatives_table(c.alternatives)))
    return page(f"Comparison of {len(arts)} articles", body)
