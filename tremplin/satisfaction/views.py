from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from tremplin.accounts.access import require_roles
from tremplin.kernel.forms import add_service_errors, run_form
from tremplin.kernel.uploads import file_download
from tremplin.people.access import get_person_or_404

from . import selectors, services
from .access import (
    COLLECT_ROLES,
    PUBLISHABLE_ROLES,
    RESULTS_ROLES,
    TESTIMONIAL_ROLES,
    can_collect,
    can_manage_testimonials,
    get_readable_testimonial_or_404,
    get_testimonial_or_404,
)
from .enums import LEVEL_ICONS
from .forms import PeriodForm, QuestionnaireForm, RevokeForm, TestimonialForm
from .validators import content_type_of


def _period(request) -> tuple[PeriodForm, date, date]:
    """?du=&au=, else the 12 months up to today (from the 1st of the month a year ago)."""
    today = timezone.localdate()
    default = {"du": date(today.year - 1, today.month, 1), "au": today}
    if request.GET:
        form = PeriodForm(request.GET)
        if form.is_valid():
            return form, form.cleaned_data["du"], form.cleaned_data["au"]
        return form, default["du"], default["au"]
    return PeriodForm(initial=default), default["du"], default["au"]


@require_roles(*RESULTS_ROLES)
def results(request):
    form, start, end = _period(request)
    return render(
        request,
        "satisfaction/results.html",
        {
            "form": form,
            "start": start,
            "end": end,
            "results": selectors.results(request.scope.structure, start, end),
            "can_collect": can_collect(request.scope),
            "can_manage_testimonials": can_manage_testimonials(request.scope),
        },
    )


def _questionnaire(request, form, *, structure_name, action, thanks=False, status=200):
    return render(
        request,
        "satisfaction/questionnaire.html",
        {"form": form, "structure_name": structure_name, "action": action, "thanks": thanks, "icons": LEVEL_ICONS},
        status=status,
    )


@never_cache
@require_roles(*COLLECT_ROLES)
def kiosk(request):
    """The shared tablet: the questionnaire, then thanks and a fresh form. Nothing personal on
    the page (no menu, no name), the session stays the staff member's."""
    structure = request.scope.structure
    form = QuestionnaireForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.response_submit(structure=structure, answers=form.answers(), comment=form.cleaned_data["comment"])
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            return redirect(f"{reverse('satisfaction:kiosk')}?merci=1")
    return _questionnaire(
        request,
        form,
        structure_name=structure.name,
        action=reverse("satisfaction:kiosk"),
        thanks=request.method == "GET" and request.GET.get("merci") == "1",
    )


