"""Printable documents rendered by WeasyPrint from a Django template (A4, French). Nothing is
fetched from the network: only data: URLs are allowed inside a document."""

from django.http import HttpResponse
from django.template.loader import render_to_string

from tremplin.kernel.uploads import bytes_download

PDF_UNAVAILABLE = (
    "Le document PDF ne peut pas être produit sur ce serveur : la bibliothèque Pango manque "
    "(paquets Debian libpango-1.0-0 et libpangoft2-1.0-0)."
)


class PdfUnavailable(RuntimeError):
    pass


def render_pdf(template: str, context: dict, *, request=None) -> bytes:
    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher
    except OSError as error:  # the system libraries of WeasyPrint are missing
        raise PdfUnavailable(PDF_UNAVAILABLE) from error
    html = render_to_string(template, context, request=request)
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    return bytes_download(pdf, filename=filename, content_type="application/pdf")
