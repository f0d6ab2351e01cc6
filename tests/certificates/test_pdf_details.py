"""Details of the certificate PDF that outside checkers look at: the QR code a phone scans
(under `make run` too), and what a PDF/UA check reports (certificates.pdf.finish_pdf)."""

import io
import os
import re
import subprocess
import sys

import pytest
import zxingcpp
from django.conf import settings
from django.utils import timezone
from pypdf import PdfReader
from pypdf.generic import ContentStream

from certificates.models import Certificate
from certificates.pdf import certificate_pdf
from tests.certificates.factories import CertificateTemplateFactory

# A certificate made through the real rendering code, as `make run` is set up: the dev
# settings, PORT exported by the Makefile, no SITE_URL. No row is needed to render one, so
# the throwaway database stays empty.
RENDER_UNDER_MAKE_RUN = """
import sys

import django

django.setup()
from django.utils import timezone

from certificates.models import Certificate, CertificateTemplate
from certificates.pdf import certificate_pdf

template = CertificateTemplate(
    name="Spil", body="{naam} rondde {prestatie} af.", organisation_name="Spil",
    signatory_name="Beheer Spil", signatory_role="Namens de deelnemende organisaties",
)
certificate = Certificate(
    template=template, holder_name="Anna de Vries", achievement="Notuleren en actielijsten",
    issued_at=timezone.now(), number="SPIL-2026-0001-PORT", token="poort-8791",
)
with open(sys.argv[1], "wb") as handle:
    handle.write(certificate_pdf(certificate))
"""

# A valid PostScript name, with the subset tag WeasyPrint puts before it.
POSTSCRIPT_NAME = re.compile(r"/([A-Z]{6}\+)?[A-Za-z0-9_.-]{1,63}")


@pytest.fixture(scope="module")
def pdf():
    certificate = Certificate(
        template=CertificateTemplateFactory.build(),
        holder_name="Anna de Vries",
        achievement="Risicomanagement voor de PMO",
        issued_at=timezone.now(),
        number="SPIL-2026-0001-TEST",
        token="detail",
    )
    return PdfReader(io.BytesIO(certificate_pdf(certificate)))


def test_the_qr_code_of_a_certificate_made_under_make_run_points_at_its_port(tmp_path):
    target = tmp_path / "certificaat.pdf"
    outside = {"SITE_URL", "PORT", "DJANGO_SETTINGS_MODULE", "DATABASE_URL", "DEBUG"}
    make_run = {
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "PORT": "8791",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "PRIVATE_MEDIA_ROOT": str(tmp_path / "private"),
    }
    subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", RENDER_UNDER_MAKE_RUN, str(target)],
        env={**{key: value for key, value in os.environ.items() if key not in outside}, **make_run},
        cwd=settings.BASE_DIR,
        capture_output=True,
        timeout=60,
        check=True,
    )
    images = PdfReader(target).pages[0].images
    assert len(images) == 1, "the QR code is the only image without a logo or signature"
    decoded = [code.text for code in zxingcpp.read_barcodes(images[0].image) if code.format.name == "QRCode"]
    assert len(decoded) == 1, decoded
    assert decoded[0].startswith("http://127.0.0.1:8791/certificates/verify/"), decoded[0]
    assert decoded[0] == "http://127.0.0.1:8791/certificates/verify/poort-8791/"


def multiply(first, second):
    """The PDF matrix [a b c d e f] of ``first`` then ``second``."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = second
    return [
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    ]


def drawn_images(page) -> dict[str, list[float]]:
    """Where each image XObject is painted, as [x1, y1, x2, y2] in default user space (PDF
    points from the bottom left of the page): its unit square through the current matrix."""
    matrix, stack, placed = [1, 0, 0, 1, 0, 0], [], {}
    for operands, operator in ContentStream(page.get_contents(), page.pdf).operations:
        if operator == b"q":
            stack.append(matrix)
        elif operator == b"Q":
            matrix = stack.pop()
        elif operator == b"cm":
            matrix = multiply([float(value) for value in operands], matrix)
        elif operator == b"Do":
            a, b, c, d, e, f = matrix
            xs, ys = (e, e + a, e + c, e + a + c), (f, f + b, f + d, f + b + d)
            placed[str(operands[0])] = [min(xs), min(ys), max(xs), max(ys)]
    return placed


def structure_elements(node):
    kids = node.get("/K", [])
    for kid in kids if isinstance(kids, list) else [kids]:
        kid = kid.get_object()  # a structure element, or a marked-content id
        if isinstance(kid, dict) and kid.get("/Type") == "/StructElem":
            yield kid
            yield from structure_elements(kid)


def test_the_qr_figures_bbox_is_where_the_qr_code_is_drawn_in_points(pdf):
    page = pdf.pages[0]
    figures = [
        element for element in structure_elements(pdf.trailer["/Root"]["/StructTreeRoot"]) if element["/S"] == "/Figure"
    ]
    assert [figure["/Alt"] for figure in figures] == ["QR-code naar de verificatiepagina"]
    bbox = [float(value) for value in figures[0]["/A"]["/BBox"]]
    box = [float(value) for value in page.mediabox]
    assert box[0] <= bbox[0] < bbox[2] <= box[2], (bbox, box)
    assert box[1] <= bbox[1] < bbox[3] <= box[3], (bbox, box)
    (drawn,) = drawn_images(page).values()
    assert bbox == pytest.approx(drawn, abs=0.01)
    assert bbox[2] - bbox[0] == pytest.approx(28 / 25.4 * 72, abs=0.01), "28 mm wide, as pdf.css says"


def test_every_link_annotation_prints(pdf):
    links = [
        annotation.get_object()
        for page in pdf.pages
        for annotation in page.get("/Annots", [])
        if annotation.get_object()["/Subtype"] == "/Link"
    ]
    assert links, "the verification link"
    for link in links:
        assert int(link.get("/F", 0)) & 4, link


def test_every_font_name_is_a_valid_postscript_name(pdf):
    names = []
    for font in pdf.pages[0]["/Resources"]["/Font"].values():
        font = font.get_object()
        names.append(font["/BaseFont"])
        for descendant in font.get("/DescendantFonts", []):
            descendant = descendant.get_object()
            names += [descendant["/BaseFont"], descendant["/FontDescriptor"]["/FontName"]]
    assert len(names) == 6, "regular and bold, each a Type0 font, its CID font and their descriptor"
    assert [name for name in names if not POSTSCRIPT_NAME.fullmatch(name)] == []
    assert any(name.endswith("+Source-Sans-3") for name in names), names
