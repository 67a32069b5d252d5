from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_POST

from tremplin.accounts.access import require_roles
from tremplin.kernel.forms import run_form
from tremplin.kernel.pdf import PdfUnavailable, pdf_response, render_pdf
from tremplin.people.access import get_person_or_404

from . import rules, selectors, services
from .access import (
    READ_ROLES,
    TECHNICAL_ROLES,
    WRITE_ROLES,
    can_see_obstacles,
    can_write,
    can_write_technical,
    get_review_or_404,
)
from .enums import ReviewKind
from .forms import ReviewCreateForm, ReviewForm, TechnicalForm


@require_roles(*READ_ROLES)
def review_list(request):
    kind = request.GET.get("type", "")
    unsigned = request.GET.get("a_signer") == "1"
    return render(
        request,
        "reviews/review_list.html",
        {
            "reviews": selectors.review_list(request.scope, kind=kind, unsigned=unsigned),
            "kinds": ReviewKind.choices,
            "kind": kind,
            "unsigned": unsigned,
        },
    )


@require_roles(*WRITE_ROLES)
def review_create(request, pk):
    person = get_person_or_404(request.scope, pk)
    kind = request.GET.get("type", "")
    initial = {"held_on": timezone.localdate(), "kind": kind if kind in ReviewKind.values else ReviewKind.ENTRY}
    form = ReviewCreateForm(request.POST or None, initial=initial)
    return run_form(
        request,
        form,
        lambda data: services.review_create(
            actor=request.user,
            person=person,
            kind=data["kind"],
            held_on=data["held_on"],
            professional_project=data["professional_project"],
            target_codes=data["target_codes"],
            next_steps=data["next_steps"],
        ),
        success=f"Le bilan de {person} est enregistré. Il reste à le signer.",
        redirect_to=reverse("people:detail", args=[person.pk]),
        template="reviews/review_form.html",
        context={"person": person, "title": "Nouveau bilan"},
    )


@require_roles(*READ_ROLES)
def review_detail(request, pk):
    review = get_review_or_404(request.scope, pk)
    return render(
        request,
        "reviews/review_detail.html",
        {
            "page": selectors.review_page(review, scope=request.scope),
            "review": review,
            "person": review.person,
            "can_write": can_write(request.scope),
            "can_write_technical": can_write_technical(request.scope),
            "can_see_obstacles": can_see_obstacles(request.scope),
        },
    )


def _refused(request, review, message: str):
    messages.error(request, message)
    return redirect("reviews:detail", pk=review.pk)


@require_roles(*WRITE_ROLES)
def review_update(request, pk):
    review = get_review_or_404(request.scope, pk)
    if refusal := rules.edit_refusal(signed=review.is_signed):
        return _refused(request, review, refusal)
    form = ReviewForm(request.POST or None, initial=ReviewForm.initial_for(review))
    return run_form(
        request,
        form,
        lambda data: services.review_update(actor=request.user, review=review, **data),
        success="Le bilan est enregistré.",
        redirect_to=reverse("reviews:detail", args=[review.pk]),
        template="reviews/review_form.html",
        context={"person": review.person, "review": review, "title": review.get_kind_display()},
    )


@require_POST
@require_roles(*WRITE_ROLES)
def review_sign(request, pk):
    review = get_review_or_404(request.scope, pk)
    try:
        services.review_sign(actor=request.user, review=review)
    except ValidationError as error:
        return _refused(request, review, " ".join(error.messages))
    messages.success(request, "Le bilan est signé : il ne peut plus être modifié.")
    return redirect("reviews:detail", pk=review.pk)


@require_roles(*TECHNICAL_ROLES)
def technical_update(request, pk):
    review = get_review_or_404(request.scope, pk)
    refusal = rules.edit_refusal(signed=review.is_signed) or (
        rules.TECHNICAL_SIGNED if review.technical_is_signed else None
    )
    if refusal:
        return _refused(request, review, refusal)
    form = TechnicalForm(request.POST or None, initial={"technical_assessment": review.technical_assessment})
    return run_form(
        request,
        form,
        lambda data: services.review_technical_update(actor=request.user, review=review, **data),
        success="La partie technique est enregistrée.",
        redirect_to=reverse("reviews:detail", args=[review.pk]),
        template="reviews/review_form.html",
        context={"person": review.person, "review": review, "title": f"{review.get_kind_display()} – partie technique"},
    )


@require_POST
@require_roles(*TECHNICAL_ROLES)
def technical_sign(request, pk):
    review = get_review_or_404(request.scope, pk)
    try:
        services.review_technical_sign(actor=request.user, review=review)
    except ValidationError as error:
        return _refused(request, review, " ".join(error.messages))
    messages.success(request, "La partie technique est signée.")
    return redirect("reviews:detail", pk=review.pk)


@require_roles(*READ_ROLES)
def review_pdf(request, pk):
    review = get_review_or_404(request.scope, pk)
    context = {
        "page": selectors.review_page(review, scope=request.scope),
        "review": review,
        "person": review.person,
        "can_see_obstacles": can_see_obstacles(request.scope),
        "today": timezone.localdate(),
    }
    try:
        pdf = render_pdf("reviews/review.pdf.html", context, request=request)
    except PdfUnavailable as error:
        return _refused(request, review, str(error))
    return pdf_response(pdf, f"{slugify(review.get_kind_display())}-{slugify(str(review.person))}.pdf")
