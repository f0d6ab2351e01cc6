"""Baked badges: Open Badges 3.0 PNG baking, read back carefully, and the badge image view."""

import io
import json
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from certificates import baking, openbadges, services

CREDENTIAL = {"@context": ["https://www.w3.org/ns/credentials/v2"], "name": "Plannen & rapporteren", "proof": {}}


@pytest.fixture(scope="module")
def png() -> bytes:
    return baking.badge_image(
        achievement="Risicomanagement voor de PMO", accent_colour="#24578f", issued_at=timezone.now()
    )


def chunk_types(data: bytes) -> list[bytes]:
    return [kind for kind, _ in baking.chunks(data)]


def credential_chunks(data: bytes) -> list[bytes]:
    return [body for kind, body in baking.chunks(data) if kind == b"iTXt" and body.startswith(b"openbadgecredential\0")]


def itxt(keyword: bytes, text: bytes, *, compressed: bool = False) -> bytes:
    flag = b"\1\0" if compressed else b"\0\0"
    return baking.chunk(b"iTXt", keyword + b"\0" + flag + b"\0\0" + text)


def with_chunks(png: bytes, *extra: bytes) -> bytes:
    """``png`` with ``extra`` chunks inserted just before IEND (the last 12 bytes)."""
    return png[:-12] + b"".join(extra) + png[-12:]


def test_round_trip(png):
    baked = baking.bake(png, CREDENTIAL)
    assert baking.unbake(baked) == CREDENTIAL
    types = chunk_types(baked)
    assert types[0] == b"IHDR"
    assert types[-2:] == [b"iTXt", b"IEND"], "the credential goes just before IEND"
    (body,) = credential_chunks(baked)
    assert body == (
        b"openbadgecredential\0"
        + b"\0\0"  # not compressed, compression method 0
        + b"\0\0"  # no language tag, no translated keyword
        + json.dumps(CREDENTIAL, separators=(",", ":"), ensure_ascii=False).encode()
    )
    image = Image.open(io.BytesIO(baked))
    image.verify()
    assert Image.open(io.BytesIO(baked)).size == (400, 400)


def test_baking_again_replaces_the_credential(png):
    once = baking.bake(png, CREDENTIAL)
    twice = baking.bake(once, {"name": "Een ander"})
    assert len(credential_chunks(twice)) == 1
    assert baking.unbake(twice) == {"name": "Een ander"}
    assert baking.bake(twice, CREDENTIAL) == once


def test_other_text_chunks_stay(png):
    other = itxt(b"Comment", b"Gemaakt door Spil")
    baked = baking.bake(with_chunks(png, other), CREDENTIAL)
    assert other in baked
    assert baking.unbake(baked) == CREDENTIAL


def test_a_png_without_credential_gives_none(png):
    assert baking.unbake(png) is None
    assert baking.unbake(with_chunks(png, itxt(b"openbadges", b"https://example.org/assertion"))) is None


def test_a_compressed_credential_is_read_within_a_limit(png):
    text = json.dumps(CREDENTIAL).encode()
    assert baking.unbake(with_chunks(png, itxt(b"openbadgecredential", zlib.compress(text), compressed=True))) == (
        CREDENTIAL
    )
    bomb = zlib.compress(b" " * (baking.MAX_TEXT_BYTES + 1) + text, 9)
    with pytest.raises(ValueError, match="too large"):
        baking.unbake(with_chunks(png, itxt(b"openbadgecredential", bomb, compressed=True)))


