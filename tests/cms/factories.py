import wagtail_factories
from wagtail.models import Page

from cms.models import ContentPage, HomePage
from cms.services import ensure_site


class TreePageFactory(wagtail_factories.PageFactory):
    """A page factory that, given no parent, puts the page where the page tree allows it:
    under a page of ``_parent_factory`` (under the root when that is None). A parent of which
    one may stand in its place (``max_count`` or ``max_count_per_parent`` of 1) is the one
    there is, made when missing; any other parent is a new one."""

    _parent_factory: type["TreePageFactory"] | None = None

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if kwargs.get("parent") is None:
            kwargs["parent"] = cls._default_parent()
        return super()._create(model_class, *args, **kwargs)

    @classmethod
    def _default_parent(cls) -> Page:
        if cls._parent_factory is None:
            return Page.get_first_root_node()
        return cls._parent_factory.in_tree()

    @classmethod
    def in_tree(cls) -> Page:
        """A page of this factory's type in its place in the tree, to hold another page."""
        model = cls._meta.model
        if 1 not in (model.max_count, model.max_count_per_parent):
            return cls()
        parent = cls._default_parent()
        return model.objects.child_of(parent).first() or cls(parent=parent)


class HomePageFactory(TreePageFactory):
    class Meta:
        model = HomePage

    title = "Spil"
    introduction = "Leren en groeien als projectondersteuner, PMO'er of managementondersteuner."

    @classmethod
    def in_tree(cls) -> Page:
        """The site's home page, as the site has it (with its Site and locales)."""
        return ensure_site()


class ContentPageFactory(TreePageFactory):
    _parent_factory = HomePageFactory

    class Meta:
        model = ContentPage

    title = "Over Spil"
    introduction = "Wat Spil is en voor wie."
