"""Pieces for the Wagtail admin screens of every app."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import InspectView as WagtailInspectView


class YesNoColumn(Column):
    """A yes/no field as 'Ja' or 'Nee'. Wagtail's BooleanColumn shows an icon whose text for
    screen readers is Python's 'True' or 'False', in English."""

    def get_value(self, instance):
        value = super().get_value(instance)
        if value is None:
            return ""
        return _("Ja") if value else _("Nee")


class InspectView(WagtailInspectView):
    """Wagtail's inspect view, with an empty value shown as a dash where Wagtail shows
    Python's 'None'."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "-" if value is None else value
