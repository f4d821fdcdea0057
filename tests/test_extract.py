"""Input → Article: HTML metadata and body, plain text titles, bios and debris."""
from __future__ import annotations

from pathlib import Path

import pytest

import auditor

FIX = Path(__file__).resolve().parent / "fixtures"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_html_metadata_from_json_ld_meta_and_byline():
    audit = auditor.audit_html((FIX / "pages" / "byline.html").read_bytes())
    a = audit.article
    assert a.title == "Harbour plan approved after long debate"
    assert a.authors == ("Priya Natarajan",)  # "By" and the job title gone; the outlet is not an author
    assert a.author_bios == ("Priya Natarajan covers transport and planning for the Courier.",)
    assert a.outlet.domain == "coastline-courier.co.uk" and a.outlet.name == "The Coastline Courier"
    assert a.published == "2024-03-02T09:00:00Z" and a.modified == "2024-03-03T10:00:00Z"
    assert a.section == "Local" and a.kind == "news" and a.language == "en"


def test_html_body_drops_boilerplate_and_keeps_structure():
    a = auditor.audit_html((FIX / "pages" / "byline.html").read_bytes()).article
    assert "Great news for the town" not in a.text and "Sport" not in a.text
    assert "By Priya" not in a.text
    assert "\n\n" in a.text  # paragraph boundaries kept
    start, end = a.blockquotes[0]
    assert a.text[start:end].startswith("The harbour must remain")
    link = next(l for l in a.links if "coastline-council" in l.href)
    assert a.text[link.start:link.end] == "council's website"


def test_blockquote_is_quoted_voice():
    audit = auditor.audit_html((FIX / "pages" / "byline.html").read_bytes())
    start, end = audit.article.blockquotes[0]
    assert audit.analysis.voice_at(start + 5, start + 12)[0] == "quoted"


def test_explicit_metadata_overrides_extracted():
    audit = auditor.audit_html((FIX / "pages" / "byline.html").read_bytes(), title="Override",
                               authors=["A. N. Other"], kind="opinion")
    assert audit.article.title == "Override" and audit.article.authors == ("A. N. Other",)
    assert audit.article.kind == "opinion"


def test_opinion_kind_from_json_ld_type():
    html = (EXAMPLES / "opinion-column.html").read_text()
    assert auditor.audit_html(html).article.kind == "opinion"


def test_text_title_bio_and_debris():
    text = ("Harbour plan approved\n"
            "The council approved the plan on Tuesday, officials said.\n"
            "Work starts in spring.\n"
            "Ola Berg is a journalist who covers the coast for a regional paper.\n"
            "Comments\n")
    a = auditor.audit_text(text).article
    assert a.title == "Harbour plan approved"
    assert a.authors == ("Ola Berg",)
    assert a.author_bios[0].startswith("Ola Berg is a journalist")
    assert "Comments" not in a.text and "Ola Berg" not in a.text
    assert a.text.endswith("Work starts in spring.")


def test_first_line_that_is_a_sentence_is_not_a_title():
    a = auditor.audit_text("The council approved the plan on Tuesday.\nWork starts in spring.").article
    assert a.title is None and a.text.startswith("The council")


def test_markdown_links_and_quotes():
    md = "# Plan approved\n\nThe plan is on the [council site](https://example.gov/plan).\n\n> A quoted line here.\n"
    audit = auditor.audit_text(md, markdown=True)
    a = audit.article
    assert a.title == "Plan approved"
    assert a.links[0].href == "https://example.gov/plan" and a.text[a.links[0].start:a.links[0].end] == "council site"
    s, e = a.blockquotes[0]
    assert a.text[s:e] == "A quoted line here."


def test_text_url_metadata_sets_outlet_domain():
    a = auditor.audit_text("Some text.", url="https://www.example.co.uk/news/1").article
    assert a.outlet.domain == "example.co.uk"