@login_not_required
@never_cache
def public_answer(request, token):
    """The questionnaire through a one-time link, without an account. An unknown, used or
    expired link answers 404 with a page that says so; the page shows only the ACI's name."""
    invitation = selectors.valid_invitation(token)
    if invitation is None:
        return render(request, "satisfaction/link_invalid.html", status=404)
    form = QuestionnaireForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.response_submit_by_invitation(
                token=token, answers=form.answers(), comment=form.cleaned_data["comment"]
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            return render(request, "satisfaction/thanks.html", {"structure_name": invitation.structure.name})
    return _questionnaire(
        request,
        form,
        structure_name=invitation.structure.name,
        action=reverse("satisfaction:answer", kwargs={"token": token}),
    )


@require_roles(*COLLECT_ROLES)
def invitation_list(request):
    return render(
        request,
        "satisfaction/invitations.html",
        {"rows": selectors.invitation_list(request.scope.structure, now=timezone.now())},
    )


@never_cache
@require_roles(*COLLECT_ROLES)
def invitation_create(request, pk):
    """GET: what the link is; POST: create it and show it, once (only its hash is kept)."""
    person = get_person_or_404(request.scope, pk)
    if request.method != "POST":
        return render(request, "satisfaction/invite.html", {"person": person})
    invitation, token = services.invitation_create(actor=request.user, person=person)
    link = request.build_absolute_uri(reverse("satisfaction:answer", kwargs={"token": token}))
    return render(request, "satisfaction/invite.html", {"person": person, "invitation": invitation, "link": link})


@require_roles(*TESTIMONIAL_ROLES)
def testimonial_list(request):
    return render(
        request,
        "satisfaction/testimonials.html",
        {"testimonials": selectors.testimonial_list(request.scope.structure)},
    )


@require_roles(*PUBLISHABLE_ROLES)
def publishable(request):
    return render(
        request,
        "satisfaction/publishable.html",
        {
            "testimonials": selectors.publishable_testimonials(request.scope.structure),
            "can_manage": can_manage_testimonials(request.scope),
        },
    )


@require_roles(*TESTIMONIAL_ROLES)
def testimonial_create(request):
    structure = request.scope.structure
    form = TestimonialForm(request.POST or None, request.FILES or None, structure=structure)
    return run_form(
        request,
        form,
        lambda data: services.testimonial_create(actor=request.user, structure=structure, **data),
        success="Le témoignage est enregistré.",
        redirect_to=reverse("satisfaction:testimonials"),
        template="satisfaction/testimonial_form.html",
        context={"title": "Nouveau témoignage"},
    )


@require_roles(*TESTIMONIAL_ROLES)
def testimonial_update(request, pk):
    testimonial = get_testimonial_or_404(request.scope, pk)
    initial = {
        "person": testimonial.person,
        "author_display_name": testimonial.author_display_name,
        "text": testimonial.text,
        "consent_given_on": testimonial.consent_given_on,
    }
    form = TestimonialForm(
        request.POST or None, request.FILES or None, initial=initial, structure=testimonial.structure
    )
    return run_form(
        request,
        form,
        lambda data: services.testimonial_update(actor=request.user, testimonial=testimonial, **data),
        success="Le témoignage est enregistré.",
        redirect_to=reverse("satisfaction:testimonial_detail", args=[testimonial.pk]),
        template="satisfaction/testimonial_form.html",
        context={"title": f"Modifier le {testimonial}", "testimonial": testimonial},
    )


@require_roles(*TESTIMONIAL_ROLES)
def testimonial_detail(request, pk):
    testimonial = get_testimonial_or_404(request.scope, pk)
    return render(request, "satisfaction/testimonial_detail.html", {"testimonial": testimonial})


def _action(request, pk, call, success):
    testimonial = get_testimonial_or_404(request.scope, pk)
    try:
        call(testimonial)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect("satisfaction:testimonial_detail", pk=testimonial.pk)


@require_POST
@require_roles(*TESTIMONIAL_ROLES)
def testimonial_publish(request, pk):
    return _action(
        request,
        pk,
        lambda t: services.testimonial_publish(actor=request.user, testimonial=t),
        "Le témoignage est publiable.",
    )


@require_POST
@require_roles(*TESTIMONIAL_ROLES)
def testimonial_unpublish(request, pk):
    return _action(
        request,
        pk,
        lambda t: services.testimonial_unpublish(actor=request.user, testimonial=t),
        "Le témoignage n'est plus publiable.",
    )


@require_roles(*TESTIMONIAL_ROLES)
def testimonial_revoke(request, pk):
    testimonial = get_testimonial_or_404(request.scope, pk)
    form = RevokeForm(request.POST or None, initial={"revoked_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.testimonial_revoke_consent(
                actor=request.user, testimonial=testimonial, revoked_on=form.cleaned_data["revoked_on"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Le retrait du consentement est enregistré : le témoignage n'est plus publiable.")
            return redirect("satisfaction:testimonial_detail", pk=testimonial.pk)
    return render(request, "satisfaction/revoke.html", {"form": form, "testimonial": testimonial})


@require_roles(*PUBLISHABLE_ROLES)
def testimonial_photo(request, pk):
    testimonial = get_readable_testimonial_or_404(request.scope, pk)
    response = file_download(
        testimonial.photo,
        filename=testimonial.photo.name.rsplit("/", 1)[-1],
        content_type=content_type_of(testimonial.photo.name),
    )
    response["Content-Disposition"] = "inline"
    return response
