"""Site-wide form rendering with the NL Design System form components.

Every Django form on the public site renders its fields through
``components/forms/field.html``; the bound field adds the component classes and the
ARIA attributes that tie an input to its description and error message.
"""

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting

WIDGET_CLASSES = {
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.RadioSelect: "utrecht-radio-button utrecht-radio-button--html-input",
    forms.CheckboxSelectMultiple: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.widgets.Input: "utrecht-textbox utrecht-textbox--html-input",
}


def widget_css_class(widget: forms.Widget) -> str:
    for widget_type in type(widget).__mro__:
        if widget_type in WIDGET_CLASSES:
            return WIDGET_CLASSES[widget_type]
    return ""


class SpilBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        if isinstance(widget, forms.HiddenInput):
            return attrs
        classes = [widget_css_class(widget), attrs.get("class", "")]
        if self.errors:
            attrs["aria-invalid"] = "true"
            classes.append("utrecht-textbox--invalid")
            described_by = attrs.get("aria-describedby", "").split()
            described_by.append(f"{self.auto_id}_error")
            attrs["aria-describedby"] = " ".join(described_by)
        attrs["class"] = " ".join(c for c in classes if c)
        return attrs


class SpilFormRenderer(TemplatesSetting):
    form_template_name = "components/forms/form.html"
    field_template_name = "components/forms/field.html"
    bound_field_class = SpilBoundField
