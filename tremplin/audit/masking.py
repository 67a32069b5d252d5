def mask_value(value: str) -> str:
    """Sensitive values never reach the audit trail: only the fact that they changed."""
    return "•••••• (masqué)"
