from django.core.management.base import BaseCommand

from tremplin.core.demo import DEMO_LOGINS, DEMO_PASSWORD, EXTRA_MEMBERSHIPS


class Command(BaseCommand):
    help = "Affiche les identifiants de démonstration (un par rôle)."

    def handle(self, *args, **options):
        extra = {email for email, _, _ in EXTRA_MEMBERSHIPS}
        self.stdout.write("")
        self.stdout.write(f"Identifiants de démonstration (mot de passe commun : {DEMO_PASSWORD})")
        for login in DEMO_LOGINS:
            where = "toute la structure porteuse" if login.where == "organisation" else login.where
            note = " + un second ACI" if login.email in extra else ""
            self.stdout.write(f"  {login.role.label:<36} {login.email:<40} ({where}{note})")
        self.stdout.write("")
