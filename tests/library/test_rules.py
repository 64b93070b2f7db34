"""The library's rules on hand-computed examples: licences, record rules, field levels, visible records, JSON-LD."""

import datetime
import json

import pytest
from wagtail.admin.panels import InlinePanel, MultiFieldPanel

from accounts.tiers import Tier
from library import jsonld, licences, rules
from library.models import Implementation
from library.rules import Status
from library.tiers import FIELD_LEVELS, HEADINGS, Level, fields_at, level_for_tier, visible_record

D = datetime.date


# --- Licences -----------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("spdx", ["Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "CECILL-B", "MIT", "MPL-2.0",
                                  "GPL-3.0-or-later", "CECILL-2.1", "EUPL-1.2", "EPL-2.0", "etalab-2.0", "ODbL-1.0"])
def test_the_legal_list_needs_no_review(spdx):
    assert licences.is_authorised(spdx)
    assert not licences.needs_staff_review(spdx)


@pytest.mark.parametrize("spdx", [licences.OTHER, "CC-BY-4.0", "mit", "AGPL-3.0-only"])
def test_anything_else_is_flagged_for_staff(spdx):
    assert licences.needs_staff_review(spdx)


def test_no_licence_is_not_a_licence_to_check():
    assert not licences.needs_staff_review("")
    assert licences.label("") == ""


def test_licences_read_in_french():
    assert licences.label("etalab-2.0") == "Licence Ouverte / Etalab 2.0"
    assert licences.label("autre") == "Autre licence"


def test_the_form_offers_the_list_and_other():
    offered = {value for _group, entries in licences.CHOICES[:3] for value, _label in entries}
    assert offered == set(licences.AUTHORISED)
    assert licences.CHOICES[3][0] == licences.OTHER


def test_an_implementation_says_when_its_licence_needs_review():
    assert Implementation(licence="autre").needs_licence_review
    assert not Implementation(licence="EUPL-1.2").needs_licence_review


# --- Record rules -------------------------------------------------------------------------------------------------

def errors(**values):
    facts = {"status": Status.PRODUCTION, "stopped_reason": "", "started_on": None, "ended_on": None,
             "slug": "nantes"}
    return rules.record_errors(**{**facts, **values})


def test_a_sound_record_has_no_error():
    assert errors() == {}
    assert errors(status=Status.STOPPED, stopped_reason="Le prestataire a fermé.", started_on=D(2021, 1, 1),
                  ended_on=D(2023, 6, 30)) == {}


def test_a_stopped_project_says_why():
    assert set(errors(status=Status.STOPPED, stopped_reason="  ")) == {"stopped_reason"}
    assert "pourquoi" in str(errors(status=Status.STOPPED)["stopped_reason"])


def test_dates_follow_each_other_and_only_a_stopped_project_ends():
    assert "précède" in str(errors(status=Status.STOPPED, stopped_reason="x", started_on=D(2023, 1, 1),
                                   ended_on=D(2022, 1, 1))["ended_on"])
    assert set(errors(ended_on=D(2024, 1, 1))) == {"ended_on"}


def test_a_slug_may_not_take_the_comparison_address():
    assert set(errors(slug="comparaison")) == {"slug"}


def test_ideas_and_stopped_projects_do_not_count_as_doing_it():
    assert [status for status in Status if rules.is_active(status)] == [Status.EXPERIMENT, Status.PRODUCTION]


# --- Field levels -------------------------------------------------------------------------------------------------

def test_tiers_map_to_levels():
    assert [level_for_tier(tier) for tier in Tier] == [Level.PUBLIC, Level.AGENTS, Level.AGENTS, Level.EXPERTS]


def test_levels_add_up():
    assert set(fields_at(Level.PUBLIC)) < set(fields_at(Level.AGENTS)) < set(fields_at(Level.EXPERTS))
    assert "lessons_worked" in fields_at(Level.AGENTS) and "lessons_worked" not in fields_at(Level.PUBLIC)
    assert "model_card" in fields_at(Level.EXPERTS) and "model_card" not in fields_at(Level.AGENTS)
    assert fields_at(Level.EXPERTS) == tuple(FIELD_LEVELS)


# What the issue puts at levels 1 and 2, field by field.
LEVEL_ONE = {"lessons_worked", "lessons_failed", "lessons_differently", "build_cost", "run_cost", "team_skills",
             "procurement", "suppliers", "data_prerequisites", "indicators"}
LEVEL_TWO = {"code_archive_url", "technical_documentation", "model_card", "sample_data", "demonstrator_access"}


def test_the_table_puts_each_field_at_its_level():
    assert {name for name, level in FIELD_LEVELS.items() if level == Level.AGENTS} == LEVEL_ONE
    assert {name for name, level in FIELD_LEVELS.items() if level == Level.EXPERTS} == LEVEL_TWO


