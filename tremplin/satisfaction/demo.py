"""Demo data of the satisfaction app (idempotent), called by core.demo.seed_demo: about fifteen
anonymous answers spread over the last months at Val Vert, two open invitations and three
testimonials (one whose consent was withdrawn)."""

from datetime import timedelta

from tremplin.people.models import Person

from . import services
from .enums import Question
from .models import Invitation, SatisfactionResponse, Testimonial

# (days ago, levels in the order of Question, comment)
ANSWERS = [
    (12, (4, 4, 4, 3, 4, 3, 4), "L'équipe est à l'écoute, je me sens utile."),
    (19, (3, 4, 3, None, 3, 2, 3), "Il manque des gants à ma taille."),
    (26, (4, 3, 4, 4, 4, 3, 4), ""),
    (41, (3, 3, 4, 3, 2, 3, 3), "Parfois des tensions dans l'équipe du chantier."),
    (55, (4, 4, 4, 4, 4, 4, 4), "Merci pour la formation CACES."),
    (63, (2, 3, 3, 2, 3, 2, 3), "Les horaires d'hiver sont difficiles avec les transports."),
    (78, (4, 3, 3, None, 4, 3, 4), ""),
    (90, (3, 4, 4, 3, 3, 3, 4), "J'aimerais faire une immersion en entreprise."),
    (104, (4, 4, 3, 3, 4, 4, 3), ""),
    (121, (3, 2, 3, 2, 3, 2, 2), "Pas assez d'informations sur la suite après le contrat."),
    (139, (4, 4, 4, 3, 4, 3, 4), "Bon accueil le premier jour."),
    (152, (3, 3, 4, 4, 3, 3, 3), ""),
    (170, (4, 4, 4, 4, 3, 4, 4), "Le maraîchage m'a donné envie de continuer dans ce métier."),
    (188, (2, 3, 3, None, 2, 3, 3), ""),
    (205, (4, 3, 4, 3, 4, 3, 4), "Je recommande à mes proches."),
]

TESTIMONIALS = [
    (
        "Samir",
        "Je suis arrivé sans savoir tenir une débroussailleuse. Aujourd'hui je prépare le CACES et "
        "l'encadrant me confie l'entretien des berges avec un collègue. Je reprends confiance.",
        60,
        None,
    ),
    (
        "Nathalie",
        "Après des années sans travail, le maraîchage m'a redonné un rythme. Ma conseillère m'a aidée "
        "pour le permis et pour un logement : je commence une formation d'ouvrière paysagiste.",
        35,
        None,
    ),
    (
        "Julien",
        "Une bonne équipe et un encadrant patient. J'ai pu faire une immersion dans une entreprise "
        "d'espaces verts de Castelnau.",
        120,
        20,
    ),
]


def seed(*, structures, users, partners, today) -> None:
    structure = structures["val-vert"]
    director = users["direction@demo.tremplin.fr"]
    counsellor = users["cip@demo.tremplin.fr"]
    if not SatisfactionResponse.objects.filter(structure=structure).exists():
        SatisfactionResponse.objects.bulk_create(
            SatisfactionResponse(
                structure=structure,
                answered_on=today - timedelta(days=days),
                answers={q.value: level for q, level in zip(Question, levels, strict=True) if level is not None},
                comment=comment,
            )
            for days, levels, comment in ANSWERS
        )
    hired = list(Person.objects.filter(structure=structure, contracts__isnull=False).distinct().order_by("pk"))
    if not hired:
        return
    if not Invitation.objects.filter(structure=structure).exists():
        for person in hired[:2]:
            services.invitation_create(actor=counsellor, person=person)  # the links are not kept: demo only
    for n, (name, text, consent_days, revoked_days) in enumerate(TESTIMONIALS):
        if Testimonial.objects.filter(structure=structure, author_display_name=name).exists():
            continue
        person = hired[(n + 2) % len(hired)]
        testimonial = services.testimonial_create(
            actor=director,
            structure=structure,
            person=person,
            author_display_name=name,
            text=text,
            consent_given_on=today - timedelta(days=consent_days),
        )
        if revoked_days is None:
            services.testimonial_publish(actor=director, testimonial=testimonial)
        else:
            services.testimonial_revoke_consent(
                actor=director, testimonial=testimonial, revoked_on=today - timedelta(days=revoked_days)
            )