def damaged(png: bytes) -> dict[str, bytes]:
    baked = baking.bake(png, CREDENTIAL)
    ihdr_end = 8 + 8 + 13 + 4
    bad_crc = bytearray(baked)
    bad_crc[ihdr_end - 1] ^= 0x01
    flipped_data = bytearray(baked)
    flipped_data[baked.index(b"IDAT") + 20] ^= 0xFF
    huge_length = baked[:ihdr_end] + struct.pack(">I", 0xFFFFFFFF) + b"IDAT" + b"\0" * 16
    longer_than_file = baked[:ihdr_end] + struct.pack(">I", 1000) + b"IDAT" + b"\0" * 16
    return {
        "empty": (b"", "not a PNG"),
        "not-a-png": (b"GIF89a" + baked[6:], "not a PNG"),
        "signature-only": (baking.SIGNATURE, "truncated PNG"),
        "half-a-chunk-header": (baked[:12], "truncated PNG"),
        "truncated-in-idat": (baked[: len(baked) // 2], "truncated PNG"),
        "without-iend": (baked[:-12], "truncated PNG"),
        "iend-cut": (baked[:-2], "truncated PNG"),
        "bad-crc-in-ihdr": (bytes(bad_crc), "wrong CRC in the IHDR chunk"),
        "bad-crc-in-idat": (bytes(flipped_data), "wrong CRC in the IDAT chunk"),
        "length-beyond-png-limit": (huge_length, "longer than PNG allows"),
        "length-beyond-file": (longer_than_file, "truncated PNG"),
        "type-not-letters": (baked[:ihdr_end] + baking.chunk(b"ID\x00T", b"x") + baked[ihdr_end:], "four letters"),
        "first-chunk-not-ihdr": (baking.SIGNATURE + baking.chunk(b"tEXt", b"a\0b") + baked[8:], "not IHDR"),
        "two-credentials": (with_chunks(baked, itxt(b"openbadgecredential", b"{}")), "more than one"),
        "credential-a-jws": (
            with_chunks(png, itxt(b"openbadgecredential", b"eyJhbGciOiJFZERTQSJ9.e30.c2ln")),
            "not JSON",
        ),
        "credential-an-array": (with_chunks(png, itxt(b"openbadgecredential", b"[1, 2]")), "not a JSON object"),
        "credential-not-utf8": (with_chunks(png, itxt(b"openbadgecredential", b'{"a": "\xff"}')), "not JSON"),
        "credential-too-deep": (
            with_chunks(png, itxt(b"openbadgecredential", b"[" * 100_000 + b"]" * 100_000)),
            "nested too deeply",
        ),
        "itxt-incomplete": (with_chunks(png, baking.chunk(b"iTXt", b"openbadgecredential\0")), "incomplete"),
        "unknown-compression": (
            with_chunks(png, baking.chunk(b"iTXt", b"openbadgecredential\0\1\7\0\0x")),
            "unknown iTXt compression",
        ),
        "compressed-garbage": (
            with_chunks(png, itxt(b"openbadgecredential", b"not zlib", compressed=True)),
            "cannot be inflated",
        ),
        "compressed-cut": (
            with_chunks(png, itxt(b"openbadgecredential", zlib.compress(b'{"name": "x"}')[:-6], compressed=True)),
            "incomplete",
        ),
    }


CASES = [
    "empty",
    "not-a-png",
    "signature-only",
    "half-a-chunk-header",
    "truncated-in-idat",
    "without-iend",
    "iend-cut",
    "bad-crc-in-ihdr",
    "bad-crc-in-idat",
    "length-beyond-png-limit",
    "length-beyond-file",
    "type-not-letters",
    "first-chunk-not-ihdr",
    "two-credentials",
    "credential-a-jws",
    "credential-an-array",
    "credential-not-utf8",
    "credential-too-deep",
    "itxt-incomplete",
    "unknown-compression",
    "compressed-garbage",
    "compressed-cut",
]


@pytest.mark.parametrize("case", CASES)
def test_malformed_pngs_are_refused(png, case):
    data, reason = damaged(png)[case]
    with pytest.raises(ValueError, match=reason):
        baking.unbake(data)


@pytest.mark.parametrize("case", ["not-a-png", "truncated-in-idat", "bad-crc-in-idat", "length-beyond-file"])
def test_bake_refuses_a_malformed_png(png, case):
    data, reason = damaged(png)[case]
    with pytest.raises(ValueError, match=reason):
        baking.bake(data, CREDENTIAL)


def test_every_cut_of_a_baked_png_is_refused(png):
    baked = baking.bake(png, CREDENTIAL)
    for end in range(0, len(baked), 97):
        with pytest.raises(ValueError, match=r"not a PNG|truncated PNG"):
            baking.unbake(baked[:end])


def test_trailing_bytes_after_iend_are_ignored(png):
    baked = baking.bake(png, CREDENTIAL)
    assert baking.unbake(baked + b"rommel") == CREDENTIAL
    assert baking.bake(baked + b"rommel", CREDENTIAL) == baked


@pytest.mark.parametrize(
    "achievement",
    [
        "",
        "PMO",
        "Ondersteuningsmedewerkerprogrammamanagementbureauuitvoeringsorganisatie",
        " ".join(["Projectondersteuning op tactisch niveau"] * 8),
        "Ĳsselmeer, ça va? 日本語 🎓",
    ],
)
def test_any_achievement_gives_a_badge(achievement):
    image = Image.open(
        io.BytesIO(baking.badge_image(achievement=achievement, accent_colour="#7a1f5c", issued_at=timezone.now()))
    )
    assert image.format == "PNG"
    assert image.size == (400, 400)
    assert image.getpixel((200, 200))[3] == 255, "the disc is opaque"
    assert image.getpixel((1, 1))[3] == 0, "the corners are transparent"


def test_without_dejavu_the_default_font_is_used(monkeypatch, tmp_path):
    monkeypatch.setattr(baking, "FONTS", tmp_path)
    data = baking.badge_image(
        achievement="Risicomanagement voor de PMO", accent_colour="#24578f", issued_at=timezone.now()
    )
    assert Image.open(io.BytesIO(data)).size == (400, 400)


@pytest.fixture
def certificate(world):
    return services.issue(user=world["anna"], track=world["track"], source_key="bake-1")


@pytest.mark.django_db
def test_the_badge_image_carries_the_signed_credential(client, certificate):
    certificate.template.accent_colour = "#7a1f5c"
    certificate.template.save()
    response = client.get(f"/certificates/badge/{certificate.token}/image.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert "Content-Disposition" not in response
    assert baking.unbake(response.content) == openbadges.credential_for(certificate)
    image = Image.open(io.BytesIO(response.content)).convert("RGBA")
    assert image.getpixel((30, 200))[:3] == (0x7A, 0x1F, 0x5C), "the template's accent colour"


@pytest.mark.django_db
def test_the_badge_image_downloads_under_the_certificate_number(client, certificate):
    response = client.get(f"/certificates/badge/{certificate.token}/image.png?download=1")
    assert response["Content-Disposition"] == f'attachment; filename="{certificate.number}.png"'


@pytest.mark.django_db
@pytest.mark.parametrize("token", ["onbekend-maar-lang-genoeg-123", "kort", "a" * 80])
def test_an_unknown_badge_image_is_404(client, certificate, token):
    assert client.get(f"/certificates/badge/{token}/image.png").status_code == 404


@pytest.mark.django_db
def test_a_baked_badge_uploaded_to_the_check_gives_the_verdict(client, certificate):
    baked = client.get(f"/certificates/badge/{certificate.token}/image.png").content
    upload = SimpleUploadedFile(f"{certificate.number}.png", baked, "image/png")
    response = client.post("/certificates/verify/credential/", {"credential_file": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>Echt en geldig.</strong>" in html
    assert "Anna de Vries" in html


@pytest.mark.django_db
def test_a_badge_baked_with_a_tampered_credential_is_not_trusted(client, certificate):
    credential = openbadges.credential_for(certificate)
    credential["credentialSubject"]["achievement"]["name"] = "Iets anders"
    baked = baking.bake(baking.baked_badge(certificate), credential)
    upload = SimpleUploadedFile("badge.png", baked, "image/png")
    html = client.post("/certificates/verify/credential/", {"credential_file": upload}).content.decode()
    assert "<strong>Niet te vertrouwen.</strong>" in html
