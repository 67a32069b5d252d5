"""Contract pages: each one checks access, binds its form, calls one service, redirects to the
person's page. The rules live in services.py."""

from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from tremplin.accounts.access import require_roles
from tremplin.kernel.forms import run_form
from tremplin.kernel.query import id_or_404
from tremplin.organisations.selectors import production_support_list
from tremplin.people.access import get_person_or_404

from . import services
from .access import MANAGER_ROLES, get_contract_or_404, get_follow_up_or_404
from .forms import (
    DerogationForm,
    EarlyEndForm,
    ExitForm,
    FollowUpForm,
    HireForm,
    HoursForm,
    JobForm,
    RenewForm,
    SuspensionForm,
)


def _run(request, form, call, *, success: str, person, template: str, context: dict):
    return run_form(
        request,
        form,
        call,
        success=success,
        redirect_to=reverse("people:detail", args=[person.pk]),
        template=template,
        context={"person": person, **context},
    )


@require_roles(*MANAGER_ROLES)
def hire(request, pk):
    """Hire a person, from their page or from their referral (`?orientation=<pk>`): then the
    referral moves to "Embauchée" with the contract."""
    from tremplin.eligibility.selectors import person_eligibility_summary
    from tremplin.recruitment.access import get_referral_or_404
    from tremplin.recruitment.services import referral_hire

    person = get_person_or_404(request.scope, pk)
    referral = None
    if request.GET.get("orientation"):
        referral = get_referral_or_404(request.scope, id_or_404(request.GET["orientation"]))
        if referral.person_id != person.pk:
            raise Http404("Orientation introuvable.")
    form = HireForm(request.POST or None, supports=production_support_list(request.scope))

    def call(data):
        if referral is not None:
            referral_hire(actor=request.user, referral=referral, **data)
        else:
            services.contract_create(actor=request.user, person=person, **data)

    return _run(
        request,
        form,
        call,
        success=f"{person} est embauché·e.",
        person=person,
        template="contracts/action_form.html",
        context={
            "title": f"Embaucher {person}",
            "submit": "Embaucher",
            "eligibility": person_eligibility_summary(person, timezone.localdate()),
            "referral": referral,
        },
    )


def _contract_action(request, pk, form_class, call_service, *, title, submit, success):
    contract = get_contract_or_404(request.scope, pk)
    form = form_class(request.POST or None, request.FILES or None)
    return _run(
        request,
        form,
        lambda data: call_service(contract, data),
        success=success,
        person=contract.person,
        template="contracts/action_form.html",
        context={"title": title, "submit": submit, "contract": contract},
    )


@require_roles(*MANAGER_ROLES)
def renew(request, pk):
    return _contract_action(
        request,
        pk,
        RenewForm,
        lambda contract, data: services.contract_renew(actor=request.user, contract=contract, **data),
        title="Renouveler le contrat",
        submit="Renouveler",
        success="Le contrat est renouvelé.",
    )


@require_roles(*MANAGER_ROLES)
def change_hours(request, pk):
    return _contract_action(
        request,
        pk,
        HoursForm,
        lambda contract, data: services.contract_change_hours(actor=request.user, contract=contract, **data),
        title="Changer la durée hebdomadaire",
        submit="Enregistrer l'avenant",
        success="L'avenant est enregistré.",
    )


@require_roles(*MANAGER_ROLES)
def change_job(request, pk):
    return _contract_action(
        request,
        pk,
        JobForm,
        lambda contract, data: services.contract_change_job(actor=request.user, contract=contract, **data),
        title="Changer de poste",
        submit="Enregistrer l'avenant",
        success="L'avenant est enregistré.",
    )


@require_roles(*MANAGER_ROLES)
def suspend(request, pk):
    return _contract_action(
        request,
        pk,
        SuspensionForm,
        lambda contract, data: services.suspension_record(actor=request.user, contract=contract, **data),
        title="Suspendre le contrat",
        submit="Enregistrer la suspension",
        success="La suspension est enregistrée.",
    )


@require_roles(*MANAGER_ROLES)
def end_early(request, pk):
    return _contract_action(
        request,
        pk,
        EarlyEndForm,
        lambda contract, data: services.contract_end_early(actor=request.user, contract=contract, **data),
        title="Fin anticipée du contrat",
        submit="Enregistrer la fin anticipée",
        success="La fin anticipée est enregistrée. Enregistrez maintenant la sortie.",
    )


@require_roles(*MANAGER_ROLES)
def record_exit(request, pk):
    return _contract_action(
        request,
        pk,
        ExitForm,
        lambda contract, data: services.exit_record(actor=request.user, contract=contract, **data),
        title="Enregistrer la sortie",
        submit="Enregistrer la sortie",
        success="La sortie est enregistrée ; les suivis à 3 et 6 mois sont programmés.",
    )


@require_roles(*MANAGER_ROLES)
def derogation_create(request, pk):
    person = get_person_or_404(request.scope, pk)
    form = DerogationForm(request.POST or None, request.FILES or None)

    def call(data):
        services.derogation_record(actor=request.user, structure=person.structure, person=person, **data)

    return _run(
        request,
        form,
        call,
        success="La dérogation est enregistrée.",
        person=person,
        template="contracts/action_form.html",
        context={"title": f"Dérogation pour {person}", "submit": "Enregistrer la dérogation", "multipart": True},
    )


@require_roles(*MANAGER_ROLES)
def follow_up(request, pk):
    follow_up = get_follow_up_or_404(request.scope, pk)
    form = FollowUpForm(request.POST or None)
    return _run(
        request,
        form,
        lambda data: services.follow_up_record(follow_up=follow_up, **data),
        success="Le suivi est enregistré.",
        person=follow_up.exit.person,
        template="contracts/action_form.html",
        context={"title": f"Suivi à {follow_up.months_after} mois après la sortie", "submit": "Enregistrer"},
    )