def test_source_line_wrapping_inside_a_paragraph_is_a_space():
    html = ("<html><body><article><p>The council met on\n   Tuesday and <a href='https://x.gov/a'>approved\n the plan"
            "</a> after a long debate about the harbour and its future.<br>A second line follows the break here.</p>"
            "<p>Another paragraph that is long enough for the extractor to keep it in the article body.</p>"
            "</article></body></html>")
    a = auditor.audit_html(html).article
    first = a.text.split("\n\n")[0]
    assert first.startswith("The council met on Tuesday and approved the plan after")
    assert "\nA second line follows" in first  # an explicit <br> keeps its line break
    assert a.text[a.links[0].start:a.links[0].end] == "approved the plan"


def test_structured_authors_are_not_joined_by_names_marked_up_elsewhere_on_the_page():
    body = " ".join(["The council approved the new harbour plan on Tuesday after a long debate."] * 6)
    html = f"""<html lang="en"><head><title>Harbour plan approved</title>
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Harbour plan approved",
 "author": {{"@type": "Person", "name": "Priya Natarajan"}}}}</script></head>
<body><article><h1>Harbour plan approved</h1><p>{body}</p><p>{body}</p></article>
<aside><h2>More stories</h2><ul><li><a rel="author" class="author-link" href="/staff/olu">Olu Bankole</a></li>
<li><span class="author" itemprop="author">Mara Lind</span></li></ul></aside>
<section class="comments"><div class="comment-author byline">Gaye</div><p>Great plan.</p></section>
</body></html>"""
    assert auditor.audit_html(html).article.authors == ("Priya Natarajan",)
    # without structured authors, the page's markup is where they come from
    assert "Olu Bankole" in auditor.audit_html(html.replace('"author": {"@type": "Person", "name": "Priya '
                                                            'Natarajan"}', '"x": 1')).article.authors


def test_an_outlet_named_as_author_sends_the_search_to_the_visible_byline():
    body = " ".join(["The council approved the new harbour plan on Tuesday after a long debate."] * 6)
    html = f"""<html lang="en"><head><title>Harbour plan approved</title>
<meta property="og:site_name" content="Harbour plan approved | The Coastline Courier">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "Harbour plan approved",
 "author": {{"@type": "Organization", "name": "x"}}, "creator": "y"}}</script>
<meta name="author" content="The Coastline Courier"></head>
<body><article><h1>Harbour plan approved</h1><div class="byline">By Priya Natarajan</div>
<p>{body}</p><p>{body}</p></article></body></html>"""
    assert auditor.audit_html(html).article.authors == ("Priya Natarajan",)


def _bare_page(head: str = "", byline: str = "", aside: str = "") -> str:
    body = " ".join(["The council approved the new harbour plan on Tuesday after a long debate."] * 6)
    return (f'<html lang="en"><head><title>Harbour plan approved</title>{head}</head><body>{aside}'
            f"<article><h1>Harbour plan approved</h1>{byline}<p>{body}</p><p>{body}</p></article></body></html>")


@pytest.mark.parametrize("head, authors", [
    ('<meta name="dc.creator" content="Priya Natarajan">', ("Priya Natarajan",)),
    ('<meta name="DC.Creator" content="Natarajan, Priya"><meta name="DC.Creator" content="Lind, Mara K.">',
     ("Priya Natarajan", "Mara K. Lind")),
    ('<meta name="parsely-author" content="Olu Bankole">', ("Olu Bankole",)),
    # a one-word catalogue entry is mostly a publication or a desk, not a person
    ('<meta name="dc.creator" content="Courier &amp; co">', ()),
    # the plain author tag comes first: the catalogue tags only fill in when nothing else names anyone
    ('<meta name="author" content="Priya Natarajan"><meta name="parsely-author" content="Olu Bankole">',
     ("Priya Natarajan",)),
])
def test_catalogue_meta_tags_name_the_author_when_nothing_else_does(head, authors):
    assert auditor.audit_html(_bare_page(head=head)).article.authors == authors


