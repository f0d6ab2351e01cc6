"""The blocks a module is built from: the shared content blocks plus an on-the-job
assignment with a reflection, and a knowledge check."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from common.blocks import BaseStreamBlock


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Linktekst"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        template = "components/streamfield/document_block.html"
        description = _("Een document om te downloaden, zoals een sjabloon of reader")


class AssignmentBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=200)
    instructions = blocks.RichTextBlock(label=_("Opdracht"), features=["bold", "italic", "link", "ol", "ul"])
    reflection_prompt = blocks.CharBlock(
        label=_("Reflectievraag"), max_length=300, help_text=_("De deelnemer beantwoordt deze vraag om af te ronden.")
    )

    class Meta:
        icon = "tasks"
        template = "components/streamfield/assignment_block.html"
        description = _("Een opdracht in je eigen werk, met een reflectievraag")
        preview_value = {
            "title": "Oefen in je eigen overleg",
            "instructions": "<p>Notuleer het eerstvolgende teamoverleg met een actielijst.</p>",
            "reflection_prompt": "Wat ging goed en wat doe je volgende keer anders?",
        }


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Antwoord"), max_length=300)
    correct = blocks.BooleanBlock(label=_("Dit is het goede antwoord"), required=False)


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Vraag"), max_length=500)
    choices = blocks.ListBlock(ChoiceBlock(), label=_("Antwoorden"), min_num=2)
    explanation = blocks.TextBlock(label=_("Uitleg"), help_text=_("Getoond na het antwoorden."))

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for choice in value["choices"] if choice["correct"]) != 1:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Markeer precies één antwoord als het goede."))}
            )
        return value


class KnowledgeCheckBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titel"), max_length=200, default=_("Kennischeck"))
    pass_mark = blocks.IntegerBlock(label=_("Geslaagd vanaf (%)"), min_value=0, max_value=100, default=70)
    questions = blocks.ListBlock(QuestionBlock(), label=_("Vragen"), min_num=1)

    class Meta:
        icon = "help"
        template = "components/streamfield/knowledge_check_block.html"
        description = _("Meerkeuzevragen met uitleg; de module is pas af als de check gehaald is")


class ModuleStreamBlock(BaseStreamBlock):
    document = DocumentBlock()
    assignment = AssignmentBlock()
    knowledge_check = KnowledgeCheckBlock()
