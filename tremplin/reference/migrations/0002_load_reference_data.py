from django.db import migrations


def load(apps, schema_editor):
    from tremplin.reference.loading import load_rome, load_smic

    load_smic(apps.get_model("reference", "SmicRate"))
    load_rome(apps.get_model("reference", "RomeJob"))


class Migration(migrations.Migration):
    dependencies = [("reference", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
