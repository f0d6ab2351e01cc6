"""Uploaded documents: what Wagtail accepts, and who may download what.

Uploads: Wagtail checks the extension (``WAGTAILDOCS_EXTENSIONS``) and the size
(``WAGTAILDOCS_MAX_UPLOAD_SIZE``); ``DocumentForm`` (``WAGTAILDOCS_DOCUMENT_FORM_BASE``)
also looks inside the file, so that a web page or an SVG with a script renamed to .pdf or
.docx is refused. Images need no such form: Wagtail opens every image and refuses one whose
content does not match its extension, and SVG is not among ``WAGTAILIMAGES_EXTENSIONS``.

Downloads go through Wagtail's serve view (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``),
always as an attachment, with ``nosniff`` and a ``default-src 'none'`` policy. Before it
serves a file, Wagtail checks the collection's privacy; ``refuse_documents_of_restricted_pages``
(a ``before_serve_document`` hook) also checks the pages that use the document.
"""

import zipfile

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.models import Page, ReferenceIndex

from curriculum.models import ModulePage

# How many bytes of a text file are read to see whether it is markup rather than text.
TEXT_SNIFF_BYTES = 4096
# The main part each Office Open XML format has inside its zip.
OOXML_PARTS = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
# The first entry of an OpenDocument zip, ``mimetype``, names the format.
ODF_TYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
    "odp": b"application/vnd.oasis.opendocument.presentation",
}
# Pages whose documents are for signed-in people only, although the page has no view
# restriction of its own: a module is read by enrolled learners only (ModulePage.serve).
LOGIN_ONLY_PAGE_TYPES = (ModulePage,)

MISMATCH = _(
    "Dit bestand is geen echt .%(extension)s-bestand: de inhoud past niet bij de extensie. "
    "Sla het opnieuw op als .%(extension)s of kies een ander bestand."
)
MARKUP = _(
    "Dit bestand bevat opmaakcode (zoals HTML of SVG) en geen platte tekst. "
    "Upload een PDF of een Office-document in plaats daarvan."
)


def _read_head(file, size: int) -> bytes:
    file.seek(0)
    head = file.read(size)
    file.seek(0)
    return head


def _zip_names(file) -> tuple[zipfile.ZipFile, list[str]] | None:
    try:
        archive = zipfile.ZipFile(file)
        return archive, archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        file.seek(0)


def _looks_like_markup(head: bytes) -> bool:
    text = head.decode("utf-8", errors="ignore").lstrip("\ufeff \t\r\n").lower()
    return text.startswith("<") or any(tag in text for tag in ("<script", "<html", "<svg", "<iframe", "<!doctype"))


def check_document_content(file, extension: str) -> None:
    """Refuse a file whose bytes are not what its extension promises."""
    extension = extension.lower()
    mismatch = ValidationError(MISMATCH, code="content_mismatch", params={"extension": extension})
    if extension == "pdf":
        if not _read_head(file, 1024).lstrip().startswith(b"%PDF-"):
            raise mismatch
    elif extension in OOXML_PARTS or extension in ODF_TYPES:
        opened = _zip_names(file)
        if opened is None:
            raise mismatch
        archive, names = opened
        if extension in OOXML_PARTS:
            if "[Content_Types].xml" not in names or OOXML_PARTS[extension] not in names:
                raise mismatch
        elif "mimetype" not in names or archive.read("mimetype").strip() != ODF_TYPES[extension]:
            raise mismatch
        file.seek(0)
    elif extension in ("txt", "csv"):
        head = _read_head(file, TEXT_SNIFF_BYTES)
        if b"\x00" in head:
            raise mismatch
        if _looks_like_markup(head):
            raise ValidationError(MARKUP, code="markup")
    else:
        # An extension added to WAGTAILDOCS_EXTENSIONS without a check here is refused, so
        # that nobody widens what is accepted without saying what such a file looks like.
        raise mismatch


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form (single, multiple and chooser uploads), checking the content."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        extension = file.name.rsplit(".", 1)[-1].lower() if file and "." in file.name else ""
        # Any other extension is refused by Wagtail itself (Document.clean), with its own message.
        if "file" in self.changed_data and extension in settings.WAGTAILDOCS_EXTENSIONS:
            check_document_content(file, extension)
        return file


def _passes(page: Page, request: HttpRequest) -> bool:
    if isinstance(page, LOGIN_ONLY_PAGE_TYPES) and not request.user.is_authenticated:
        return False
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def refuse_documents_of_restricted_pages(document, request: HttpRequest):
    """A document used on pages is served to whoever may read at least one of those pages.

    A document no page uses is left to Wagtail's own check (its collection's privacy). The
    pages come from Wagtail's reference index (document choosers and links in rich text).
    The anonymous are sent to sign in; a signed-in person who may read none of the pages
    gets a 403.
    """
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    pages = list(Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).specific(defer=True))
    if not pages or any(_passes(page, request) for page in pages):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), settings.WAGTAIL_FRONTEND_LOGIN_URL)
    raise PermissionDenied
