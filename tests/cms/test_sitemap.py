"""/sitemap.xml lists the public pages, at the address people use (SITE_URL)."""

import pytest
from wagtail.models import PageViewRestriction

from cms.models import ContentPage

pytestmark = pytest.mark.django_db


def test_the_sitemap_lists_live_public_pages_at_the_site_address(client, home_page, settings):
    draft = home_page.add_child(instance=ContentPage(title="Concept", slug="concept", live=False))
    private = home_page.add_child(instance=ContentPage(title="Intern", slug="intern"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    body = response.content.decode()
    assert f"<loc>{settings.SITE_URL}/</loc>" in body
    assert f"<loc>{settings.SITE_URL}/toegankelijkheid/</loc>" in body
    assert draft.slug not in body
    assert private.slug not in body
