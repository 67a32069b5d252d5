from datetime import datetime, timedelta

import pytest
import time_machine
from auditlog.admin import LogEntryAdmin
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.admin.sites import site
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.enums import Role
from tremplin.audit.masking import mask_value
from tremplin.audit.registry import AUDITED_MODELS, NOT_AUDITED
from tremplin.organisations import services
from tremplin.organisations.tests.factories import OrganisationFactory, ProductionSupportFactory, StructureFactory

LOG = reverse("audit:log")


def edit_support(actor, support, **fields):
    with set_actor(actor):
        services.production_support_update(support=support, **fields)


def test_every_tremplin_model_is_audited_or_explicitly_not():
    tremplin_models = {
        f"{m._meta.app_label}.{m.__name__}" for m in apps.get_models() if m.__module__.startswith("tremplin.")
    }
    unlisted = tremplin_models - set(AUDITED_MODELS) - set(NOT_AUDITED)
    assert not unlisted, f"Modèles ni audités ni exclus (tremplin/audit/registry.py) : {sorted(unlisted)}"


def test_create_update_delete_are_recorded(structure, director):
    with set_actor(director):
        support = ProductionSupportFactory(structure=structure, name="Parc")
        services.production_support_update(support=support, name="Parc Méric")
        pk = support.pk
        support.delete()
    entries = LogEntry.objects.filter(content_type__model="productionsupport", object_pk=str(pk)).order_by("pk")
    assert [e.action for e in entries] == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE, LogEntry.Action.DELETE]
    assert all(e.actor == director for e in entries)
    assert entries[1].changes_dict["name"] == ["Parc", "Parc Méric"]


def test_sensitive_values_are_masked():
    assert mask_value("1 84 12 76 451 089 46") == "•••••• (masqué)"


def test_password_is_never_in_the_trail(director):
    director.set_password("Un-autre-mot-de-passe-2026")
    with set_actor(director):
        director.save()
    for entry in LogEntry.objects.get_for_object(director):
        assert "password" not in (entry.changes_dict or {})


def test_log_entries_cannot_be_changed_from_the_admin(rf, director):
    admin = LogEntryAdmin(LogEntry, site)
    request = rf.get("/")
    request.user = director
    assert not admin.has_add_permission(request)
    assert not admin.has_change_permission(request)
    assert not admin.has_delete_permission(request)


def test_director_reads_the_trail_of_their_structure_only(director_client, director, structure, support):
    edit_support(director, support, client="Commune de Lodève")
    elsewhere = ProductionSupportFactory(structure=StructureFactory(), name="Chantier d'ailleurs")
    edit_support(director, elsewhere, client="Ailleurs")
    response = director_client.get(LOG)
    assert response.status_code == 200
    assert "Commune de Lodève" in response.text
    assert "Chantier d'ailleurs" not in response.text


def test_organisation_director_sees_all_structures_and_organisation_entries(client, make_member, db):
    from tremplin.accounts.tests.factories import MembershipFactory, UserFactory
    from tremplin.conftest import give_second_factor

    organisation = OrganisationFactory(name="Réseau du Val")
    first, second = StructureFactory(organisation=organisation), StructureFactory(organisation=organisation)
    user = UserFactory()
    MembershipFactory(user=user, role=Role.DIRECTOR, structure=None, organisation=organisation)
    give_second_factor(user)
    ProductionSupportFactory(structure=first, name="Support premier")
    ProductionSupportFactory(structure=second, name="Support second")
    with set_actor(user):
        organisation.name = "Réseau du Val renommé"
        organisation.save()
    client.force_login(user)
    text = client.get(LOG).text
    assert "Support premier" in text and "Support second" in text and "Réseau du Val renommé" in text


@pytest.mark.parametrize("role", [Role.COUNSELLOR, Role.SUPERVISOR, Role.ADMIN_STAFF, Role.PRESCRIBER, Role.FUNDER])
def test_only_directors_read_the_trail(client, make_member, structure, role):
    client.force_login(make_member(role, structure))
    assert client.get(LOG).status_code == 404


def test_filters_by_user_date_and_person(director_client, director, make_member, structure, support):
    colleague = make_member(Role.DIRECTOR, structure, last_name="Collègue")
    day = timezone.make_aware(datetime(2026, 10, 5, 10, 0))
    with time_machine.travel(day, tick=False):
        edit_support(director, support, client="Premier client")
    with time_machine.travel(day + timedelta(days=10), tick=False):
        edit_support(colleague, support, client="Second client")
    other = ProductionSupportFactory(structure=structure, name="Atelier Dupont")

    by_user = director_client.get(LOG, {"actor": colleague.pk}).text
    assert "1 entrée" in by_user and "Premier client → Second client" in by_user

    by_date = director_client.get(LOG, {"date_from": "2026-10-01", "date_to": "2026-10-06"}).text
    assert "Premier client" in by_date and "Second client" not in by_date

    by_object = director_client.get(LOG, {"search": "dupont"}).text
    assert other.name in by_object and "Premier client" not in by_object


def test_bad_dates_are_explained(director_client):
    response = director_client.get(LOG, {"date_from": "2026-10-06", "date_to": "2026-10-01"})
    assert "La date de fin doit être postérieure ou égale à la date de début." in response.text


def test_htmx_request_gets_the_fragment(director_client):
    response = director_client.get(LOG, headers={"HX-Request": "true"})
    assert "<html" not in response.text


def test_audit_page_query_count_is_pinned(director_client, director, structure, django_assert_num_queries):
    supports = ProductionSupportFactory.create_batch(3, structure=structure)
    for support in supports:
        edit_support(director, support, client="Un client")
    director_client.get(LOG)
    with django_assert_num_queries(8):
        director_client.get(LOG)
    for support in ProductionSupportFactory.create_batch(10, structure=structure):
        edit_support(director, support, client="Un autre client")
    with django_assert_num_queries(8):
        director_client.get(LOG)


def test_empty_trail(director_client):
    LogEntry.objects.all().delete()
    assert "Aucune entrée ne correspond" in director_client.get(LOG).text


def test_filter_by_person(director_client, director, structure):
    from tremplin.people import services as people_services

    with set_actor(director):
        lea = people_services.person_create(
            structure=structure, first_name="Léa", last_name="Morel", birth_date=datetime(1990, 6, 15).date(), sex="F"
        )
        people_services.person_create(
            structure=structure, first_name="Paul", last_name="Autre", birth_date=datetime(1991, 6, 15).date(), sex="M"
        )
        people_services.person_update(person=lea, phone="0600000000")
    text = director_client.get(LOG, {"personne": lea.pk}).text
    assert "Entrées concernant Léa Morel" in text
    assert "2 entrées" in text
    assert "Paul Autre" not in text
