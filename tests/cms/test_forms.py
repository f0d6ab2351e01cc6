"""The site's form rendering: NL Design System classes on inputs, not on their groups."""

from django import forms

DAYS = [("ma", "Maandag"), ("di", "Dinsdag")]


class ChoiceForm(forms.Form):
    decision = forms.ChoiceField(choices=[("ja", "Ja"), ("nee", "Nee")], widget=forms.RadioSelect)
    days = forms.MultipleChoiceField(choices=DAYS, widget=forms.CheckboxSelectMultiple)


def test_each_radio_and_checkbox_carries_the_component_class_and_the_group_does_not():
    html = str(ChoiceForm())
    assert '<div id="id_decision" class="spil-choices">' in html
    assert '<div id="id_days" class="spil-choices">' in html
    assert html.count('class="utrecht-radio-button utrecht-radio-button--html-input"') == 2
    assert html.count('class="utrecht-checkbox utrecht-checkbox--html-input"') == 2
