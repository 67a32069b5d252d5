"""The one check of every uploaded document (person documents, referral attachments, proofs):
PDF, JPEG or PNG only, by extension *and* by the file's first bytes, 10 MB at most."""

import os

from django.conf import settings
from django.core.exceptions import ValidationError

DOCUMENT_TYPE = "Ce type de fichier n'est pas accepté : PDF, JPEG ou PNG seulement."
DOCUMENT_SIZE = "Le fichier dépasse 10 Mo : réduisez-le ou scannez-le en qualité moindre."

SIGNATURES = {".pdf": (b"%PDF",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",), ".png": (b"\x89PNG",)}


def check_upload(upload, *, field: str = "upload") -> str:
    """Raise a ValidationError on `field` when the file is refused; return its extension."""
    extension = os.path.splitext(upload.name)[1].lower()
    head = upload.read(8)
    upload.seek(0)
    allowed = extension in settings.TREMPLIN_UPLOAD_TYPES and head.startswith(SIGNATURES.get(extension, (b"\0\0",)))
    if not allowed:
        raise ValidationError({field: DOCUMENT_TYPE})
    if upload.size > settings.TREMPLIN_UPLOAD_MAX_BYTES:
        raise ValidationError({field: DOCUMENT_SIZE})
    return extension


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
