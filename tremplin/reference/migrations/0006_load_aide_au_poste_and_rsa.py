from django.db import migrations


def load(apps, schema_editor):
    from tremplin.reference.loading import load_aide_au_poste, load_rsa

    load_aide_au_poste(apps.get_model("reference", "AidePosteRate"))
    load_rsa(apps.get_model("reference", "RsaAmount"))


class Migration(migrations.Migration):
    dependencies = [("reference", "0005_aideposterate_rsaamount")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
