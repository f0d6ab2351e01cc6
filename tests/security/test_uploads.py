"""Uploads: sizes, extensions and content of documents and images, through the Wagtail admin
screens editors use, and Django's limits on request bodies."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.documents import check_document_content
from tests.people.factories import UserFactory
from tests.security.conftest import PDF

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'


def office_file(extension: str) -> bytes:
    parts = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(parts[extension], "<document/>")
    return buffer.getvalue()


def open_document(extension: str) -> bytes:
    kinds = {"odt": "text", "ods": "spreadsheet", "odp": "presentation"}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", f"application/vnd.oasis.opendocument.{kinds[extension]}")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def png() -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (4, 4), "teal").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def editor(client, root_collection, media_on_disk):
    client.force_login(UserFactory(is_superuser=True))
    return client


def upload_document(client, name: str, content: bytes):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Bijlage",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


def upload_image(client, name: str, content: bytes):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Afbeelding",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile(name, content),
        },
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("gids.pdf", PDF),
        ("sjabloon.docx", office_file("docx")),
        ("planning.xlsx", office_file("xlsx")),
        ("presentatie.pptx", office_file("pptx")),
        ("verslag.odt", open_document("odt")),
        ("lijst.csv", b"naam;datum\nAnna;2026-03-01\n"),
        ("lees-mij.txt", "Welkom bij de leergang, één keer per week.".encode()),
    ],
)
def test_real_documents_are_accepted(editor, name, content):
    response = upload_document(editor, name, content)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert get_document_model().objects.get().file.read() == content


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("factuur.pdf", HTML, "geen echt .pdf-bestand"),
        ("logo.pdf", SVG, "geen echt .pdf-bestand"),
        ("sjabloon.docx", HTML, "geen echt .docx-bestand"),
        ("sjabloon.docx", open_document("odt"), "geen echt .docx-bestand"),
        ("verslag.odt", office_file("docx"), "geen echt .odt-bestand"),
        ("lijst.csv", HTML, "bevat opmaakcode"),
        ("lees-mij.txt", SVG, "bevat opmaakcode"),
        ("pagina.html", HTML, "\u2018html\u2019 is niet toegestaan"),
        ("tekening.svg", SVG, "\u2018svg\u2019 is niet toegestaan"),
    ],
)
def test_disguised_or_forbidden_documents_are_refused_with_a_dutch_message(editor, name, content, message):
    response = upload_document(editor, name, content)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_document_model().objects.exists()


def test_the_multiple_upload_screen_refuses_a_disguised_document_too(editor):
    response = editor.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("factuur.pdf", HTML)},
    )

    assert response.json()["success"] is False
    assert "geen echt .pdf-bestand" in str(response.json())
    assert not get_document_model().objects.exists()


def test_documents_over_the_size_limit_are_refused(editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024

    response = upload_document(editor, "groot.pdf", PDF + b"%" * 2048)

    assert response.status_code == 200
    assert not get_document_model().objects.exists()


def test_a_real_image_is_accepted(editor):
    response = upload_image(editor, "foto.png", png())

    assert response.status_code == 302, response.content.decode()[:2000]
    assert get_image_model().objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content"),
    [("foto.png", HTML), ("foto.png", SVG), ("foto.jpg", png()[:40]), ("tekening.svg", SVG)],
    ids=["html-as-png", "svg-as-png", "broken-jpg", "svg"],
)
def test_images_that_are_not_what_they_say_are_refused(editor, name, content):
    response = upload_image(editor, name, content)

    assert response.status_code == 200
    assert "error-message" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_images_over_the_size_limit_are_refused(editor, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 64

    response = upload_image(editor, "foto.png", png())

    assert response.status_code == 200
    assert not get_image_model().objects.exists()


def test_an_extension_without_a_content_check_is_refused():
    """Widening WAGTAILDOCS_EXTENSIONS needs a check in cms.documents as well."""
    with pytest.raises(ValidationError, match=r"geen echt \.rtf-bestand"):
        check_document_content(io.BytesIO(b"{\\rtf1 hallo}"), "rtf")


def test_a_request_body_over_the_limit_is_refused(client, db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024

    response = client.post("/accounts/login/", {"login": "a@example.org", "password": "x" * 4096})

    assert response.status_code == 400


def test_a_request_with_too_many_fields_is_refused(client, db, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 50

    response = client.post("/accounts/login/", {f"veld{n}": "x" for n in range(60)})

    assert response.status_code == 400
