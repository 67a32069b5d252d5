"""Every file field of the project is checked and stored under its ACI (issue 13, defect 4): two
decision fields had skipped the checks and were stored flat."""

from django.apps import apps
from django.db import models

from tremplin.kernel.uploads import AciPath, FileCheck


def file_fields():
    return [
        (model._meta.label, field)
        for model in apps.get_models()
        if model.__module__.startswith("tremplin.")
        for field in model._meta.get_fields()
        if isinstance(field, models.FileField)
    ]


def test_the_project_has_its_eight_file_fields():
    assert len(file_fields()) == 8  # a new one is welcome: it is checked below


def test_every_file_field_is_checked_and_stored_under_its_aci():
    unchecked = [
        f"{label}.{field.name}"
        for label, field in file_fields()
        if not any(isinstance(validator, FileCheck) for validator in field.validators)
    ]
    flat = [f"{label}.{field.name}" for label, field in file_fields() if not isinstance(field.upload_to, AciPath)]
    assert (unchecked, flat) == ([], [])
