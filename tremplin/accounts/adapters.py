from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created by a director or an administrator, never by self sign-up."""

    def is_open_for_signup(self, request):
        return False
