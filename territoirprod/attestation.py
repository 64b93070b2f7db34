"""The attestation of attendance of an edition: the facts (`facts_for`), their text (`text_lines`, pure) and the
PDF (`render_pdf`, by fpdf2 with its core fonts: nothing to install or embed, Latin-1 text)."""

import datetime
from dataclasses import dataclass

from django.utils import formats
from fpdf import FPDF

from events.timeline import PARIS
from territoirprod import rules
from territoirprod.models import Attendance

ASSOCIATION = "Les Interconnectés"


@dataclass(frozen=True)
class Line:
    theme: str
    number: int
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime


@dataclass(frozen=True)
class Facts:
    person: str
    edition: str
    lines: tuple[Line, ...]
    issued_on: datetime.date


def facts_for(user, edition, now) -> Facts:
    """What the attestation of `user` for `edition` says, issued at `now`: one query."""
    attendances = (Attendance.objects.filter(user=user, sequence__theme__path__startswith=edition.path,
                                             sequence__theme__depth=edition.depth + 1)
                   .select_related("sequence__theme").order_by("sequence__starts_at", "sequence__number"))
    lines = tuple(Line(a.sequence.theme.title, a.sequence.number, a.sequence.title, a.sequence.starts_at,
                       a.sequence.ends_at) for a in attendances)
    return Facts(person=user.get_full_name() or user.email, edition=edition.title, lines=lines,
                 issued_on=now.astimezone(PARIS).date())


def text_lines(facts: Facts) -> list[str]:
    """The attestation's text, line by line, in French: what the PDF prints."""
    total = rules.total_duration((line.starts_at, line.ends_at) for line in facts.lines)
    lines = [
        ASSOCIATION,
        "Attestation de participation à Territoir'Prod",
        f"{ASSOCIATION} attestent que {facts.person} a participé aux séquences suivantes de l'édition "
        f"« {facts.edition} » du programme Territoir'Prod :",
    ]
    theme = None
    for line in facts.lines:
        if line.theme != theme:
            theme = line.theme
            lines.append(f"Thème : {theme}")
        start, end = line.starts_at.astimezone(PARIS), line.ends_at.astimezone(PARIS)
        lines.append(f"Séquence {line.number} : {line.title}, le {formats.date_format(start, 'j F Y')} de "
                     f"{start:%H:%M} à {end:%H:%M} ({rules.format_duration(end - start)})")
    lines.append(f"Durée totale : {rules.format_duration(total)} ({len(facts.lines)} séquence"
                 f"{'s' if len(facts.lines) > 1 else ''})")
    lines.append(f"Fait le {formats.date_format(facts.issued_on, 'j F Y')}, pour servir et valoir ce que de droit.")
    return lines


def latin1(text: str) -> str:
    """The core fonts write Latin-1: typographic signs outside it are replaced by their plain forms."""
    replaced = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-",
                                             "œ": "oe", "Œ": "OE", "…": "...", "\u202f": " "}))
    return replaced.encode("latin-1", "replace").decode("latin-1")


def render_pdf(facts: Facts) -> bytes:
    text = text_lines(facts)
    pdf = FPDF(format="A4")
    pdf.set_title(latin1(f"Attestation Territoir'Prod - {facts.person}"))
    pdf.set_author(latin1(ASSOCIATION))
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.cell(0, 10, latin1(text[0]), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 13)
    pdf.cell(0, 10, latin1(text[1]), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    for line in text[2:]:
        bold = line.startswith(("Thème : ", "Durée totale"))
        pdf.set_font("Helvetica", "B" if bold else "", 11)
        pdf.multi_cell(0, 6, latin1(line), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    return bytes(pdf.output())