def test_a_byline_link_to_the_author_page_names_the_author():
    byline = ('<p><span>By <a href="/people/newsteam/priya-natarajan/">Priya Natarajan</a> and '
              '<a href="https://example.org/author/olu-bankole">Olu Bankole</a></span></p>')
    menu = ('<nav class="main-menu"><a href="/author/mara-lind">Mara Lind</a></nav>'
            '<div class="site-nav"><a href="/columnist/tess-oduya">Tess Oduya</a></div>')
    assert auditor.audit_html(_bare_page(byline=byline, aside=menu)).article.authors == \
        ("Priya Natarajan", "Olu Bankole")
    # a menu's links to columnists name nobody; nor does a column's name on a link to its writer's page
    assert auditor.audit_html(_bare_page(aside=menu)).article.authors == ()
    column = '<p><a href="/autor/tess-oduya/">Notes from the Harbour</a></p>'
    assert auditor.audit_html(_bare_page(byline=column)).article.authors == ()


def _page_with_byline(byline: str) -> str:
    body = " ".join(["The council approved the new harbour plan on Tuesday after a long debate."] * 6)
    return (f'<html lang="en"><head><title>Harbour plan approved</title>'
            f'<meta name="author" content="{byline}"></head><body><article><h1>Harbour plan approved</h1>'
            f"<p>{body}</p><p>{body}</p></article></body></html>")


@pytest.mark.parametrize("byline, authors", [
    ("By Priya Natarajan", ("Priya Natarajan",)),
    ("Von Anna Weber und Jonas Keller", ("Anna Weber", "Jonas Keller")),
    ("Par Claire Martin", ("Claire Martin",)),
    ("por Lucía Gómez y Mateo Ruiz", ("Lucía Gómez", "Mateo Ruiz")),
    ("Priya Natarajan Monday 4 March", ("Priya Natarajan",)),
    ("Priya Natarajan, By", ("Priya Natarajan",)),
    ("Byron Hale", ("Byron Hale",)),  # a name that begins like "By" keeps its letters
    ("Courtesy", ()),  # a picture credit marked up as a byline
    ("Foto: Handout", ()),
    ("Fotos: Harbour Daily", ()),  # a picture credit naming who took it
    ("Reuters", ()),  # an agency is credited, no person
    ("By The Associated Press", ()),
    ("Staff Reports", ()),  # a desk
    ("Harbour Daily Newsroom", ()),
    ("Priya Natarajan Associated Press", ("Priya Natarajan",)),
    ("Priya Natarajan, HRC Speech, Privacy, and Technology Project", ("Priya Natarajan",)),  # an affiliation
    ("Priya Natarajan, JR Okafor", ("Priya Natarajan", "JR Okafor")),  # initials that are a first name
    ("PRIYA NATARAJANAssociated Press", ("PRIYA NATARAJAN",)),  # two page elements run together
    ("Priya Rajani", ("Priya Rajani",)),  # ends in the letters of an agency, but no agency
    ("AP Sports Writer", ()),  # a job title
    ("Priya Natarajan, AP Sports Writer", ("Priya Natarajan",)),
    ("Priya Natarajan, MS, RDN", ("Priya Natarajan",)),  # credentials
    ("Analysis by Priya Natarajan", ("Priya Natarajan",)),  # a label before "by"
    ("Posted by Priya Natarajan on March 4", ("Priya Natarajan",)),
    ("Priya NatarajanView More Articles", ("Priya Natarajan",)),  # interface text run into the name
    ("Priya Natarajan View my complete profile", ("Priya Natarajan",)),
    ("Priya Natarajan. Riverton Policy Institute", ("Priya Natarajan",)),  # an affiliation after a full stop
    ("Mrs. Priya Natarajan", ("Mrs. Priya Natarajan",)),
    ("Priya Natarajan (avec Jonas Keller, Claire Martin)", ("Priya Natarajan", "Jonas Keller", "Claire Martin")),
    ("Richard (R.J.) Holloway", ("Richard Holloway",)),  # a nickname in brackets
    ("Priya Natarajan (", ("Priya Natarajan",)),
    ("Priya Natarajan, Harbour Advance Media", ("Priya Natarajan",)),  # an organisation
    ("Harbour Daily News, Riverton, Wessex", ()),  # the outlet and its address
    ("Priya Natarajan, Senior Staff Technologist, Riverton Housing, Transport, and Water Project",
     ("Priya Natarajan", "Riverton Housing")),  # one-word parts after a full name are no people
    ("Priya Natarajan, CNN", ("Priya Natarajan",)),
    ("Priya Natarajan with additional reporting by the harbour desk", ("Priya Natarajan",)),
    ("The Riverton Harbour Board", ()),
    ("Name *", ()),  # a comment form's label
    ("Last updated 4 March", ()),
    ("Veröffentlicht am 4. März", ()),
    ("Priya Natarajan at March 4, 2024", ("Priya Natarajan",)),  # a preposition left by the date
])
def test_byline_words_and_dates_are_not_names(byline, authors):
    assert auditor.audit_html(_page_with_byline(byline)).article.authors == authors


