import wagtail_factories

from cms.models import ContentPage


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContentPage

    title = "Over Spil"
    introduction = "Wat Spil is en voor wie."
