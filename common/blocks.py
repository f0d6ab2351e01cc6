"""StreamField blocks shared by every content page of the site."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import blocks as image_blocks


class ImageBlock(image_blocks.ImageBlock):
    """Wagtail's image block with alt text. Its image chooser has no label of its own, so the
    admin would show the English "Image": this one says what to do in Dutch."""

    def __init__(self, required=True, **kwargs):
        super().__init__(required=required, **kwargs)
        self.child_blocks["image"].label = _("Afbeelding")
        self.child_blocks["image"].meta.help_text = _("Kies een afbeelding uit de bibliotheek of upload er een.")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("Tekst"), max_length=200, help_text=_("Kort: waar gaat het volgende deel van de pagina over?")
    )
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Kop 2")), ("h3", _("Kop 3")), ("h4", _("Kop 4"))],
        default="h2",
        help_text=_("Kop 2 begint een nieuw deel; kop 3 en 4 zijn onderdelen daarvan."),
    )

    class Meta:
        label = _("Tussenkop")
        icon = "title"
        template = "components/streamfield/heading_block.html"
        description = _("Een tussenkop die de pagina in delen verdeelt")
        preview_value = {"text": "Wat je hier leert", "level": "h2"}


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Soort"),
        choices=[("info", _("Informatie")), ("tip", _("Tip")), ("warning", _("Let op"))],
        default="info",
        help_text=_("Bepaalt de kleur en het pictogram van het kader."),
    )
    title = blocks.CharBlock(
        label=_("Titel"), max_length=120, help_text=_("De kop van het kader, in een paar woorden.")
    )
    text = blocks.RichTextBlock(
        label=_("Tekst"),
        features=["bold", "italic", "link", "ul"],
        help_text=_("Houd het kort: een kader valt op omdat het klein is."),
    )

    class Meta:
        label = _("Kader")
        icon = "warning"
        template = "components/streamfield/callout_block.html"
        description = _("Een opvallend kader voor een tip of waarschuwing")
        preview_value = {
            "kind": "tip",
            "title": "Tip",
            "text": "<p>Begin met de actielijst van de vorige vergadering.</p>",
        }


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Citaat"), help_text=_("De letterlijke woorden, zonder aanhalingstekens."))
    attribution = blocks.CharBlock(
        label=_("Bron"),
        required=False,
        max_length=200,
        help_text=_("Wie het zei, bijvoorbeeld een functie en een organisatie."),
    )

    class Meta:
        label = _("Citaat")
        icon = "openquote"
        template = "components/streamfield/quote_block.html"
        description = _("Een citaat met bron")
        preview_value = {
            "text": "Ik ben de spil in het web van ons programma.",
            "attribution": "Projectondersteuner, gemeente",
        }


class LinkCardBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Titel"),
        max_length=120,
        help_text=_("De kop van de kaart; deze verwijst naar de pagina of het webadres."),
    )
    text = blocks.TextBlock(
        label=_("Korte tekst"), required=False, help_text=_("Een zin over wat je op de andere pagina vindt.")
    )
    page = blocks.PageChooserBlock(
        label=_("Pagina"), required=False, help_text=_("Een pagina van Spil. Kies deze of vul een webadres in.")
    )
    url = blocks.URLBlock(
        label=_("Of een webadres"), required=False, help_text=_("Alleen voor een pagina buiten Spil.")
    )

    class Meta:
        label = _("Kaart")
        icon = "link"
        template = "components/streamfield/link_card_block.html"
        description = _("Een kaart die naar een andere pagina verwijst")
        preview_value = {"title": "Functieprofielen", "text": "Bekijk wat elke rol vraagt."}


class LinkCardsBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(LinkCardBlock(), **kwargs)

    class Meta:
        icon = "list-ul"
        template = "components/streamfield/link_cards_block.html"
        description = _("Een rij kaarten met verwijzingen")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Alinea"),
        icon="pilcrow",
        template="components/streamfield/paragraph_block.html",
        description=_("Tekst met opmaak en links"),
        preview_value="<p>Spil helpt projectondersteuners en PMO'ers verder.</p>",
    )
    image = ImageBlock(
        label=_("Afbeelding"),
        template="components/streamfield/image_block.html",
        description=_("Een afbeelding met beschrijving voor schermlezers"),
    )
    callout = CalloutBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(
        label=_("Video of insluiting"),
        icon="media",
        template="components/streamfield/embed_block.html",
        description=_("Een video of andere insluiting via een webadres"),
    )
    cards = LinkCardsBlock(label=_("Kaarten"))
