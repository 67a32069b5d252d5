from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tremplin.accounts.access import require_roles
from tremplin.accounts.enums import Role
from tremplin.kernel.forms import add_service_errors, run_form
from tremplin.kernel.query import id_or_404
from tremplin.kernel.uploads import file_download
from tremplin.partners.selectors import active_partners

from . import services
from .access import (
    MANAGER_ROLES,
    READER_ROLES,
    can_manage_referrals,
    get_attachment_or_404,
    get_referral_or_404,
    get_session_or_404,
    referrals_in_scope,
)
from .enums import CLOSED_STATES, HIRING_ONLY_STATES, TRANSITIONS, ReferralState
from .forms import (
    InformationSessionForm,
    InviteForm,
    PrescriberReferralForm,
    ReferralForm,
    ReferralUpdateForm,
    TransitionForm,
)
from .selectors import (
    referral_history,
    referral_possible_duplicates,
    referrals_for_prescriber,
    session_attendances,
)

PAGE_SIZE = 50


@require_roles(*READER_ROLES)
def referral_list(request):
    state = request.GET.get("etat") if request.GET.get("etat") in ReferralState.values else None
    referrals = referrals_in_scope(request.scope).filter(structure=request.scope.structure)
    if state:
        referrals = referrals.filter(state=state)
    referrals = referrals.select_related("person", "partner").order_by("-referred_on", "-pk")
    page = Paginator(referrals, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "recruitment/referral_list.html",
        {
            "page": page,
            "query": query.urlencode(),
            "state": state,
            "states": ReferralState.choices,
            "can_manage": can_manage_referrals(request.scope),
        },
    )


@require_roles(*MANAGER_ROLES)
def referral_create(request):
    structure = request.scope.structure
    partners = active_partners(structure.organisation_id)
    form = ReferralForm(request.POST or None, partners=partners)
    duplicate = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            referral = services.referral_register(
                actor=request.user,
                structure=structure,
                identity=form.identity(),
                confirm_not_duplicate=data["confirm_not_duplicate"],
                referred_on=data["referred_on"],
                reason=data["reason"],
                partner=data["partner"],
                referent_name=data["referent_name"],
                referent_email=data["referent_email"],
            )
        except ValidationError as error:
            duplicate = any(e.code == "duplicate" for e in getattr(error, "error_list", []))
            add_service_errors(form, error)
        else:
            messages.success(request, f"L'orientation de {referral.person} est enregistrée.")
            return redirect("recruitment:detail", pk=referral.pk)
    return render(request, "recruitment/referral_form.html", {"form": form, "duplicate": duplicate})


@require_roles(*READER_ROLES)
def referral_detail(request, pk):
    referral = get_referral_or_404(request.scope, pk)
    manage = can_manage_referrals(request.scope)
    return render(
        request,
        "recruitment/referral_detail.html",
        {
            "referral": referral,
            "history": referral_history(referral),
            "duplicates": referral_possible_duplicates(referral) if manage else [],
            "transition_form": TransitionForm(state=referral.state) if manage else None,
            "can_manage": manage,
            "can_edit": manage and referral.state not in CLOSED_STATES,
            "can_hire": manage and bool(HIRING_ONLY_STATES & TRANSITIONS[ReferralState(referral.state)]),
            "attachments": referral.attachments.all(),
        },
    )


@require_roles(*MANAGER_ROLES)
def referral_edit(request, pk):
    """Correct an open referral (prescriber, referent, date, reason)."""
    referral = get_referral_or_404(request.scope, pk)
    fields = services.REFERRAL_FIELDS
    form = ReferralUpdateForm(
        request.POST or None,
        partners=active_partners(referral.structure.organisation_id),
        initial={name: getattr(referral, name) for name in fields},
    )
    return run_form(
        request,
        form,
        lambda data: services.referral_update(referral=referral, **data),
        success="L'orientation est corrigée.",
        redirect_to=reverse("recruitment:detail", args=[referral.pk]),
        template="recruitment/referral_edit.html",
        context={"referral": referral},
    )


@require_POST
@require_roles(*MANAGER_ROLES)
def referral_transition(request, pk):
    referral = get_referral_or_404(request.scope, pk)
    form = TransitionForm(request.POST, state=referral.state)
    if form.is_valid():
        try:
            services.referral_transition(actor=request.user, referral=referral, **form.cleaned_data)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, "L'étape de l'orientation est enregistrée.")
    else:
        messages.error(request, "Choisissez une étape possible pour cette orientation.")
    return redirect("recruitment:detail", pk=referral.pk)


@require_POST
@require_roles(*MANAGER_ROLES)
def attachment_upload(request, pk):
    referral = get_referral_or_404(request.scope, pk)
    upload = request.FILES.get("upload")
    if upload is None:
        messages.error(request, "Choisissez un fichier.")
    else:
        try:
            services.attachment_add(actor=request.user, referral=referral, upload=upload)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, "La pièce est ajoutée.")
    return redirect("recruitment:detail", pk=referral.pk)


@require_roles(*MANAGER_ROLES)
def attachment_download(request, pk):
    attachment = get_attachment_or_404(request.scope, pk)
    return file_download(attachment.file, filename=attachment.original_name)


@require_roles(*MANAGER_ROLES)
def session_list(request):
    structure = request.scope.structure
    form = InformationSessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.information_session_create(actor=request.user, structure=structure, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "L'information collective est programmée.")
            return redirect("recruitment:session_detail", pk=session.pk)
    from .selectors import information_sessions_for_structure

    return render(
        request,
        "recruitment/session_list.html",
        {"sessions": information_sessions_for_structure(structure), "form": form},
    )


@require_roles(*MANAGER_ROLES)
def session_detail(request, pk):
    session = get_session_or_404(request.scope, pk)
    invitable = (
        referrals_in_scope(request.scope)
        .filter(structure=session.structure)
        .exclude(state__in=CLOSED_STATES)
        .exclude(session_attendances__session=session)
        .select_related("person")
    )
    form = InviteForm(request.POST or None, referrals=invitable)
    if request.method == "POST" and "attendance" in request.POST:
        referral = get_referral_or_404(request.scope, id_or_404(request.POST.get("referral")))
        try:
            services.session_record_attendance(
                session=session, referral=referral, attended=request.POST["attendance"] == "present"
            )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        return redirect("recruitment:session_detail", pk=session.pk)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_invite(actor=request.user, session=session, referral=form.cleaned_data["referral"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "La personne est invitée.")
            return redirect("recruitment:session_detail", pk=session.pk)
    return render(
        request,
        "recruitment/session_detail.html",
        {"session": session, "attendances": session_attendances(session), "form": form},
    )


@require_roles(Role.PRESCRIBER)
def prescriber_referrals(request):
    return render(
        request,
        "recruitment/prescriber_list.html",
        {"rows": referrals_for_prescriber(request.scope.membership)},
    )


@require_roles(Role.PRESCRIBER)
def prescriber_referral_create(request):
    form = PrescriberReferralForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_submit_by_prescriber(
                actor=request.user,
                membership=request.scope.membership,
                identity=form.identity(),
                referred_on=form.cleaned_data["referred_on"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, "Votre orientation est transmise à l'ACI.")
            return redirect("recruitment:prescriber_list")
    return render(request, "recruitment/prescriber_form.html", {"form": form})
