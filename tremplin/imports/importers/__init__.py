"""One importer per kind of file (see base.Importer)."""

from ..enums import ImportKind
from .base import Importer
from .les_emplois import LesEmploisImporter
from .people import PeopleImporter
from .timesheets import TimesheetImporter

IMPORTERS: dict[str, Importer] = {
    ImportKind.PEOPLE_REFERRALS: PeopleImporter(),
    ImportKind.LES_EMPLOIS: LesEmploisImporter(),
    ImportKind.TIMESHEETS: TimesheetImporter(),
}
