"""Passage → Figures: numbers with their unit, qualifier and what they measure (kb's own rules)."""


def figures_of(document, passages):
    return []
