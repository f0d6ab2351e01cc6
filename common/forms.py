"""Form fields shared by every app."""

from django import forms
from django.core.exceptions import ValidationError

# The largest id a bigint primary key can hold; PostgreSQL and SQLite refuse larger numbers
# with an error instead of finding nothing.
MAX_ID = 2**63 - 1


class ModelChoiceField(forms.ModelChoiceField):
    """For models with integer ids: Django's ModelChoiceField that refuses a submitted id
    which is not a whole number in the database's range, with the field's own "not one of
    the choices" message, before it queries. Django checks the range for plain integer fields but not for a page's id (a
    one-to-one key), so "9999999999999999999999" would otherwise be a server error."""

    def to_python(self, value):
        if self.to_field_name is None and isinstance(value, str | int) and value not in self.empty_values:
            text = str(value).strip()
            if not (text.isascii() and text.isdigit() and int(text) <= MAX_ID):
                raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class ColourInput(forms.TextInput):
    """The browser's colour picker; it submits the chosen colour as #rrggbb."""

    input_type = "color"
