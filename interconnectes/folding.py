"""French text folded for comparison: lower case, no accents, no ligatures ("Œuvre électronique" → "oeuvre
electronique"). One rule for the site's search and for matching organisation names in the jury's conflicts."""

import unicodedata

LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "’": "'"})


def fold(text: str) -> str:
    """Lower case, without accents or ligatures: "Œuvre électronique" → "oeuvre electronique"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(LIGATURES).lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))
