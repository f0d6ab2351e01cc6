"""Documents of restricted pages and private collections go only to people who may read them.

Every download goes through Wagtail's serve view (WAGTAILDOCS_SERVE_METHOD), which checks the
collection's privacy and, through cms.documents, the pages that use the document.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, PageViewRestriction
from wagtail.rich_text import RichText

from tests.cms.factories import ContentPageFactory
from tests.curriculum.factories import LearningTrackPageFactory, ModulePageFactory
from tests.people.factories import UserFactory
from tests.security.conftest import PDF


def body_linking(document):
    return [("paragraph", RichText(f'<p>Lees <a linktype="document" id="{document.pk}">de handleiding</a>.</p>'))]


def restrict_to_group(page, group):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(group)


@pytest.fixture
def hr_group(db):
    return Group.objects.create(name="HR-stukken")


@pytest.fixture
def restricted_document(home_page, pdf_document, hr_group, django_capture_on_commit_callbacks):
    """A document linked (in rich text) from a page only the HR group may read."""
    with django_capture_on_commit_callbacks(execute=True):
        page = ContentPageFactory(parent=home_page, title="Voor HR", slug="voor-hr", body=body_linking(pdf_document))
    restrict_to_group(page, hr_group)
    return pdf_document


def download(client, document):
    response = client.get(document.url)
    content = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response, content


def test_the_anonymous_are_sent_to_sign_in(client, restricted_document):
    response, content = download(client, restricted_document)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert content == b""


def test_a_person_without_the_right_gets_a_403(client, restricted_document):
    client.force_login(UserFactory())

    response, content = download(client, restricted_document)

    assert response.status_code == 403
    assert content == b""


def test_a_reader_of_the_page_gets_the_file(client, restricted_document, hr_group):
    reader = UserFactory()
    reader.groups.add(hr_group)
    client.force_login(reader)

    response, content = download(client, restricted_document)

    assert response.status_code == 200
    assert content == PDF


def test_a_document_also_on_a_public_page_is_public(
    client, home_page, restricted_document, django_capture_on_commit_callbacks
):
    """Whoever links a document from a public page publishes it; the check follows that."""
    with django_capture_on_commit_callbacks(execute=True):
        ContentPageFactory(parent=home_page, title="Openbaar", slug="openbaar", body=body_linking(restricted_document))

    response, content = download(client, restricted_document)

    assert response.status_code == 200
    assert content == PDF


def test_a_restriction_on_a_parent_page_counts(
    client, home_page, pdf_document, hr_group, django_capture_on_commit_callbacks
):
    parent = ContentPageFactory(parent=home_page, title="HR", slug="hr-stukken")
    with django_capture_on_commit_callbacks(execute=True):
        ContentPageFactory(parent=parent, title="Beleid", slug="beleid", body=body_linking(pdf_document))
    restrict_to_group(parent, hr_group)
    client.force_login(UserFactory())

    response, _ = download(client, pdf_document)

    assert response.status_code == 403


def test_a_document_of_a_module_is_for_signed_in_people(
    client, home_page, pdf_document, django_capture_on_commit_callbacks
):
    track = LearningTrackPageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        ModulePageFactory(parent=track, body=[("document", {"document": pdf_document, "title": "Sjabloon"})])

    anonymous, _ = download(client, pdf_document)
    client.force_login(UserFactory())
    signed_in, content = download(client, pdf_document)

    assert anonymous.status_code == 302
    assert signed_in.status_code == 200
    assert content == PDF


def test_a_document_in_a_private_collection_is_refused(client, root_collection, media_on_disk, hr_group):
    collection = root_collection.add_child(name="HR-dossiers")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(hr_group)
    document = get_document_model().objects.create(
        title="Dossier", collection=collection, file=ContentFile(PDF, name="dossier.pdf")
    )

    anonymous, _ = download(client, document)
    client.force_login(UserFactory())
    outsider, outsider_content = download(client, document)

    assert anonymous.status_code == 302
    assert outsider.status_code != 200
    assert outsider_content == b""


def test_a_document_no_page_uses_in_a_public_collection_is_served(client, pdf_document):
    response, content = download(client, pdf_document)

    assert response.status_code == 200
    assert content == PDF


def test_document_links_never_point_into_media(client, restricted_document, hr_group):
    """The page's link goes through the serve view, never straight to MEDIA_URL."""
    reader = UserFactory()
    reader.groups.add(hr_group)
    client.force_login(reader)

    html = client.get("/voor-hr/").content.decode()

    assert restricted_document.url in html
    assert restricted_document.url.startswith("/documents/")
    assert "/media/documents/" not in html
