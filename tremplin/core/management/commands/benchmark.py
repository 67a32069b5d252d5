"""manage.py benchmark: response times and SQL query counts of the main pages on a national
network's worth of data, in a throwaway database (the data: tremplin/core/benchmark_data.py;
the figures and how to run it: docs/performance.md)."""

import os
import statistics
import time
import warnings
from dataclasses import dataclass
from datetime import date, timedelta

from auditlog import get_logentry_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from tremplin.contracts.models import Amendment, Contract
from tremplin.organisations.models import Structure

LogEntry = get_logentry_model()  # auditlog's, or the project's own if AUDITLOG_LOGENTRY_MODEL is set

NO_DATABASE_URL = (
    "Le banc d'essai ne s'exécute que sur une base jetable, nommée explicitement : "
    "DATABASE_URL=sqlite:////tmp/tremplin-bench.sqlite3 (ou une base PostgreSQL de travail). "
    "DATABASE_URL n'est pas défini : la base par défaut est celle du développement, elle n'est pas touchée."
)
NOT_EMPTY = (
    "Cette base contient déjà au moins un ACI : le banc d'essai ne s'exécute que sur une base jetable et vide, "
    "pour ne jamais mélanger ses {people} personnes fictives à de vraies données. Supprimez la base de travail "
    "(rm -f /tmp/tremplin-bench.sqlite3, ou dropdb puis createdb) et relancez."
)
PAGE_FAILED = "La page « {label} » ({url}) a répondu {status} au lieu de 200{where}."


@dataclass(frozen=True)
class Page:
    label: str
    url: str


@dataclass(frozen=True)
class Measure:
    page: Page
    median_ms: float
    max_ms: float
    queries: tuple[int, int]  # fewest, most
    size_kb: float


from tremplin.core.benchmark_data import NetworkDataset, Site  # noqa: E402


