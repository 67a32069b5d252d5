"""Demo data of the committees app (idempotent), called by core.demo.seed_demo."""


def seed(*, structures, users, partners, today) -> None:
    return None
