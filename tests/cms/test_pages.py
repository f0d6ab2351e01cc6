import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from cms.models import ContentPage, HomePage
from cms.services import ensure_site

pytestmark = pytest.mark.django_db


class TestPageTree(WagtailPageTestCase):
    def test_home_page_lives_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(ContentPage, HomePage)

    def test_content_pages_live_under_home_or_content(self):
        self.assertCanCreateAt(HomePage, ContentPage)
        self.assertCanCreateAt(ContentPage, ContentPage)
        self.assertCanNotCreateAt(Page, ContentPage)


def test_ensure_site_is_idempotent():
    first = ensure_site()
    second = ensure_site()
    assert first.pk == second.pk
    assert HomePage.objects.count() == 1
    assert ContentPage.objects.filter(slug="toegankelijkheid").count() == 1
    assert first.get_site().is_default_site


def test_ensure_site_rebuilds_an_empty_page_tree():
    Page.objects.all().delete()
    home = ensure_site()
    assert home.get_parent().is_root()


def test_home_page_renders_with_a_fixed_number_of_queries(client, home_page, django_assert_max_num_queries):
    for n in range(8):
        home_page.add_child(instance=ContentPage(title=f"Pagina {n}", slug=f"pagina-{n}", show_in_menus=True))
    with django_assert_max_num_queries(9):  # the first after a change: the tree is walked, the menu rendered
        response = client.get("/")
    assert response.status_code == 200
    with django_assert_max_num_queries(4):  # then the route and the menu are kept
        response = client.get("/")
    assert response.status_code == 200
    assert response.content.count(b"utrecht-nav-list__link") == 9


def test_accessibility_statement_is_served_at_its_fixed_address(client, home_page):
    response = client.get("/toegankelijkheid/")
    assert response.status_code == 200
    assert "WCAG 2.1" in response.content.decode()


def test_unknown_page_is_a_404_in_the_site_layout(client, home_page):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert b"Direct naar de inhoud" in response.content
