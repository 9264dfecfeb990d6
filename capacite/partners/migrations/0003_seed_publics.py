"""Give the Cités that existed before this app their default publics (new ones get them on
creation, see PartnersConfig.ready)."""

from django.db import migrations

# Frozen copy of choices.DEFAULT_PUBLICS in French: a migration must not change with the code.
PUBLICS = [
    ("pupils", "Scolaires"), ("students", "Étudiants"), ("young_people", "Jeunes"),
    ("jobseekers", "Demandeurs d'emploi"), ("employees", "Salariés"),
    ("disabled", "Personnes handicapées"), ("seniors", "Seniors"), ("women", "Femmes"),
    ("creators", "Créateurs d'entreprise"),
]


def seed(apps, schema_editor):
    Cite = apps.get_model("core", "Cite")
    Public = apps.get_model("partners", "Public")
    for cite in Cite.objects.all():
        for position, (key, label) in enumerate(PUBLICS):
            Public.objects.get_or_create(
                cite=cite, key=key, defaults={"label": label, "position": position}
            )


class Migration(migrations.Migration):
    dependencies = [("partners", "0002_activity")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
