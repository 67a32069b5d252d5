from django.db import migrations


def load(apps, schema_editor):
    from tremplin.reference.loading import load_annual_hours

    load_annual_hours(apps.get_model("reference", "AnnualReferenceHours"))


class Migration(migrations.Migration):
    dependencies = [("reference", "0003_annualreferencehours")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
