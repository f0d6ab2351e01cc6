import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Collection

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def media_on_disk(settings, tmp_path):
    """Uploads on disk, as in production: Wagtail serves documents from a file path, which
    the in-memory storage of the test settings does not have."""
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}}
    return tmp_path


@pytest.fixture
def root_collection(db):
    """Wagtail's root collection, which a migration makes and a transactional test's flush removes."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


@pytest.fixture
def pdf_document(root_collection, media_on_disk):
    return get_document_model().objects.create(
        title="Handleiding", collection=root_collection, file=ContentFile(PDF, name="handleiding.pdf")
    )