class Command(BaseCommand):
    help = (
        "Mesure les pages principales (temps médian et maximal, nombre de requêtes SQL) sur un jeu de données "
        "fictif d'un réseau national, dans une base jetable : DATABASE_URL=sqlite:////tmp/tremplin-bench.sqlite3 "
        "(voir docs/performance.md)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--structures", type=int, default=20, help="Nombre d'ACI (défaut : 20).")
        parser.add_argument("--people-per-structure", type=int, default=250, help="Personnes par ACI (défaut : 250).")
        parser.add_argument("--repeat", type=int, default=10, help="Mesures par page (défaut : 10).")

    def handle(self, *args, **options):
        structures, per_structure, repeat = options["structures"], options["people_per_structure"], options["repeat"]
        if structures < 1 or per_structure < 20 or repeat < 1:
            raise CommandError("Il faut au moins 1 ACI, 20 personnes par ACI et 1 mesure par page.")
        self._refuse_unless_throwaway(structures * per_structure)
        vendor = connection.vendor
        self.stdout.write(f"Base : {vendor} ({connection.settings_dict['NAME']}). Migrations…")
        started = time.perf_counter()
        call_command("migrate", interactive=False, verbosity=0)
        self._refuse_unless_throwaway(structures * per_structure)
        self.stdout.write(f"Migrations appliquées en {time.perf_counter() - started:.1f} s.")

        started = time.perf_counter()
        today = timezone.localdate()
        with transaction.atomic():
            sites, counts = self._create_dataset(structures, per_structure, today)
        if vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # what autovacuum would have done on a living database
        elapsed = time.perf_counter() - started
        summary = ", ".join(f"{label} : {count}" for label, count in counts.items())
        self.stdout.write(f"Données créées en {elapsed:.1f} s ({summary}).")

        site = sites[0]
        measures = self._measure(site, repeat)
        self._report(measures, vendor, structures, per_structure, repeat, site)

    # Safety

    def _refuse_unless_throwaway(self, people: int) -> None:
        if not os.environ.get("DATABASE_URL"):
            raise CommandError(NO_DATABASE_URL)
        if "organisations_structure" in connection.introspection.table_names() and Structure.objects.exists():
            raise CommandError(NOT_EMPTY.format(people=people))

    # The dataset

    def _create_dataset(self, structures: int, per_structure: int, today: date):
        return NetworkDataset().create(structures, per_structure, today)

    # The measures

    def _pages(self, site: Site) -> list[Page]:
        contracts = Contract.objects.filter(structure=site.structure)
        renewed = Amendment.objects.filter(contract__in=contracts).values("contract__person").first()
        person_pk = renewed["contract__person"] if renewed else contracts.first().person_id
        people = reverse("people:list")
        previous_month = f"{(timezone.localdate().replace(day=1) - timedelta(days=1)):%Y-%m}"
        return [
            Page("Accueil (direction, avec les alertes)", reverse("core:home")),
            Page("Personnes, 1re page", people),
            Page("Personnes, filtre « sous contrat »", f"{people}?stage=under_contract"),
            Page("Personnes, recherche « mar »", f"{people}?q=mar"),
            Page("Fiche d'une personne (contrat renouvelé)", reverse("people:detail", args=[person_pk])),
            Page("Échéancier", reverse("core:alerts")),
            Page("Orientations, 1re page", reverse("recruitment:list")),
            Page("Journal d'audit, 1re page", reverse("audit:log")),
            Page("Journal d'audit de la personne", f"{reverse('audit:log')}?personne={person_pk}"),
            Page("Heures : la semaine de l'équipe", reverse("worktime:week")),
            Page("Heures : le mois précédent (relevé)", reverse("worktime:month", args=[previous_month])),
            Page("Financements (annexe, ETP)", reverse("funding:home")),
            Page("Indicateurs de l'année", reverse("reporting:dashboard")),
            Page("Dialogue de gestion de l'année", reverse("reporting:dialogue")),
        ]

    def _measure(self, site: Site, repeat: int) -> list[Measure]:
        pages = self._pages(site)
        # DEBUG off, as in production (no per-query bookkeeping outside the captured blocks), and
        # the test client's host allowed whatever ALLOWED_HOSTS the environment gives.
        warnings.filterwarnings("ignore", "No directory at", UserWarning)  # whitenoise, STATIC_ROOT not built
        with override_settings(DEBUG=False, ALLOWED_HOSTS=["testserver"]):
            client = Client()
            client.force_login(site.director)
            measures = []
            for page in pages:
                response = client.get(page.url, secure=True)  # warm-up: templates, caches, connection
                self._check(page, response)
                durations, queries = [], []
                for _ in range(repeat):
                    with CaptureQueriesContext(connection) as captured:
                        started = time.perf_counter()
                        response = client.get(page.url, secure=True)
                        durations.append((time.perf_counter() - started) * 1000)
                    self._check(page, response)
                    queries.append(len(captured.captured_queries))
                measures.append(
                    Measure(
                        page=page,
                        median_ms=statistics.median(durations),
                        max_ms=max(durations),
                        queries=(min(queries), max(queries)),
                        size_kb=len(response.content) / 1024,
                    )
                )
                self.stdout.write(f"  {page.label} : {statistics.median(durations):.0f} ms")
        return measures

    @staticmethod
    def _check(page: Page, response) -> None:
        if response.status_code != 200:
            location = response.headers.get("Location")
            where = f" (redirigée vers {location})" if location else ""
            raise CommandError(
                PAGE_FAILED.format(label=page.label, url=page.url, status=response.status_code, where=where)
            )

    def _report(self, measures, vendor, structures, per_structure, repeat, site) -> None:
        people = structures * per_structure
        self.stdout.write("")
        self.stdout.write(
            f"Banc d'essai du {timezone.localdate():%d/%m/%Y}, {vendor}, {structures} ACI × {per_structure} personnes "
            f"= {people} personnes ; connecté·e comme direction de « {site.structure.name} » ; "
            f"{repeat} mesures par page après un premier appel."
        )
        self.stdout.write("")
        self.stdout.write("| Page | URL | Médiane (ms) | Max (ms) | Requêtes SQL | Taille (Ko) |")
        self.stdout.write("|---|---|---:|---:|---:|---:|")
        for m in measures:
            fewest, most = m.queries
            queries = f"{fewest}" if fewest == most else f"{fewest}–{most}"
            self.stdout.write(
                f"| {m.page.label} | `{m.page.url}` | {m.median_ms:.0f} | {m.max_ms:.0f} "
                f"| {queries} | {m.size_kb:.0f} |"
            )
        slow = [m for m in measures if m.median_ms > 300]
        self.stdout.write("")
        if slow:
            names = ", ".join(m.page.label for m in slow)
            self.stdout.write(self.style.WARNING(f"Au-dessus de 300 ms en médiane : {names}."))
        else:
            self.stdout.write(self.style.SUCCESS("Toutes les pages répondent en moins de 300 ms en médiane."))
        self.stdout.write("La base de travail peut être supprimée (rm -f du fichier SQLite, ou dropdb).")