# Fields of the model that no reader sees: the record's place and its bookkeeping; and its publication's, set
# by library/submissions.py (the page's head says when a record was archived and why, and what it reprises).
NOT_SHOWN = {"id", "use_case", "created_at", "updated_at", "review_reminded_on", "first_published_at", "archived_at",
             "archive_reason", "derived_from"}


def test_every_field_of_an_implementation_has_a_level():
    names = {field.name for field in Implementation._meta.get_fields()
             if not (field.auto_created and not field.concrete) or field.name == "data_sources"}
    names = {name for name in names if not name.endswith("_ptr")}
    assert names - NOT_SHOWN == set(FIELD_LEVELS)


def test_the_edit_form_heads_every_field_with_its_level():
    sections = [panel for panel in Implementation.panels if isinstance(panel, MultiFieldPanel)]
    assert [str(section.heading) for section in sections] == [
        "Niveau 0\u00a0: public", "Niveau 1\u00a0: agents vérifiés des collectivités",
        "Niveau 2\u00a0: titulaires d'un accès expert à ce projet"]
    for level, section in zip(Level, sections, strict=True):
        names = [child.relation_name if isinstance(child, InlinePanel) else child.field_name
                 for child in section.children]
        assert {FIELD_LEVELS[name] for name in names} == {level}
        assert str(section.heading) == str(HEADINGS[level])


# --- Visible records ----------------------------------------------------------------------------------------------

class FakeRelation:
    def __init__(self, items):
        self.items = items

    def all(self):
        return self.items


def implementation(**values):
    fields = {name: "" for name in FIELD_LEVELS}
    fields.update(lead_organisation="Nantes Métropole", partners=FakeRelation([]), data_sources=FakeRelation([]),
                  started_on=None, ended_on=None, event_session=None, is_illustrative=False, status=Status.PRODUCTION,
                  ai_act_risk="minimal", licence="MIT")
    fields.update(values)
    # A plain object with the attributes and display methods `visible_record` reads, no database.
    return type("Record", (), {**fields, "get_status_display": lambda self: "En production",
                               "get_ai_act_risk_display": lambda self: "Risque minimal",
                               "get_licence_display": lambda self: "Licence MIT",
                               "public_laureate": lambda self: None})()


def test_a_record_holds_the_values_of_its_level_only():
    source = implementation(purpose="Public", lessons_worked="Retour", model_card="Fiche")
    public = visible_record(source, Level.PUBLIC)
    assert public.purpose == "Public" and public.status_label == "En production"
    with pytest.raises(AttributeError):
        public.lessons_worked  # noqa: B018
    assert "model_card" not in public.values
    assert visible_record(source, Level.AGENTS).lessons_worked == "Retour"
    assert visible_record(source, Level.EXPERTS).model_card == "Fiche"


def test_a_record_says_which_higher_levels_hold_something():
    assert visible_record(implementation(lessons_failed="x", sample_data="y"), Level.PUBLIC).withheld == (
        Level.AGENTS, Level.EXPERTS)
    assert visible_record(implementation(sample_data="y"), Level.PUBLIC).withheld == (Level.EXPERTS,)
    assert visible_record(implementation(sample_data="y"), Level.AGENTS).withheld == (Level.EXPERTS,)
    assert visible_record(implementation(lessons_failed="  "), Level.PUBLIC).withheld == ()
    assert visible_record(implementation(lessons_failed="x"), Level.PUBLIC, with_withheld=False).withheld == ()


def test_relations_are_lists():
    record = visible_record(implementation(partners=FakeRelation(["Ville de Lyon"])), Level.PUBLIC)
    assert record.partners == ["Ville de Lyon"] and record.data_sources == []


# --- JSON-LD ------------------------------------------------------------------------------------------------------

def test_an_implementation_is_a_creative_work_of_its_collectivite():
    data = jsonld.implementation(name="Cantines · Nantes", url="https://ex.org/b/c/nantes/", description="Repas",
                                 organisation="Nantes Métropole", licence="EUPL-1.2",
                                 use_case_url="https://ex.org/b/c/")
    assert data["creator"] == {"@type": "GovernmentOrganization", "name": "Nantes Métropole"}
    assert data["license"] == "https://spdx.org/licenses/EUPL-1.2.html"
    assert data["isPartOf"]["@id"] == "https://ex.org/b/c/"
    assert "license" not in jsonld.implementation(name="x", url="u", description="d", organisation="o",
                                                  licence="autre", use_case_url="v")


def test_a_use_case_is_about_its_theme():
    data = jsonld.use_case(name="Cantines", url="https://ex.org/b/c/", description="Repas",
                           theme="Transition écologique", modified=None)
    assert data["about"] == "Transition écologique" and "dateModified" not in data
    assert json.loads(str(jsonld.script_tag(data)).split(">", 1)[1].rsplit("<", 1)[0])["name"] == "Cantines"
