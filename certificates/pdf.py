"""PDF rendering with WeasyPrint: A4 landscape, embedded font, tagged (PDF/UA-1).

WeasyPrint fetches nothing from the network. ``LocalFilesFetcher`` serves the project's own
static files and uploaded media, and data: URIs; every other URL is refused. Learner data
reaches the HTML only through Django's autoescaping (``certificate_html``).
``finish_pdf`` mends three details of WeasyPrint's tagged PDF that a PDF/UA check reports.
"""

import base64
import datetime
import io
import re
import threading
from urllib.parse import unquote, urlsplit

import qrcode
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

BASE_URL = "https://spil.local/"


class RefusedURLError(ValueError):
    pass


class LocalFilesFetcher(URLFetcher):
    """Only /static/ and /media/ below BASE_URL, and data: URIs. Nothing else is fetched."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}/" != BASE_URL:
            raise RefusedURLError(f"refused to fetch {url}")
        path = unquote(parts.path)
        if path.startswith(settings.STATIC_URL):
            found = finders.find(path.removeprefix(settings.STATIC_URL))
            if not found:
                raise RefusedURLError(f"no such static file: {path}")
            with open(found, "rb") as handle:
                return URLFetcherResponse(url, body=handle.read())
        if path.startswith(settings.MEDIA_URL):
            name = path.removeprefix(settings.MEDIA_URL)
            if ".." in name.split("/"):
                raise RefusedURLError(f"refused path: {path}")
            with default_storage.open(name, "rb") as handle:
                return URLFetcherResponse(url, body=handle.read())
        raise RefusedURLError(f"refused to fetch {url}")


def media_url(field_file) -> str:
    return BASE_URL.rstrip("/") + settings.MEDIA_URL + field_file.name


def qr_data_uri(data: str) -> str:
    """The QR code of ``data`` as a PNG data URI. A fixed mask pattern (valid for any QR
    reader) spares evaluating all eight, and a small bitmap drawn without interpolation
    (image-rendering: pixelated in pdf.css) is sharp at any size and far faster than SVG."""
    code = qrcode.QRCode(box_size=2, border=1, mask_pattern=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(data)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


_local = threading.local()


def stylesheet() -> tuple[CSS, FontConfiguration]:
    """The certificate CSS and its fonts, parsed once per thread and reused, so a render
    does not decode the font files again."""
    if not hasattr(_local, "css"):
        fonts = FontConfiguration()
        with open(finders.find("certificates/pdf.css"), encoding="utf-8") as handle:
            css = CSS(string=handle.read(), base_url=BASE_URL, url_fetcher=LocalFilesFetcher(), font_config=fonts)
        _local.css, _local.fonts = css, fonts
    return _local.css, _local.fonts


def fill_body(body: str, values: dict[str, str]) -> str:
    """The template text as HTML paragraphs, with each {placeholder} replaced by its escaped
    value. The editor's text is escaped too: nothing in it becomes markup."""
    html = str(linebreaks(escape(body)))
    for key, value in values.items():
        html = html.replace("{" + key + "}", str(escape(value)))
    return html


def verification_url(token: str) -> str:
    return settings.SITE_URL + reverse("certificates:verify", args=[token])


def context_for(
    *, template, holder_name, achievement, issued_at, expires_at, study_load_hours, competencies, number, token
):
    with translation.override(template.language):
        date = formats.date_format(timezone.localtime(issued_at), "j F Y")
        expiry = formats.date_format(timezone.localtime(expires_at), "j F Y") if expires_at else ""
        values = {
            "naam": holder_name,
            "prestatie": achievement,
            "datum": date,
            "studiebelasting": str(study_load_hours or ""),
            "competenties": ", ".join(competencies),
        }
        url = verification_url(token)
        return {
            "template": template,
            "language": template.language,
            "holder_name": holder_name,
            "achievement": achievement,
            "body": mark_safe(fill_body(template.body, values)),  # noqa: S308 - built from escaped parts
            "date": date,
            "expiry": expiry,
            "number": number,
            "verify_url": url,
            "qr": qr_data_uri(url),
            "logo_url": media_url(template.logo.file) if template.logo else "",
            "signature_url": media_url(template.signature.file) if template.signature else "",
        }


