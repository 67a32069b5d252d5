"""The one check of every stored file, and where it is stored.

- `check_upload`: an uploaded document (person documents, referral attachments, proofs,
  decisions) is PDF, JPEG or PNG only, by extension *and* by the file's first bytes, 10 MB at most.
- `FileCheck`: the validator every FileField of the project carries (a test enumerates them), so
  that a file assigned by any service is checked by `full_clean`, whatever its form forgot.
- `AciPath`: every file is stored under its ACI (`<prefix>/<ACI id>/...`), under a random name
  unless the name is asked for (an original name often names a person)."""

import os
import uuid
from operator import attrgetter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

DOCUMENT_TYPE = "Ce type de fichier n'est pas accepté : PDF, JPEG ou PNG seulement."
DOCUMENT_SIZE = "Le fichier dépasse 10 Mo : réduisez-le ou scannez-le en qualité moindre."

FILE_TYPE = "Ce type de fichier n'est pas accepté : {kinds} seulement."
FILE_SIZE = "Le fichier dépasse {size} Mo : réduisez-le."

SIGNATURES = {
    ".pdf": (b"%PDF",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".png": (b"\x89PNG",),
    ".xlsx": (b"PK\x03\x04",),
    ".csv": None,  # text: no signature, but never a NUL byte in its first bytes
}
LABELS = {".pdf": "PDF", ".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".xlsx": "XLSX", ".csv": "CSV"}
DOCUMENTS = (".pdf", ".jpg", ".jpeg", ".png")
MEGABYTE = 1024 * 1024


def _type_ok(extension: str, head: bytes) -> bool:
    if extension not in SIGNATURES:
        return False
    signatures = SIGNATURES[extension]
    return b"\0" not in head if signatures is None else head.startswith(signatures)


def check_file(upload, *, extensions=DOCUMENTS, max_bytes: int | None = None, field: str | None = None) -> str:
    """Raise a ValidationError (on `field` when given) when the file is refused; return its extension."""
    extension = os.path.splitext(upload.name or "")[1].lower()
    head = upload.read(8)
    upload.seek(0)
    default_size = max_bytes is None
    max_bytes = max_bytes or settings.TREMPLIN_UPLOAD_MAX_BYTES
    if extension not in extensions or not _type_ok(extension, head):
        kinds = ", ".join(dict.fromkeys(LABELS[e] for e in extensions))
        message = DOCUMENT_TYPE if tuple(extensions) == DOCUMENTS else FILE_TYPE.format(kinds=kinds)
        raise ValidationError({field: message} if field else message)
    if upload.size > max_bytes:
        message = DOCUMENT_SIZE if default_size else FILE_SIZE.format(size=max_bytes // MEGABYTE)
        raise ValidationError({field: message} if field else message)
    return extension


def check_upload(upload, *, field: str = "upload") -> str:
    """An uploaded document: PDF, JPEG or PNG, 10 MB at most; refused on `field`."""
    return check_file(upload, field=field)


@deconstructible
class FileCheck:
    """The validator of a FileField: a file newly assigned (not yet stored) is checked by type,
    first bytes and size; a file already stored is not read again."""

    def __init__(self, extensions=DOCUMENTS, max_bytes: int | None = None):
        self.extensions, self.max_bytes = tuple(extensions), max_bytes

    def __call__(self, value) -> None:
        if not value or getattr(value, "_committed", True):
            return
        check_file(value.file, extensions=self.extensions, max_bytes=self.max_bytes)

    def __eq__(self, other) -> bool:
        return isinstance(other, FileCheck) and (self.extensions, self.max_bytes) == (other.extensions, other.max_bytes)


@deconstructible
class AciPath:
    """upload_to: `<prefix>/<ACI id>[/<folder id>]/<random name><extension>` (or the file's own
    name with `keep_name`); `structure` and `folder` are attribute paths of the instance."""

    def __init__(self, prefix: str, structure: str, folder: str | None = None, keep_name: bool = False):
        self.prefix, self.structure, self.folder, self.keep_name = prefix, structure, folder, keep_name

    def __call__(self, instance, filename: str) -> str:
        parts = [self.prefix, str(attrgetter(self.structure)(instance))]
        if self.folder:
            parts.append(str(attrgetter(self.folder)(instance)))
        extension = os.path.splitext(filename)[1].lower()[:10]
        parts.append(filename if self.keep_name else f"{uuid.uuid4().hex}{extension}")
        return "/".join(parts)

    def __eq__(self, other) -> bool:
        return isinstance(other, AciPath) and vars(self) == vars(other)


def file_download(field_file, *, filename: str, content_type: str | None = None):
    """Stream a stored document as an attachment (the caller has checked access); a file
    missing from the storage, or no file at all, is a 404."""
    from django.http import FileResponse, Http404

    if not field_file:
        raise Http404("Aucun fichier.")
    try:
        handle = field_file.open("rb")
    except FileNotFoundError as error:
        raise Http404("Fichier introuvable.") from error
    return FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)


def bytes_download(content: bytes, *, filename: str, content_type: str):
    """A generated file (CSV, XLSX, PDF) as an attachment, its name encoded for every browser."""
    from django.http import HttpResponse
    from django.utils.http import content_disposition_header

    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response
