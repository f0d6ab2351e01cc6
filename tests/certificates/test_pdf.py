"""The PDF: what it says, that it is tagged, and that learner data cannot make it fetch anything."""

import io

import pytest
from pypdf import PdfReader
from weasyprint.urls import URLFetcher

from certificates import services
from certificates.pdf import BASE_URL, LocalFilesFetcher, RefusedURLError, qr_data_uri

pytestmark = pytest.mark.django_db

EVIL_NAME = '<img src="http://127.0.0.1:9/x">'


def read(certificate):
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as handle:
        return PdfReader(io.BytesIO(handle.read()))


def test_the_pdf_holds_name_track_number_and_verification_url(world):
    certificate = services.render(
        certificate_id=services.issue(user=world["anna"], track=world["track"], source_key="p1").pk
    )
    reader = read(certificate)
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Anna de Vries" in text
    assert "Risicomanagement voor de PMO" in text
    assert certificate.number in text
    assert f"/certificates/verify/{certificate.token}/" in text
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595), "A4 landscape"
    root = reader.trailer["/Root"]
    assert root["/MarkInfo"]["/Marked"], "a tagged PDF"
    assert root["/Lang"] == "nl"
    assert reader.metadata.title.startswith("Certificaat: Risicomanagement voor de PMO")
    fonts = [font.get_object()["/BaseFont"] for font in reader.pages[0]["/Resources"]["/Font"].values()]
    assert any("Source-Sans-3" in str(font) for font in fonts), fonts


def test_a_hostile_name_prints_as_text_and_fetches_nothing(world, monkeypatch):
    world["anna"].full_name = EVIL_NAME
    world["anna"].save()
    fetched = []
    original = LocalFilesFetcher.fetch

    def spy(self, url, headers=None):
        fetched.append(url)
        return original(self, url, headers)

    def network(self, url, headers=None):
        raise AssertionError(f"network fetch attempted: {url}")

    monkeypatch.setattr(LocalFilesFetcher, "fetch", spy)
    monkeypatch.setattr(URLFetcher, "fetch", network)
    certificate = services.render(
        certificate_id=services.issue(user=world["anna"], track=world["track"], source_key="p2").pk
    )
    assert all(url.startswith((BASE_URL, "data:image/png;")) for url in fetched), fetched
    assert not any("127.0.0.1:9" in url for url in fetched)
    text = read(certificate).pages[0].extract_text()
    assert EVIL_NAME in text.replace("\n", "")


def test_the_fetcher_refuses_everything_but_our_own_files():
    fetcher = LocalFilesFetcher()
    for url in [
        "http://127.0.0.1:9/x",
        "https://example.com/logo.png",
        "file:///etc/passwd",
        BASE_URL + "etc/passwd",
        BASE_URL + "media/../../etc/passwd",
    ]:
        with pytest.raises((RefusedURLError, FileNotFoundError)):
            fetcher.fetch(url)
    response = fetcher.fetch(BASE_URL + "static/vendor/fonts/source-sans-3-latin-400-normal.woff")
    assert response.read(4) == b"wOFF"


def test_editor_text_is_escaped_and_placeholders_filled():
    from certificates.pdf import fill_body

    html = fill_body("<b>Beste</b> {naam},\n\n{prestatie}", {"naam": "<i>x</i>", "prestatie": "Plannen"})
    assert "<b>" not in html
    assert "&lt;i&gt;x&lt;/i&gt;" in html
    assert "<p>Plannen</p>" in html


def test_the_qr_code_is_a_png_of_the_url():
    uri = qr_data_uri("https://spil.example.org/certificates/verify/abc/")
    assert uri.startswith("data:image/png;base64,iVBORw0KGgo")
