import pytest
from django.core.exceptions import ValidationError

from common.forms import ModelChoiceField
from people.models import Organisation
from tests.people.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["9" * 30, str(2**63), "-1", "1.5", "true", "\u0661", "1e3", "0x10", "x"])
def test_ids_that_cannot_exist_are_an_invalid_choice_not_a_database_error(value):
    field = ModelChoiceField(queryset=Organisation.objects.all(), required=False)
    with pytest.raises(ValidationError) as refused:
        field.clean(value)
    assert refused.value.code == "invalid_choice"


def test_a_real_id_still_finds_its_object():
    organisation = OrganisationFactory()
    field = ModelChoiceField(queryset=Organisation.objects.all())
    assert field.clean(str(organisation.pk)) == organisation
    assert field.clean(organisation.pk) == organisation
    assert ModelChoiceField(queryset=Organisation.objects.all(), required=False).clean("") is None
