"""Hostile rich text stored on the project's real pages never reaches the page as code.

The content below is written straight into the database, as an import or a shell could,
past the editor that would have refused it; the pages render it through Wagtail's richtext
filter and ``RichText``, which the site passes through cms/templatetags/spil_rich_text.py.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from wagtail.rich_text import RichText

from cms.templatetags.spil_rich_text import clean_rich_text
from tests.circles.factories import LearningCirclePageFactory, SessionFactory
from tests.cms.factories import ContentPageFactory

HOSTILE = (
    "<p>Welkom<script>alert('script')</script> bij de leerkring.</p>"
    '<p><a href="javascript:alert(\'link\')">Klik hier</a> of <a href="JaVa&#x09;ScRiPt:alert(1)">hier</a>.</p>'
    '<p onmouseover="alert(\'handler\')"><img src="x" onerror="alert(\'img\')" alt="plaatje"></p>'
    '<p><a href="/leerkringen/" onclick="alert(\'click\')">Naar de leerkringen</a></p>'
    '<iframe src="https://evil.example.org/"></iframe><svg><script>alert("svg")</script></svg>'
    '<style>body { display: none }</style><p style="position: fixed">Stijl</p>'
    '<form action="https://evil.example.org/"><input name="wachtwoord"></form>'
    '<object data="x.swf"></object><embed src="x.swf"><base href="https://evil.example.org/">'
)
# What must never be in the page's HTML after it: code, handlers, other origins.
FORBIDDEN = re.compile(
    r"<script[^>]*>\s*alert|javascript:|\son\w+\s*=|evil\.example\.org|<style>body|<object|<embed|<base|"
    r"<form action=\"https://evil|style=\"position",
    re.IGNORECASE,
)
# The page's own scripts (static files) may stay; an inline script with alert may not.
INLINE_ALERT = re.compile(r"alert\(", re.IGNORECASE)


def assert_defused(html: str, *, visible: str) -> None:
    assert visible in html, "the harmless text must still be shown"
    found = FORBIDDEN.search(html)
    assert not found, f"hostile rich text reached the page: {found.group(0)!r}"
    assert not INLINE_ALERT.search(html), "script text reached the page"


def test_a_content_page_body_shows_paragraph_and_callout_without_the_code(client, home_page):
    ContentPageFactory(
        parent=home_page,
        title="Over de leerkring",
        slug="over-de-leerkring",
        body=[
            ("paragraph", RichText(HOSTILE)),
            ("callout", {"kind": "tip", "title": "Tip", "text": RichText(HOSTILE)}),
        ],
    )

    response = client.get("/over-de-leerkring/")

    assert response.status_code == 200
    assert_defused(response.content.decode(), visible="Naar de leerkringen")


def test_a_learning_circle_description_without_the_code(client, home_page):
    circle = LearningCirclePageFactory(description=HOSTILE)

    response = client.get(circle.url)

    assert response.status_code == 200
    assert_defused(response.content.decode(), visible="Naar de leerkringen")


def test_a_session_agenda_without_the_code(client, home_page):
    session = SessionFactory(agenda=HOSTILE)

    response = client.get(f"/leerkringen/bijeenkomsten/{session.pk}/")

    assert response.status_code == 200
    assert_defused(response.content.decode(), visible="Naar de leerkringen")


def test_what_editors_make_survives_the_cleaning():
    html = (
        '<h2>Kop</h2><p><b>Vet</b>, <i>schuin</i> en <a href="https://www.rijksoverheid.nl/">een link</a>.</p>'
        '<ul><li>een</li></ul><ol><li>twee</li></ol><hr/><p><a href="mailto:leerkring@example.org">mail</a></p>'
        '<img alt="Schema" class="richtext-image left" height="300" src="/media/images/schema.png" width="400"/>'
        '<div class="responsive-object"><iframe allowfullscreen="" frameborder="0" height="113" '
        'src="https://www.youtube-nocookie.com/embed/abc" title="Video" width="200"></iframe></div>'
    )

    assert str(clean_rich_text(html)) == html


@pytest.mark.parametrize("path", sorted((Path(settings.BASE_DIR) / "templates").rglob("*.html")), ids=str)
def test_templates_mark_nothing_safe_but_developers_texts(path):
    """``|safe`` only on texts developers write (help texts); rich text and embeds are cleaned."""
    source = path.read_text(encoding="utf-8")
    for match in re.finditer(r"\{\{\s*([\w.]+)\|safe\s*\}\}", source):
        assert match.group(1) == "field.help_text", f"{path.name}: {match.group(0)} - use |richtext or |clean_rich_text"
    assert "autoescape off" not in source, f"{path.name}: plain-text mail belongs in a .txt template"
