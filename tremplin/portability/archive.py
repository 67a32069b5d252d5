"""The full archive of one ACI (data portability, change of software) and its restore into
another Tremplin instance. The format is documented in docs/archive.md.

A zip file holding:
- `manifest.json`: format version, the ACI (SIRET, name), the date, the models with their counts;
- `data.json`: `{"<app>.<Model>": [{"id": <id in the source>, "fields": {...}}, ...]}` in an order
  where every row comes after the rows it points at. A foreign key holds the source id of the row
  it points at (in the same archive), except a ROME job, named by its code (reference data ships
  with every instance); many-to-many fields hold lists of ids; dates are ISO 8601, decimals
  strings, files the path of the file inside the zip (`files/...`); the NIR is in clear (`nir`)
  because the key that encrypts it belongs to each instance;
- `files/`: the documents (CV, proofs, decisions, photos).

Which rows: every model of a Tremplin app that leads to the ACI through its foreign keys (found
by walking them, so a model added later is archived without a line here), plus the organisation,
its partners, the memberships of the ACI and of its organisation, and the users those rows name
(email and names only: no password, they set a new one on the new instance). Models left out are
listed in `NOT_ARCHIVED` with the reason; a test fails when a new model is in neither.

The restore gives every row a new id and follows the ids of the archive; it matches the
organisation by SIREN, partners by (name, kind), users by email and ROME jobs by code with what the
instance already has, and refuses an ACI whose SIRET already exists. Creation and modification
dates are kept as they were.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections import deque
from contextlib import contextmanager
from datetime import date, datetime
from decimal import Decimal
from graphlib import TopologicalSorter

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, models, transaction
from django.utils import timezone

FORMAT = "tremplin-archive"
VERSION = 1

STRUCTURE = "organisations.Structure"
ORGANISATION = "organisations.Organisation"
USER = "accounts.User"
MEMBERSHIP = "accounts.Membership"
PARTNER = "partners.Partner"
ROME = "reference.RomeJob"

NOT_ARCHIVED = {
    "reference.SmicRate": "reference data, shipped with every instance",
    "reference.AnnualReferenceHours": "reference data, shipped with every instance",
    "reference.AidePosteRate": "reference data, shipped with every instance",
    "reference.RsaAmount": "reference data, shipped with every instance",
    ROME: "reference data, shipped with every instance (foreign keys name the ROME code)",
    "audit.SensitiveRead": "an access log of the source instance (CNIL: kept one year where it was written)",
    "reporting.ReportRequest": "a generated file, made again from the data in one click",
    "core.ScheduledRun": "the runs of scheduled jobs on the source instance",
    "imports.ImportBatch": "the record of a technical operation on the source instance",
    "api.ApiToken": "credentials of the source instance: never copied",
}
USER_FIELDS = ("email", "first_name", "last_name", "is_active")

INVALID = "Ce fichier n'est pas une archive Tremplin lisible ({reason})."
NEWER = "Cette archive est au format {found}, plus récent que celui que cette version de Tremplin sait lire ({known})."
SIRET_EXISTS = "L'ACI de SIRET {siret} existe déjà sur cette instance : la restauration ne remplace jamais des données."


def tremplin_models() -> list[type[models.Model]]:
    return [m for m in apps.get_models() if m.__module__.startswith("tremplin.")]


def _forward_fks(model) -> list[models.ForeignKey]:
    return [f for f in model._meta.concrete_fields if f.is_relation and f.many_to_one]


def path_to_structure(model) -> str | None:
    """The shortest lookup from `model` to the ACI through foreign keys ("person__structure"),
    or None. Users, reference data and the organisation are not walked through."""
    if model._meta.label == STRUCTURE:
        return "pk"
    seen, queue = {model}, deque([(model, "")])
    while queue:
        current, path = queue.popleft()
        for field in _forward_fks(current):
            target = field.related_model
            lookup = f"{path}{field.name}"
            if target._meta.label == STRUCTURE:
                return lookup
            if (
                target in seen
                or target._meta.label in (USER, ROME, ORGANISATION)
                or target._meta.app_label == "reference"
            ):
                continue
            seen.add(target)
            queue.append((target, f"{lookup}__"))
    return None


def archived_models() -> dict[str, str]:
    """label -> lookup to the ACI, for the case data of the ACI."""
    found = {}
    for model in tremplin_models():
        label = model._meta.label
        if label in NOT_ARCHIVED or label in (ORGANISATION, USER, MEMBERSHIP, PARTNER):
            continue
        if (path := path_to_structure(model)) is not None:
            found[label] = path
    return found


def _order(labels: list[str]) -> list[str]:
    graph = {label: set() for label in labels}
    for label in labels:
        for field in _forward_fks(apps.get_model(label)):
            target = field.related_model._meta.label
            if target in graph and target != label:
                graph[label].add(target)
    return list(TopologicalSorter(graph).static_order())


# Export


def _value(field, obj):
    if field.is_relation:
        raw = getattr(obj, field.attname)
        return raw
    value = field.value_from_object(obj)
    if isinstance(field, models.FileField):
        return f"files/{value.name}" if value else ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _rows(model, queryset, rome_codes: dict[int, str]) -> list[dict]:
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    m2m = list(model._meta.many_to_many)
    queryset = queryset.order_by("pk")
    if m2m:
        queryset = queryset.prefetch_related(*[f.name for f in m2m])
    rows = []
    for obj in queryset:
        values = {}
        for field in fields:
            value = _value(field, obj)
            if field.is_relation and field.related_model._meta.label == ROME and value is not None:
                value = rome_codes[value]
            values[field.name] = value
        for field in m2m:
            related = [r.pk for r in getattr(obj, field.name).all()]
            values[field.name] = (
                sorted(rome_codes[pk] for pk in related) if field.related_model._meta.label == ROME else sorted(related)
            )
        if model._meta.label == "people.Person":
            from tremplin.people.nir import decrypt_nir

            values["nir"] = decrypt_nir(values.pop("nir_encrypted")) if values.get("nir_encrypted") else ""
            values.pop("nir_encrypted", None)
            values.pop("nir_digest", None)  # keyed with the source's key: made again on restore
        rows.append({"id": obj.pk, "fields": values})
    return rows


def export_structure(structure) -> bytes:
    """The archive of one ACI as the bytes of a zip file."""
    from tremplin.reference.models import RomeJob

    rome_codes = dict(RomeJob.objects.values_list("pk", "code"))
    organisation = structure.organisation
    querysets = {
        ORGANISATION: apps.get_model(ORGANISATION).objects.filter(pk=organisation.pk),
        PARTNER: apps.get_model(PARTNER).objects.filter(organisation=organisation),
        MEMBERSHIP: apps.get_model(MEMBERSHIP).objects.filter(
            models.Q(structure=structure) | models.Q(organisation=organisation)
        ),
    }
    for label, path in archived_models().items():
        querysets[label] = apps.get_model(label).objects.filter(**{path: structure.pk})
    data = {label: _rows(apps.get_model(label), qs, rome_codes) for label, qs in querysets.items()}
    # The users named by any row (authors, counsellors, members), email and names only.
    user_ids = set()
    for label, rows in data.items():
        model = apps.get_model(label)
        for field in _forward_fks(model):
            if field.related_model._meta.label == USER:
                user_ids.update(row["fields"][field.name] for row in rows if row["fields"][field.name] is not None)
    User = apps.get_model(USER)
    data[USER] = [
        {"id": user["id"], "fields": {k: user[k] for k in USER_FIELDS}}
        for user in User.objects.filter(pk__in=user_ids).order_by("pk").values("id", *USER_FIELDS)
    ]
    ordered = {label: data[label] for label in _order(list(data))}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": timezone.now().isoformat(),
            "structure": {"siret": structure.siret, "name": structure.name},
            "counts": {label: len(rows) for label, rows in ordered.items()},
        }
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=2))
        archive.writestr("data.json", json.dumps(ordered, ensure_ascii=False, cls=_Encoder))
        for label, rows in ordered.items():
            for field in _file_fields(apps.get_model(label)):
                for row in rows:
                    if path := row["fields"][field.name]:
                        name = path.removeprefix("files/")
                        if default_storage.exists(name):
                            with default_storage.open(name, "rb") as handle:
                                archive.writestr(path, handle.read())
    return buffer.getvalue()


class _Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Decimal):
            return str(o)
        if isinstance(o, datetime | date):
            return o.isoformat()
        return super().default(o)


def _file_fields(model) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


# Restore


def read_archive(content: bytes) -> tuple[dict, dict, zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        manifest = json.loads(archive.read("manifest.json"))
        data = json.loads(archive.read("data.json"))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ValidationError(INVALID.format(reason=type(error).__name__)) from error
    if manifest.get("format") != FORMAT:
        raise ValidationError(INVALID.format(reason="format inconnu"))
    if manifest.get("version", 0) > VERSION:
        raise ValidationError(NEWER.format(found=manifest.get("version"), known=VERSION))
    return manifest, data, archive


@contextmanager
def _dates_as_given():
    """auto_now and auto_now_add would overwrite the dates of the archive: off while restoring."""
    switched = []
    for model in tremplin_models() + [apps.get_model(USER)]:
        for field in model._meta.concrete_fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                switched.append((field, field.auto_now, field.auto_now_add))
                field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in switched:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _existing(label: str, fields: dict, ids: dict):
    """The row of this instance that an archived organisation, partner or user is, if any."""
    model = apps.get_model(label)
    if label == ORGANISATION:
        return model.objects.filter(siren=fields["siren"]).first()
    if label == PARTNER:
        organisation = ids[ORGANISATION].get(fields["organisation"])
        return model.objects.filter(organisation_id=organisation, name=fields["name"], kind=fields["kind"]).first()
    if label == USER:
        return model.objects.filter(email__iexact=fields["email"]).first()
    if label == MEMBERSHIP and fields["organisation"] is not None:
        # An organisation-level role already held on this instance (the organisation was matched).
        return model.objects.filter(
            user_id=ids[USER][fields["user"]],
            role=fields["role"],
            organisation_id=ids[ORGANISATION][fields["organisation"]],
        ).first()
    return None


RESTORE_FAILED = (
    "La restauration a échoué, rien n'a été importé (ni données ni fichiers) : l'archive contredit une règle "
    "de la base ({detail}). Vérifiez qu'elle vient d'une instance Tremplin de même version et que ses "
    "utilisateurs ou ses numéros (PASS IAE, annexes) n'existent pas déjà ici."
)


def restore_archive(content: bytes):
    """Create the ACI of the archive with all its data, all or nothing: on any failure the
    database is rolled back and the files already written are deleted; a broken rule of the
    database is refused in French. One audit entry records the restore. Returns the new Structure."""
    written: list[str] = []
    try:
        with transaction.atomic():
            structure, counts = _restore(content, written)
            _audit_restore(structure, counts)
    except BaseException as error:
        for path in written:
            default_storage.delete(path)
        if isinstance(error, IntegrityError):
            raise ValidationError(RESTORE_FAILED.format(detail=str(error).splitlines()[0][:200])) from error
        raise
    return structure


def _audit_restore(structure, counts: dict[str, int]) -> None:
    from auditlog.models import LogEntry

    LogEntry.objects.log_create(
        structure,
        force_log=True,
        action=LogEntry.Action.CREATE,
        changes={"restauration d'archive": [None, f"{sum(counts.values())} enregistrements"]},
        additional_data={"structure_id": structure.pk, "restored_rows": counts},
    )


def _restore(content: bytes, written: list[str]):
    from tremplin.people.nir import encrypt_nir, nir_digest
    from tremplin.reference.models import RomeJob

    manifest, data, archive = read_archive(content)
    Structure = apps.get_model(STRUCTURE)
    siret = manifest["structure"]["siret"]
    if Structure.objects.filter(siret=siret).exists():
        raise ValidationError(SIRET_EXISTS.format(siret=siret))
    rome_ids = dict(RomeJob.objects.values_list("code", "pk"))
    ids: dict[str, dict[int, int]] = {}
    with _dates_as_given():
        for label, rows in data.items():
            model = apps.get_model(label)
            ids[label] = {}
            fields = {f.name: f for f in model._meta.concrete_fields if not f.primary_key}
            m2m = {f.name: f for f in model._meta.many_to_many}
            self_fks = [f for f in fields.values() if f.is_relation and f.related_model is model]
            created, deferred = [], []
            for row in rows:
                values = dict(row["fields"])
                if label == "people.Person":
                    nir = values.pop("nir", "")
                    values["nir_encrypted"] = encrypt_nir(nir) if nir else ""
                    values["nir_digest"] = nir_digest(nir)
                if existing := _existing(label, values, ids):
                    ids[label][row["id"]] = existing.pk
                    continue
                kwargs = {}
                for name, value in values.items():
                    if name in m2m:
                        continue
                    field = fields[name]
                    if field.is_relation:
                        target = field.related_model._meta.label
                        if value is None:
                            kwargs[field.attname] = None
                        elif target == ROME:
                            kwargs[field.attname] = rome_ids[value]
                        elif field in self_fks:
                            kwargs[field.attname] = None
                        else:
                            kwargs[field.attname] = ids[target][value]
                    elif isinstance(field, models.FileField):
                        kwargs[name] = _restore_file(archive, value, written)
                    else:
                        kwargs[name] = field.to_python(value) if value is not None else None
                if label == USER:
                    kwargs["password"] = "!"  # unusable: the user sets a new password here
                created.append((row, model(**kwargs)))
                if self_fks:
                    deferred.append(row)
            model.objects.bulk_create([obj for _, obj in created])
            for row, obj in created:
                ids[label][row["id"]] = obj.pk
            for row in deferred:
                updates = {f.attname: ids[label][row["fields"][f.name]] for f in self_fks if row["fields"][f.name]}
                if updates:
                    model.objects.filter(pk=ids[label][row["id"]]).update(**updates)
            for name, field in m2m.items():
                through = field.remote_field.through
                source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
                target_label = field.related_model._meta.label
                links = []
                for row, obj in created:
                    for value in row["fields"].get(name, []):
                        target_id = rome_ids[value] if target_label == ROME else ids[target_label][value]
                        links.append(through(**{f"{source}_id": obj.pk, f"{target}_id": target_id}))
                through.objects.bulk_create(links)
    return Structure.objects.get(siret=siret), {label: len(found) for label, found in ids.items()}


def _restore_file(archive: zipfile.ZipFile, path: str, written: list[str]) -> str:
    if not path:
        return ""
    try:
        content = archive.read(path)
    except KeyError:
        return ""  # the file was missing in the source too
    saved = default_storage.save(path.removeprefix("files/"), ContentFile(content))
    written.append(saved)
    return saved
