"""Demo data of the immersions app (idempotent), called by core.demo.seed_demo."""


def seed(*, structures, users, partners, today) -> None:
    return None
