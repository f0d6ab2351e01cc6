"""Baked badges: a PNG image that carries its own Open Badges credential.

Open Badges 3.0 bakes a credential into a PNG as one ``iTXt`` chunk with the keyword
``openbadgecredential``, uncompressed, whose text is the credential as JSON. ``bake`` puts
it in (replacing one that is there), ``unbake`` takes it out. Both read the PNG chunk by
chunk and check every length and CRC, so a broken or hostile file is refused with a
ValueError instead of being trusted.

``badge_image`` draws the picture itself: a disc in the accent colour of the certificate's
template with "Spil" and the achievement in white.
"""

import datetime
import json
import struct
import zlib
from io import BytesIO
from pathlib import Path

from django.utils import timezone
from PIL import Image, ImageDraw, ImageFont

from . import openbadges

SIGNATURE = b"\x89PNG\r\n\x1a\n"
KEYWORD = b"openbadgecredential"
# The largest credential text unbake will inflate from a compressed chunk (the baking
# specification says uncompressed, but a reader may meet one).
MAX_TEXT_BYTES = 1024 * 1024
# PNG limits a chunk's length to 2**31 - 1.
MAX_CHUNK_LENGTH = 2**31 - 1

SIZE = 400
# Drawn at twice the size and scaled down, for smooth edges.
SCALE = 2
FONTS = Path("/usr/share/fonts/truetype/dejavu")


def chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    """The (type, data) chunks of a PNG up to and including IEND. Raises ValueError when the
    signature, a length, a type, a CRC or the order of IHDR and IEND is wrong, or the file
    ends before IEND."""
    if not isinstance(png, bytes | bytearray) or not png.startswith(SIGNATURE):
        raise ValueError("not a PNG: the signature is missing")
    found = []
    offset = len(SIGNATURE)
    while True:
        if offset + 8 > len(png):
            raise ValueError("truncated PNG: the file ends before IEND")
        length, kind = struct.unpack(">I4s", png[offset : offset + 8])
        if length > MAX_CHUNK_LENGTH:
            raise ValueError("malformed PNG: a chunk is longer than PNG allows")
        if not kind.isascii() or not kind.isalpha():
            raise ValueError("malformed PNG: a chunk type is not four letters")
        end = offset + 8 + length
        if end + 4 > len(png):
            raise ValueError("truncated PNG: a chunk runs past the end of the file")
        data = png[offset + 8 : end]
        (crc,) = struct.unpack(">I", png[end : end + 4])
        if zlib.crc32(kind + data) != crc:
            raise ValueError(f"malformed PNG: wrong CRC in the {kind.decode()} chunk")
        if not found and kind != b"IHDR":
            raise ValueError("malformed PNG: the first chunk is not IHDR")
        found.append((kind, bytes(data)))
        offset = end + 4
        if kind == b"IEND":
            return found


def chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _is_credential_chunk(kind: bytes, data: bytes) -> bool:
    return kind == b"iTXt" and data.split(b"\0", 1)[0] == KEYWORD


def bake(png: bytes, credential: dict) -> bytes:
    """The PNG with ``credential`` baked in: one uncompressed iTXt chunk
    ``openbadgecredential`` before IEND, replacing any such chunk it had."""
    text = json.dumps(credential, ensure_ascii=False, separators=(",", ":")).encode()
    # keyword, NUL, compression flag 0, compression method 0, empty language tag and
    # translated keyword (each NUL-terminated), then the UTF-8 text.
    itxt = KEYWORD + b"\0" + b"\0\0" + b"\0" + b"\0" + text
    kept = [(kind, data) for kind, data in chunks(png) if not _is_credential_chunk(kind, data)]
    body = b"".join(chunk(kind, data) for kind, data in kept[:-1])
    return SIGNATURE + body + chunk(b"iTXt", itxt) + chunk(*kept[-1])


def _itxt_text(data: bytes) -> bytes:
    """The text of an iTXt chunk, inflated (with a limit) if it was compressed."""
    try:
        _keyword, rest = data.split(b"\0", 1)
        flag, method, rest = rest[0], rest[1], rest[2:]
        _language, _translated, text = rest.split(b"\0", 2)
    except (ValueError, IndexError):
        raise ValueError("malformed PNG: an iTXt chunk is incomplete") from None
    if flag == 0:
        return text
    if flag != 1 or method != 0:
        raise ValueError("malformed PNG: unknown iTXt compression")
    inflater = zlib.decompressobj()
    try:
        inflated = inflater.decompress(text, MAX_TEXT_BYTES + 1)
    except zlib.error:
        raise ValueError("malformed PNG: the compressed credential cannot be inflated") from None
    if len(inflated) > MAX_TEXT_BYTES:
        raise ValueError("the compressed credential is too large")
    if not inflater.eof:
        raise ValueError("malformed PNG: the compressed credential is incomplete")
    return inflated


