"""Server-side SVG charts for the jury dashboard: no script, no third-party library.

Each function returns SVG markup with a <title> and <desc> for assistive
technologies; all text is escaped and every number is written the French way
("1,4", "+29,4"), as the tables beside the charts write them. The geometry
leaves each text its own place: a label never shares a line with a bar, and
a value always has the room it needs between its bar's end and the edge, so
nothing overlaps or is clipped however narrow the chart is drawn (the SVG
scales as a whole). Colours match the site's stylesheet.
"""

import zlib

from django.utils.html import escape
from django.utils.translation import gettext as _

BAR = "#0a4a82"
SEVERE = "#b3361b"
LENIENT = "#1e6b34"
INK = "#1b1b2f"
# Room for a value such as "+100,0" at 11 units per character height: about 6.5 units a character.
VALUE_ROOM = 48
LABEL_CHARS = 60  # longer labels are cut with "…" (the <desc> keeps them whole)


def french_number(value: float, decimals: int = 1, *, sign: bool = False) -> str:
    """A number as French writes it: a decimal comma, an explicit sign when asked.

    >>> french_number(1.44), french_number(29.43, sign=True), french_number(-3, sign=True)
    ('1,4', '+29,4', '-3,0')
    """
    text = f"{value:{'+' if sign else ''}.{decimals}f}"
    return text.replace(".", ",")


def _short(label: str, chars: int = LABEL_CHARS) -> str:
    return label if len(label) <= chars else label[:chars - 1].rstrip() + "…"


def _svg(width, height, title, desc, body):
    # Ids derived from the title, so that several charts on one page never share one.
    ident = f"chart-{zlib.crc32(title.encode()):08x}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d" class="chart"><title id="{ident}-t">{escape(title)}</title>'
        f'<desc id="{ident}-d">{escape(desc)}</desc>{body}</svg>'
    )


def histogram(counts: dict, criterion: str, width: int = 320, height: int = 180) -> str:
    """Bars of how many times each value of a criterion's scale was given (value -> count), under the
    criterion's name (cut to the chart's width; whole in its <title>)."""
    title = _("Notes données : %(criterion)s") % {"criterion": criterion}
    values = sorted(counts)
    top = max(counts.values(), default=0) or 1
    slot = (width - 20) / max(len(values), 1)
    heading = (f'<text x="{width / 2:.1f}" y="16" font-size="13" font-weight="700" text-anchor="middle" '
               f'fill="{INK}">{escape(_short(criterion, int(width / 8.5)))}</text>')
    bars = [heading]
    plot_top, plot_bottom = 40, height - 20  # the count above the tallest bar stays under the title
    for index, value in enumerate(values):
        bar_height = (plot_bottom - plot_top) * counts[value] / top
        x, y = 10 + index * slot, plot_bottom - bar_height
        bars.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.8:.1f}" height="{bar_height:.1f}" fill="{BAR}"/>'
            f'<text x="{x + slot * 0.4:.1f}" y="{height - 6}" font-size="11" text-anchor="middle" fill="{INK}">'
            f'{value}</text>'
            f'<text x="{x + slot * 0.4:.1f}" y="{y - 3:.1f}" font-size="10" text-anchor="middle" fill="{INK}">'
            f'{counts[value] or ""}</text>'
        )
    desc = ", ".join(f"{value} : {counts[value]}" for value in values)
    return _svg(width, height, title, _("Nombre de notes par valeur — %(desc)s") % {"desc": desc}, "".join(bars))


def leniency(deviations: list, title: str, width: int = 480, row: int = 40, what: str = "") -> str:
    """Horizontal bars of each juror's deviation from the mean, in points: left severe, right lenient.

    `deviations` is a list of (label, points) pairs; `what` says what the
    points measure (by default, the deviation from the mean). Each juror takes two
    lines: their name, then their bar from the centre line with its value at
    the bar's end, inside the room kept for it at either edge.
    """
    height = row * len(deviations) + 8
    span = max((abs(points) for _label, points in deviations), default=0) or 1
    middle = width / 2
    half = middle - VALUE_ROOM - 4
    body = [f'<line x1="{middle}" y1="0" x2="{middle}" y2="{height}" stroke="{INK}" stroke-width="1"/>']
    for index, (label, points) in enumerate(deviations):
        y = 4 + index * row
        length = half * abs(points) / span
        x = middle if points >= 0 else middle - length
        colour = LENIENT if points >= 0 else SEVERE
        value_x = middle + length + 4 if points >= 0 else middle - length - 4
        body.append(
            f'<text x="4" y="{y + 13}" font-size="12" fill="{INK}">{escape(_short(label))}</text>'
            f'<rect x="{x:.1f}" y="{y + 19}" width="{length:.1f}" height="{row - 24}" fill="{colour}"/>'
            f'<text x="{value_x:.1f}" y="{y + row - 9}" font-size="11" '
            f'text-anchor="{"start" if points >= 0 else "end"}" fill="{INK}">{french_number(points, sign=True)}</text>'
        )
    desc = "; ".join(_("%(label)s : %(points)s points") % {"label": label, "points": french_number(points, sign=True)}
                     for label, points in deviations)
    what = what or _("Écart de chaque juré à la moyenne générale")
    return _svg(width, height, title, _("%(what)s — %(desc)s") % {"what": what, "desc": desc},
                "".join(body))
