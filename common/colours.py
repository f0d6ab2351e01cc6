"""Colour contrast after WCAG 2.1: relative luminance and contrast ratio of sRGB colours."""

import math
import re

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext as _

HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
WHITE = "#ffffff"
# WCAG 2.1 success criterion 1.4.3 (AA) for normal text.
MINIMUM_CONTRAST = 4.5


def relative_luminance(colour: str) -> float:
    """The relative luminance of a #rrggbb colour, from 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(int(colour[i : i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """From 1 (the same colour) to 21 (black against white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_contrast_with_white(colour: str) -> None:
    """Refuse a colour that is too light to read against white, or white text on it. A value
    that is no #rrggbb colour is left to the field's format validator."""
    if not HEX_COLOUR.match(colour or ""):
        return
    ratio = contrast_ratio(colour, WHITE)
    if ratio < MINIMUM_CONTRAST:
        # Rounded down, so a refused colour never reads as 4,5:1.
        shown = formats.number_format(math.floor(ratio * 10) / 10, decimal_pos=1)
        raise ValidationError(
            _(
                "De kleur %(colour)s is te licht: tegen wit is het contrast %(ratio)s:1 en dat moet minstens "
                "%(minimum)s:1 zijn, anders is de tekst slecht te lezen. Kies een donkerdere kleur."
            )
            % {"colour": colour, "ratio": shown, "minimum": formats.number_format(MINIMUM_CONTRAST, decimal_pos=1)},
            code="low_contrast",
        )