def test_an_agency_credited_in_the_metadata_is_the_answer_not_a_dateline_marked_up_as_byline():
    body = " ".join(["The council approved the new harbour plan on Tuesday after a long debate."] * 6)
    html = ('<html lang="en"><head><title>Harbour plan approved</title><meta name="author" content="Reuters">'
            '</head><body><article><h1>Harbour plan approved</h1><div class="byline">Lisbon</div>'
            f"<p>{body}</p><p>{body}</p></article></body></html>")
    assert auditor.audit_html(html).article.authors == ()
    # with a person in the metadata, the agency beside the name is dropped and the person kept
    assert auditor.audit_html(html.replace('content="Reuters"', 'content="Ana Costa, Reuters"')
                              ).article.authors == ("Ana Costa",)


@pytest.mark.parametrize("as_bytes", [False, True])
def test_an_html_fragment_is_audited_like_a_page(as_bytes):
    body = " ".join(["The council approved the new harbour plan on Tuesday after a long debate."] * 6)
    fragment = f'<div class="story"><p>{body}</p><p>“It is a shameful plan,” said Ana Costa.</p></div>'
    audit = auditor.audit_html(fragment.encode("utf-8") if as_bytes else fragment)
    assert audit.article.text.startswith("The council approved") and "Ana Costa" in audit.article.text
    assert any(f.voice == "quoted" for f in audit.findings)


def test_markup_with_no_text_is_a_clear_error():
    from auditor.errors import ExtractionError
    with pytest.raises(ExtractionError, match="no article text"):
        auditor.audit_html("<div><img src='x.png'></div>")


@pytest.mark.parametrize("as_bytes", [False, True])
def test_a_bio_block_is_found_beside_structured_authors_and_not_invented(as_bytes):
    body = " ".join(["The council approved the new harbour plan on Tuesday after a long debate."] * 6)
    page = ('<html lang="en"><head><title>Harbour plan</title><script type="application/ld+json">'
            '{"@type": "NewsArticle", "author": {"@type": "Person", "name": "Priya Natarajan"}}</script></head>'
            f'<body><article><p>{body}</p><p>{body}</p></article>'
            '<div class="author-bio">Priya Natarajan covers transport and planning for the Courier.</div>'
            '</body></html>')

    def bios(html: str):
        return auditor.audit_html(html.encode("utf-8") if as_bytes else html).article.author_bios

    assert bios(page) == ("Priya Natarajan covers transport and planning for the Courier.",)
    # without a bio class on the page there is no bio, however the text reads
    assert bios(page.replace("author-bio", "sidebar-note")) == ()


def _page(head: str = "", lang: str = "en") -> str:
    body = " ".join(["The council approved the new harbour plan on Tuesday after a long debate."] * 6)
    return (f'<html lang="{lang}"><head>{head}<title>Harbour plan approved</title></head><body><article>'
            f"<h1>Harbour plan approved</h1><p>{body}</p><p>Die Brücke über den Fluss wird 2026 gebaut.</p>"
            "</article></body></html>")


@pytest.mark.parametrize("page", [
    # a str that declares its encoding: lxml reads such a document only as bytes
    '<?xml version="1.0" encoding="utf-8"?>\n' + _page(),
    # bytes in the encoding the page declares
    _page('<meta charset="iso-8859-1">').encode("iso-8859-1"),
    _page().encode("utf-8"),
    # a doctype and a self-closing <html/> on the first lines, which the parser needs repaired
    '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">\n' + _page(),
])
def test_pages_are_read_whatever_their_encoding_and_declaration(page):
    article = auditor.audit_html(page).article
    assert article.title == "Harbour plan approved"
    assert "Die Brücke über den Fluss wird 2026 gebaut." in article.text
    assert article.text.count("The council approved the new harbour plan") == 6


