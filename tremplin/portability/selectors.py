"""The tables of the ACI of the scope, for the exports (never the NIR, never a support note)."""

from django.utils import timezone

from tremplin.accounts.scope import Scope
from tremplin.contracts.access import contracts_in_scope
from tremplin.people.selectors import PeopleFilters, people_list, stage_of

from .exports import Table


def people_table(scope: Scope) -> Table:
    people = people_list(scope, PeopleFilters(), today=timezone.localdate()).select_related("counsellor")
    header = [
        "Nom",
        "Prénom",
        "Date de naissance",
        "Sexe",
        "Niveau de formation",
        "Adresse",
        "Code postal",
        "Commune",
        "Téléphone",
        "E-mail",
        "Identifiant France Travail",
        "Inscrit·e France Travail depuis",
        "RSA",
        "ASS",
        "AAH",
        "RQTH",
        "QPV",
        "ZRR",
        "CIP référent·e",
        "Situation",
    ]
    rows = [
        [
            p.last_name.upper(),
            p.first_name,
            p.birth_date,
            p.get_sex_display(),
            p.get_education_level_display(),
            p.address,
            p.postal_code,
            p.city,
            p.phone,
            p.email,
            p.france_travail_id,
            p.job_seeker_since,
            p.rsa,
            p.ass,
            p.aah,
            p.rqth,
            p.qpv,
            p.zrr,
            p.counsellor.get_full_name() if p.counsellor else "",
            stage_of(p),
        ]
        for p in people
    ]
    return Table("Personnes", header, rows)


def contracts_table(scope: Scope) -> Table:
    contracts = (
        contracts_in_scope(scope)
        .filter(structure=scope.structure)
        .select_related("person", "production_support", "rome_job", "exit")
        .order_by("person__last_name", "person__first_name", "start")
    )
    header = [
        "Nom",
        "Prénom",
        "Type de contrat",
        "Poste",
        "Code ROME",
        "Atelier ou chantier",
        "Début",
        "Fin prévue",
        "Fin anticipée le",
        "Heures hebdomadaires",
        "Salaire horaire brut (EUR)",
        "Date de sortie",
        "Motif de sortie",
    ]
    rows = []
    for c in contracts:
        exit_ = getattr(c, "exit", None)
        rows.append(
            [
                c.person.last_name.upper(),
                c.person.first_name,
                c.get_kind_display(),
                c.job_label,
                c.rome_job.code if c.rome_job else "",
                c.production_support.name if c.production_support else "",
                c.start,
                c.end,
                c.ended_on,
                c.weekly_hours,
                c.hourly_pay,
                exit_.exit_date if exit_ else None,
                exit_.get_reason_display() if exit_ else "",
            ]
        )
    return Table("Contrats", header, rows)


ARCHIVE_READ_LABEL = "Archive de l'ACI (toutes les données, NIR et notes sensibles en clair)"


def log_archive_read(scope, structure) -> int:
    """The archive holds every NIR and sensitive note of the ACI: one sensitive read per person
    in it, in one insert (CNIL 2021-122: who read which record and when)."""
    from tremplin.audit.services import sensitive_read_record
    from tremplin.people.models import Person

    people = list(Person.objects.filter(structure=structure).only("pk", "structure_id"))
    return sensitive_read_record(scope=scope, person=None, records=people, label=lambda _: ARCHIVE_READ_LABEL)