def unbake(png: bytes) -> dict | None:
    """The credential baked into a PNG, or None when it has none. Raises ValueError for a
    malformed PNG, more than one credential chunk, or a credential that is no JSON object
    (such as a compact JWS, which Spil does not issue)."""
    found = [data for kind, data in chunks(png) if _is_credential_chunk(kind, data)]
    if not found:
        return None
    if len(found) > 1:
        raise ValueError("more than one openbadgecredential chunk")
    text = _itxt_text(found[0])
    try:
        credential = json.loads(text.decode())
    except RecursionError:
        raise ValueError("the baked credential is nested too deeply") from None
    except ValueError:
        raise ValueError("the baked credential is not JSON") from None
    if not isinstance(credential, dict):
        raise ValueError("the baked credential is not a JSON object")
    return credential


def _font(name: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(str(FONTS / name), size)
    except OSError:
        return ImageFont.load_default(size)


def _wrapped(text: str, font, width: int, draw: ImageDraw.ImageDraw, *, cut_words: bool) -> list[str] | None:
    """``text`` in lines of at most ``width`` pixels. A word longer than a line is cut with
    a hyphen when ``cut_words``; otherwise such a word gives None."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(candidate, font=font) <= width:
            lines[-1] = candidate
            continue
        while draw.textlength(word, font=font) > width and len(word) > 1:
            if not cut_words:
                return None
            cut = len(word) - 1
            while cut > 1 and draw.textlength(word[:cut] + "-", font=font) > width:
                cut -= 1
            lines.append(word[:cut] + "-")
            word = word[cut:]
        lines.append(word)
    return lines


def _achievement_lines(achievement: str, draw: ImageDraw.ImageDraw, *, width: int, height: int):
    """The font, line height and lines for the achievement: the largest size at which it
    fits without cutting a word; else the smallest size, words cut and the rest left off
    with an ellipsis."""
    sizes = (26, 23, 20, 18)
    for points in sizes:
        font = _font("DejaVuSans-Bold.ttf", points * SCALE)
        line_height = round(points * 1.3 * SCALE)
        lines = _wrapped(achievement, font, width, draw, cut_words=points == sizes[-1])
        if lines is not None and len(lines) * line_height <= height:
            return font, line_height, lines
    fitting = max(1, height // line_height)
    if len(lines) > fitting:
        lines = lines[:fitting]
        while len(lines[-1]) > 1 and draw.textlength(lines[-1] + "…", font=font) > width:
            lines[-1] = lines[-1][:-1]
        lines[-1] = lines[-1].rstrip(" -") + "…"
    return font, line_height, lines


def badge_image(*, achievement: str, accent_colour: str, issued_at: datetime.datetime) -> bytes:
    """A square PNG: a disc in ``accent_colour`` with "Spil", the achievement (wrapped, the
    font smaller for a long name, cut off with an ellipsis when it still does not fit) and
    the year of issue, in white."""
    size = SIZE * SCALE
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    margin = 8 * SCALE
    draw.ellipse((margin, margin, size - margin, size - margin), fill=accent_colour)
    ring = 22 * SCALE
    draw.ellipse((ring, ring, size - ring, size - ring), outline="white", width=3 * SCALE)
    centre = size // 2
    draw.text((centre, 100 * SCALE), "Spil", font=_font("DejaVuSans-Bold.ttf", 46 * SCALE), fill="white", anchor="mm")
    draw.line((150 * SCALE, 134 * SCALE, 250 * SCALE, 134 * SCALE), fill="white", width=2 * SCALE)

    # The achievement, centred in the band between the line and the year.
    band_top, band_bottom = 148 * SCALE, 300 * SCALE
    font, line_height, lines = _achievement_lines(achievement, draw, width=260 * SCALE, height=band_bottom - band_top)
    top = (band_top + band_bottom - len(lines) * line_height) // 2 + line_height // 2
    for number, line in enumerate(lines):
        draw.text((centre, top + number * line_height), line, font=font, fill="white", anchor="mm")
    year = str(timezone.localtime(issued_at).year)
    draw.text((centre, 326 * SCALE), year, font=_font("DejaVuSans.ttf", 20 * SCALE), fill="white", anchor="mm")

    output = BytesIO()
    image.resize((SIZE, SIZE), Image.Resampling.LANCZOS).save(output, format="PNG", optimize=True)
    return output.getvalue()


def baked_badge(certificate) -> bytes:
    """The certificate's badge image with its signed credential baked in."""
    png = badge_image(
        achievement=certificate.achievement,
        accent_colour=certificate.template.accent_colour,
        issued_at=certificate.issued_at,
    )
    return bake(png, openbadges.credential_for(certificate))
