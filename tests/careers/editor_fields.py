"""The fields an editor fills in the Wagtail admin, found from a model's panels (or all its
fields when it has none, as the admin then shows them all), so a
test can hold every one of them to the same rules (a Dutch, translatable label and a help
text)."""

from collections.abc import Iterator

from django.db.models import Field
from django.utils.functional import Promise
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Page


def editor_fields(model) -> list[Field]:
    """The model fields in the model's panels and in the panels of its inline rows; not the
    ones Wagtail's Page brings (title, slug and the like)."""
    if issubclass(model, Page):
        return list(_walk(model, model.content_panels))
    if hasattr(model, "panels"):
        return list(_walk(model, model.panels))
    return [field for field in model._meta.concrete_fields if field.editable and not field.primary_key]


def _walk(model, panels) -> Iterator[Field]:
    for panel in panels:
        if isinstance(panel, InlinePanel):
            child = model._meta.get_field(panel.relation_name).related_model
            yield from _walk(child, child.panels)
        elif isinstance(panel, FieldPanel):
            field = model._meta.get_field(panel.field_name)
            if field.model is not Page:
                yield field
        elif hasattr(panel, "children"):
            yield from _walk(model, panel.children)
        # else: a placeholder for one of the Page's own panels


def problems_of(field: Field) -> list[str]:
    name = f"{field.model.__name__}.{field.name}"
    problems = []
    if not isinstance(field.verbose_name, Promise):
        problems.append(f"{name}: the label is not translatable")
    if not field.help_text:
        problems.append(f"{name}: no help text")
    elif not isinstance(field.help_text, Promise):
        problems.append(f"{name}: the help text is not translatable")
    return problems