# PDF points per CSS pixel: WeasyPrint lays out in CSS pixels and writes pages at zoom 1.
POINTS_PER_PIXEL = 0.75
PRINT_FLAG = 1 << 2
# A run of what may not stand in a PostScript font name (anything but letters, digits, "-",
# "_", "." and the subset tag's "+"), with the hyphens around it.
NOT_IN_FONT_NAME = re.compile(rb"-*[^A-Za-z0-9+_.-]+-*")


def postscript_name(name: bytes) -> bytes:
    """b"/UDKGVI+Source-Sans-3," -> b"/UDKGVI+Source-Sans-3"."""
    return b"/" + NOT_IN_FONT_NAME.sub(b"-", name.removeprefix(b"/")).strip(b"-")


def finish_pdf(document, pdf) -> None:
    """Mend WeasyPrint 70.0's PDF/UA output before it is written (its ``finisher`` hook).

    - The Layout BBox of a Figure is in CSS pixels from the top left of the page, while a
      structure attribute is in PDF points from the bottom left: the QR code's box lay
      outside the page. Mapped the way WeasyPrint maps link rectangles.
    - Link annotations lack the Print flag (WeasyPrint sets it for PDF/A only).
    - Font names come from Pango's font description, which ends a family whose name ends
      in a number with a comma ("Source Sans 3,"): not a valid PostScript name.

    tests/certificates/test_pdf_details.py checks each in the produced PDF, so an upgrade
    that fixes one upstream (and so makes a step here wrong) fails there."""
    page_numbers = {reference: number for number, reference in enumerate(pdf.page_references)}
    for pdf_object in pdf.objects:
        if not isinstance(pdf_object, dict):
            continue
        kind = pdf_object.get("Type")
        if kind == "/StructElem" and pdf_object.get("S") == "/Figure" and "BBox" in pdf_object.get("A", {}):
            page_height = document.pages[page_numbers[pdf_object["Pg"]]].height
            bbox = pdf_object["A"]["BBox"]
            x1, y1, x2, y2 = bbox
            bbox[:] = [POINTS_PER_PIXEL * value for value in (x1, page_height - y2, x2, page_height - y1)]
        elif kind == "/Annot" and pdf_object.get("Subtype") == "/Link":
            pdf_object["F"] = int(pdf_object.get("F", 0)) | PRINT_FLAG
        elif kind in {"/Font", "/FontDescriptor"}:
            for key in ("BaseFont", "FontName"):
                if isinstance(pdf_object.get(key), bytes):
                    pdf_object[key] = postscript_name(pdf_object[key])


def render_pdf(context: dict) -> bytes:
    with translation.override(context["language"]):
        html = render_to_string("certificates/pdf.html", context)
    css, fonts = stylesheet()
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=LocalFilesFetcher(fail_on_errors=False))
    return document.write_pdf(stylesheets=[css], font_config=fonts, pdf_variant="pdf/ua-1", finisher=finish_pdf)


def certificate_pdf(certificate) -> bytes:
    return render_pdf(
        context_for(
            template=certificate.template,
            holder_name=certificate.holder_name,
            achievement=certificate.achievement,
            issued_at=certificate.issued_at,
            expires_at=certificate.expires_at,
            study_load_hours=certificate.study_load_hours,
            competencies=certificate.competencies,
            number=certificate.number,
            token=certificate.token,
        )
    )


# The learner an editor sees on the preview of a template: every {placeholder} filled in.
SAMPLE_LEARNER = {
    "holder_name": "Anna de Vries",
    "achievement": "Notuleren en actielijsten",
    "study_load_hours": 16,
    "competencies": ["Notuleren en verslagleggen", "Planning en voortgangsbewaking", "Helder formuleren"],
}
SAMPLE_VALIDITY = datetime.timedelta(days=3 * 365)


def preview_response(*, template) -> HttpResponse:
    """The admin preview of a template: the PDF as a learner would get it, with sample data."""
    now = timezone.now()
    pdf = render_pdf(
        context_for(
            template=template,
            issued_at=now,
            expires_at=now + SAMPLE_VALIDITY,
            number=f"SPIL-{now:%Y}-0000-VOORB",
            token="voorbeeld",  # noqa: S106 - a sample, not a secret
            **SAMPLE_LEARNER,
        )
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="voorbeeld.pdf"'
    return response