def test_bytes_that_hold_no_page_are_an_error_not_a_crash():
    from auditor.errors import ExtractionError
    with pytest.raises(ExtractionError, match="no article text|not parseable"):
        auditor.audit_html(b"\x00\x01\x02 binary data, no markup at all")


_REPO = Path(__file__).resolve().parent.parent
_OWN_PAGES = sorted([*_REPO.glob("examples/*.html"), *_REPO.glob("tests/fixtures/*.html"),
                     *_REPO.glob("tests/fixtures/pages/**/*.html")])


@pytest.mark.parametrize("path", _OWN_PAGES, ids=lambda p: p.name)
def test_our_parse_gives_trafilatura_the_tree_its_own_loader_would(path):
    """The auditor parses pages itself (plain HtmlElements, no per-element lookup in Python); trafilatura
    must find the same body in that tree as in the one trafilatura.load_html builds."""
    import trafilatura
    from lxml import etree

    from auditor.extract.html import load_page

    def body(tree):
        doc = trafilatura.bare_extraction(tree, include_links=True, include_comments=True, include_tables=True,
                                          with_metadata=False, output_format="xml")
        return None if doc is None or doc.body is None else etree.tostring(doc.body)

    for source in (path.read_bytes(), path.read_text(encoding="utf-8", errors="replace")):
        ours, theirs = load_page(source), trafilatura.load_html(source)
        assert (ours is None) == (theirs is None)
        if ours is not None:
            assert body(ours) == body(theirs)


@pytest.mark.parametrize("front, authors, published, modified", [
    ("By Jane Doe and Omar Haddad | Published March 5, 2024", ("Jane Doe", "Omar Haddad"), "2024-03-05", None),
    ("*By Jane Doe, Staff Writer*\n\n2024-03-05", ("Jane Doe",), "2024-03-05", None),
    ("Updated: 5 March 2024\nBy Jane Doe", ("Jane Doe",), None, "2024-03-05"),
    ("By Jane Doe\nDec. 1, 2023", ("Jane Doe",), "2023-12-01", None),
])
def test_a_text_byline_and_date_under_the_title_are_metadata(front, authors, published, modified):
    audit = auditor.audit_text(f"Harbour plan approved\n\n{front}\n\nThe council approved the plan on Tuesday.")
    article = audit.article
    assert (article.authors, article.published, article.modified) == (authors, published, modified)
    assert article.text == "The council approved the plan on Tuesday."
    assert ("transparency.byline-missing" in {f.rule for f in audit.findings}) is False


@pytest.mark.parametrize("body", [
    "By Tuesday, the council had voted.\n\nThe ferry ran late.",
    "The council met on March 5, 2024.\n\nThe ferry ran late.",
])
def test_body_lines_that_only_look_like_a_byline_or_a_date_stay_text(body):
    audit = auditor.audit_text(f"Harbour plan approved\n\n{body}")
    assert (audit.article.authors, audit.article.published, audit.article.text) == ((), None, body)


def test_the_outlet_and_a_title_after_a_byline_name_are_no_second_author():
    page = _bare_page(head='<meta property="og:site_name" content="KTV">'
                           '<meta name="author" content="Priya Natarajan, KTV Editor-at-large">')
    assert auditor.audit_html(page).article.authors == ("Priya Natarajan",)


@pytest.mark.parametrize("title, kind", [
    ("Opinion: The harbour deal is a bad bargain", "opinion"),
    ("Analysis | Why the ferry runs late", "analysis"),
    ("Sponsored: Visit Riverton", "sponsored"),
    ("Riverton: the harbour deal explained", "unknown"),
    ("The harbour deal is a bad bargain", "unknown"),
])
def test_a_text_title_that_states_its_kind(title, kind):
    audit = auditor.audit_text(f"{title}\n\n*By Omar Haddad* · Published 2025-02-03\n\nThe council met on Tuesday.")
    assert (audit.article.kind, audit.article.authors, audit.article.published) == \
        (kind, ("Omar Haddad",), "2025-02-03")
