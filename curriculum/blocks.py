"""The blocks a module is built from: the shared content blocks plus an on-the-job
assignment with a reflection, and a knowledge check."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock

from common.blocks import BaseStreamBlock


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(
        label=_("Document"), help_text=_("Kies een document uit de bibliotheek of upload er een.")
    )
    title = blocks.CharBlock(
        label=_("Linktekst"),
        required=False,
        max_length=200,
        help_text=_("Wat de deelnemer downloadt, bijvoorbeeld 'Sjabloon actielijst'. Leeg: de naam van het document."),
    )

    class Meta:
        label = _("Document")
        icon = "doc-full"
        template = "components/streamfield/document_block.html"
        description = _("Een document om te downloaden, zoals een sjabloon of reader")


class AssignmentBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Titel van de opdracht"),
        max_length=200,
        help_text=_("Waar de opdracht over gaat, in een paar woorden."),
    )
    instructions = blocks.RichTextBlock(
        label=_("Opdracht"),
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Wat de deelnemer in het eigen werk doet, stap voor stap."),
    )
    reflection_prompt = blocks.CharBlock(
        label=_("Reflectievraag"), max_length=300, help_text=_("De deelnemer beantwoordt deze vraag om af te ronden.")
    )

    class Meta:
        label = _("Praktijkopdracht")
        icon = "tasks"
        template = "components/streamfield/assignment_block.html"
        description = _("Een opdracht in je eigen werk, met een reflectievraag")
        label_format = "{title}"
        preview_value = {
            "title": "Oefen in je eigen overleg",
            "instructions": "<p>Notuleer het eerstvolgende teamoverleg met een actielijst.</p>",
            "reflection_prompt": "Wat ging goed en wat doe je volgende keer anders?",
        }


class ChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Antwoord"), max_length=300, help_text=_("Eén antwoord waaruit de deelnemer kiest.")
    )
    correct = blocks.BooleanBlock(
        label=_("Dit is het goede antwoord"),
        required=False,
        help_text=_("Vink bij elke vraag precies één antwoord aan."),
    )

    class Meta:
        label = _("Antwoordmogelijkheid")
        icon = "radio-full"
        label_format = "{text}"


EMPTY_CHOICE = {"text": "", "correct": False}


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        label=_("Vraag"), max_length=500, help_text=_("Eén vraag over de stof van deze module.")
    )
    choices = blocks.ListBlock(
        ChoiceBlock(),
        label=_("Antwoorden"),
        min_num=2,
        default=[EMPTY_CHOICE, EMPTY_CHOICE],
        help_text=_("Minstens twee antwoorden, waarvan precies één goed is."),
    )
    explanation = blocks.TextBlock(
        label=_("Uitleg"), help_text=_("Getoond na het antwoorden: waarom het goede antwoord goed is.")
    )

    class Meta:
        label = _("Meerkeuzevraag")
        icon = "help"
        label_format = "{question}"

    def clean(self, value):
        value = super().clean(value)
        if sum(1 for choice in value["choices"] if choice["correct"]) != 1:
            raise StructBlockValidationError(
                block_errors={"choices": ValidationError(_("Markeer precies één antwoord als het goede."))}
            )
        return value


class KnowledgeCheckBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Titel van de kennischeck"),
        max_length=200,
        default=_("Kennischeck"),
        help_text=_("Staat boven de vragen, bijvoorbeeld 'Kennischeck actielijsten'."),
    )
    pass_mark = blocks.IntegerBlock(
        label=_("Geslaagd vanaf (%)"),
        min_value=0,
        max_value=100,
        default=70,
        help_text=_("Hoeveel procent van de vragen de deelnemer goed moet hebben om de module af te ronden."),
    )
    questions = blocks.ListBlock(
        QuestionBlock(),
        label=_("Vragen"),
        min_num=1,
        help_text=_("De deelnemer beantwoordt alle vragen en ziet daarna de uitleg."),
    )

    class Meta:
        label = _("Kennischeck")
        icon = "help"
        template = "components/streamfield/knowledge_check_block.html"
        description = _("Meerkeuzevragen met uitleg; de module is pas af als de check gehaald is")
        label_format = "{title}"


class ModuleStreamBlock(BaseStreamBlock):
    document = DocumentBlock()
    assignment = AssignmentBlock()
    knowledge_check = KnowledgeCheckBlock()
