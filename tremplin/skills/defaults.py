"""The default grids offered when creating a grid and seeded in the demo. The savoir-être come
from the objectives grid of seed 002 (professional behaviour, re-socialisation and autonomy,
rights and duties at work); the savoir-faire from the trades of the demo ACI."""

SOFT_SKILLS = [
    "Ponctualité",
    "Assiduité",
    "Respect des consignes",
    "Travail en équipe",
    "Respect des règles de sécurité et port des EPI",
    "Autonomie dans les tâches confiées",
    "Communication avec l'encadrement et les collègues",
    "Présentation et tenue adaptées",
    "Soin du matériel et des outils",
]

TRADES = {
    "espaces-verts": (
        "Espaces verts",
        "A1203",
        [
            "Tonte et débroussaillage",
            "Taille des haies et des arbustes",
            "Désherbage manuel et alternatif",
            "Plantation et entretien des massifs",
            "Utilisation et entretien du petit matériel thermique",
            "Ramassage et tri des déchets verts",
            "Lecture d'un plan de chantier simple",
        ],
    ),
    "maraichage": (
        "Maraîchage",
        "A1414",
        [
            "Préparation du sol",
            "Semis et repiquage",
            "Arrosage et irrigation",
            "Entretien des cultures sous serre",
            "Récolte et conditionnement",
            "Préparation des paniers et des commandes",
            "Reconnaissance des légumes de saison",
        ],
    ),
    "restauration-collective": (
        "Restauration collective",
        "G1602",
        [
            "Application des règles d'hygiène (HACCP)",
            "Préparations froides (entrées, desserts)",
            "Cuisson et remise en température",
            "Respect des grammages et des fiches techniques",
            "Réception et stockage des marchandises",
            "Service et distribution des repas",
            "Plonge et entretien des locaux",
        ],
    ),
}
