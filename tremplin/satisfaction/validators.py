"""The check of a testimonial's photo: JPEG or PNG by extension, declared type and first bytes,
2 MB at most."""

import os

from django.core.exceptions import ValidationError

PHOTO_MAX_BYTES = 2 * 1024 * 1024
PHOTO_TYPE = "La photo doit être une image JPEG ou PNG."
PHOTO_SIZE = "La photo dépasse 2 Mo : réduisez-la avant de l'envoyer."

SIGNATURES = {".jpg": b"\xff\xd8\xff", ".jpeg": b"\xff\xd8\xff", ".png": b"\x89PNG\r\n\x1a\n"}
CONTENT_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png"}


def check_photo(upload, *, field: str = "photo") -> None:
    extension = os.path.splitext(upload.name)[1].lower()
    head = upload.read(8)
    upload.seek(0)
    declared = getattr(upload, "content_type", None)
    if (
        extension not in SIGNATURES
        or not head.startswith(SIGNATURES[extension])
        or (declared and declared != CONTENT_TYPES[extension])
    ):
        raise ValidationError({field: PHOTO_TYPE})
    if upload.size > PHOTO_MAX_BYTES:
        raise ValidationError({field: PHOTO_SIZE})


def content_type_of(name: str) -> str:
    return CONTENT_TYPES.get(os.path.splitext(name)[1].lower(), "application/octet-stream")
