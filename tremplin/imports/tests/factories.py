import factory
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory

from tremplin.accounts.tests.factories import UserFactory
from tremplin.imports.enums import ImportKind, ImportStatus
from tremplin.imports.models import ImportBatch
from tremplin.organisations.tests.factories import StructureFactory


class ImportBatchFactory(DjangoModelFactory):
    """A batch row as stored (a previewed file of one row), without going through the services."""

    class Meta:
        model = ImportBatch

    structure = factory.SubFactory(StructureFactory)
    kind = ImportKind.PEOPLE_REFERRALS
    file = factory.LazyFunction(lambda: ContentFile(b"Nom;Pr\xc3\xa9nom\nMartin;L\xc3\xa9a\n", name="import.csv"))
    original_name = factory.Sequence(lambda n: f"personnes-{n}.csv")
    sha256 = factory.Faker("sha256")
    uploaded_by = factory.SubFactory(UserFactory)
    status = ImportStatus.PREVIEWED
    total_rows = 1
    rows_done = 1
    unchanged_count = 1
    report = factory.LazyFunction(
        lambda: [{"line": 2, "label": "MARTIN Léa", "status": "unchanged", "messages": [], "notes": []}]
    )
