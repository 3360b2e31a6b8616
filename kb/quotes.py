"""Document → Quotes: the words inside quotation marks, with speaker, role and utterance (kb's own rules)."""


def quotes_of(document, passages):
    return []
