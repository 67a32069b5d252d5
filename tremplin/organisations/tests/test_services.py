from datetime import date

import pytest
from auditlog.context import set_actor
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError

from tremplin.accounts.enums import Role
from tremplin.organisations import services
from tremplin.organisations.enums import ActivitySector, SupportKind
from tremplin.organisations.models import ProductionSupport
from tremplin.organisations.tests.factories import OrganisationFactory, StructureFactory


def support_fields(**overrides):
    fields = {"kind": SupportKind.WORKSITE, "name": "Parc des Berges", "sector": ActivitySector.GREEN_SPACES}
    fields.update(overrides)
    return fields


def test_structure_siret_must_belong_to_the_organisation_siren(db):
    organisation = OrganisationFactory(siren="775672272")
    with pytest.raises(ValidationError) as error:
        services.structure_create(organisation=organisation, name="ACI", siret="42198735500011", department="34")
    assert "n'appartient pas au SIREN 775672272" in str(error.value)
    structure = services.structure_create(
        organisation=organisation, name="ACI", siret="77567227200017", department="34"
    )
    assert structure.pk


def test_structure_rejects_an_invalid_siret(db):
    organisation = OrganisationFactory(siren="775672272")
    with pytest.raises(ValidationError) as error:
        services.structure_create(organisation=organisation, name="ACI", siret="77567227200018", department="34")
    assert "siret" in error.value.message_dict


def test_support_supervisor_must_be_a_supervisor_of_the_structure(structure, make_member):
    outsider = make_member(Role.SUPERVISOR, StructureFactory())
    counsellor = make_member(Role.COUNSELLOR, structure)
    for user in (outsider, counsellor):
        with pytest.raises(ValidationError) as error:
            services.production_support_create(structure=structure, **support_fields(supervisor=user))
        assert "n'est pas encadrant·e technique de" in error.value.message_dict["supervisor"][0]
    supervisor = make_member(Role.SUPERVISOR, structure)
    support = services.production_support_create(structure=structure, **support_fields(supervisor=supervisor))
    assert support.supervisor == supervisor


def test_support_end_before_start_is_refused_with_french_dates(structure):
    with pytest.raises(ValidationError) as error:
        services.production_support_create(
            structure=structure, **support_fields(planned_start=date(2026, 5, 1), planned_end=date(2026, 4, 30))
        )
    assert error.value.message_dict["planned_end"] == [
        "La fin prévue (30/04/2026) doit être postérieure ou égale au début prévu (01/05/2026)."
    ]
    assert not ProductionSupport.objects.exists()


def test_support_name_unique_per_structure(structure):
    services.production_support_create(structure=structure, **support_fields())
    with pytest.raises(ValidationError, match="porte déjà ce nom"):
        services.production_support_create(structure=structure, **support_fields())
    services.production_support_create(structure=StructureFactory(), **support_fields())


def test_structure_update_cannot_move_siret(structure):
    with pytest.raises(ValidationError, match="ne se modifient pas"):
        services.structure_update(structure=structure, siret="77567227200017")
    services.structure_update(structure=structure, city="Sète")
    structure.refresh_from_db()
    assert structure.city == "Sète"


def test_writes_are_audited_with_actor_and_changes(structure, director):
    with set_actor(director):
        support = services.production_support_create(structure=structure, **support_fields())
        services.production_support_update(support=support, client="Commune de Lodève")
    entries = LogEntry.objects.get_for_object(support).order_by("timestamp", "pk")
    assert [e.action for e in entries] == [LogEntry.Action.CREATE, LogEntry.Action.UPDATE]
    update = entries[1]
    assert update.actor == director
    assert update.changes_dict["client"] == ["", "Commune de Lodève"]
    assert update.additional_data == {"organisation_id": structure.organisation_id, "structure_id": structure.pk}
