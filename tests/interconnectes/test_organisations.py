"""Organisations in the admin: member years and e-mail domains as inlines; a domain another organisation
declared is refused next to the field, in French, and nothing is saved."""

import html

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from interconnectes.models import EmailDomain, MemberYear, Organisation
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def form(name, domains, years):
    return nested_form_data({"name": name, "kind": "metropole", "region": "", "siren": "", "website": "",
                             "member_years": inline_formset([{"year": year} for year in years]),
                             "email_domains": inline_formset([{"domain": domain} for domain in domains])})


def test_an_organisation_is_created_with_its_years_and_domains(admin_client):
    url = reverse("wagtailsnippets_interconnectes_organisation:add")
    response = admin_client.post(url, form("Nantes Métropole", ["@NantesMetropole.fr"], [2025, 2026]))
    assert response.status_code == 302
    nantes = Organisation.objects.get(name="Nantes Métropole")
    assert list(nantes.email_domains.values_list("domain", flat=True)) == ["nantesmetropole.fr"]
    assert nantes.is_member_in(2026) and nantes.is_member_in(2025) and not nantes.is_member_in(2024)
    assert list(Organisation.objects.members_in(2026)) == [nantes]


def test_a_domain_of_another_organisation_is_refused_in_french(admin_client):
    nantes = OrganisationFactory(name="Nantes Métropole")
    EmailDomain.objects.create(organisation=nantes, domain="nantesmetropole.fr")
    url = reverse("wagtailsnippets_interconnectes_organisation:add")
    response = admin_client.post(url, form("Ville de Nantes", ["nantesmetropole.fr"], [2026]))
    assert response.status_code == 200
    assert "Ce domaine est déjà déclaré par une autre organisation." in html.unescape(response.content.decode())
    assert not Organisation.objects.filter(name="Ville de Nantes").exists()
    assert not MemberYear.objects.exists()
