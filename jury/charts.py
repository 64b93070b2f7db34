"""Server-side SVG charts for the jury dashboard: no script, no third-party library.

Each function returns SVG markup with a <title> and <desc> for assistive
technologies; all text is escaped. Colours match the site's stylesheet.
"""

import zlib

from django.utils.html import escape

BAR = "#0a4a82"
SEVERE = "#b3361b"
LENIENT = "#1e6b34"
INK = "#1b1b2f"


def _svg(width, height, title, desc, body):
    # Ids derived from the title, so that several charts on one page never share one.
    ident = f"chart-{zlib.crc32(title.encode()):08x}"
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{ident}-t {ident}-d" class="chart"><title id="{ident}-t">{escape(title)}</title>'
        f'<desc id="{ident}-d">{escape(desc)}</desc>{body}</svg>'
    )


def histogram(counts: dict, title: str, width: int = 320, height: int = 160) -> str:
    """Bars of how many times each value of a scale was given (value -> count)."""
    values = sorted(counts)
    top = max(counts.values(), default=0) or 1
    slot = (width - 20) / max(len(values), 1)
    bars = []
    for index, value in enumerate(values):
        bar_height = (height - 40) * counts[value] / top
        x, y = 10 + index * slot, height - 20 - bar_height
        bars.append(
            f'<rect x="{x:.1f}" y="{y:.1f}" width="{slot * 0.8:.1f}" height="{bar_height:.1f}" fill="{BAR}"/>'
            f'<text x="{x + slot * 0.4:.1f}" y="{height - 6}" font-size="11" text-anchor="middle" fill="{INK}">'
            f'{value}</text>'
            f'<text x="{x + slot * 0.4:.1f}" y="{y - 3:.1f}" font-size="10" text-anchor="middle" fill="{INK}">'
            f'{counts[value] or ""}</text>'
        )
    desc = ", ".join(f"{value} : {counts[value]}" for value in values)
    return _svg(width, height, title, f"Nombre de notes par valeur — {desc}", "".join(bars))


def leniency(deviations: list, title: str, width: int = 480, row: int = 24) -> str:
    """Horizontal bars of each juror's mean minus the overall mean: left severe, right lenient.

    `deviations` is a list of (label, points) pairs.
    """
    height = row * len(deviations) + 20
    span = max((abs(points) for _label, points in deviations), default=0) or 1
    middle, half = width * 0.6, width * 0.38
    body = [f'<line x1="{middle}" y1="0" x2="{middle}" y2="{height}" stroke="{INK}" stroke-width="1"/>']
    for index, (label, points) in enumerate(deviations):
        y = 10 + index * row
        length = half * abs(points) / span
        x = middle if points >= 0 else middle - length
        colour = LENIENT if points >= 0 else SEVERE
        body.append(
            f'<text x="4" y="{y + row * 0.6:.1f}" font-size="12" fill="{INK}">{escape(label)}</text>'
            f'<rect x="{x:.1f}" y="{y + 4}" width="{length:.1f}" height="{row - 8}" fill="{colour}"/>'
            f'<text x="{middle + (length + 4 if points >= 0 else -length - 4):.1f}" y="{y + row * 0.6:.1f}" '
            f'font-size="11" text-anchor="{"start" if points >= 0 else "end"}" fill="{INK}">{points:+.1f}</text>'
        )
    desc = "; ".join(f"{label} : {points:+.1f} points" for label, points in deviations)
    return _svg(width, height, title, f"Écart de chaque juré à la moyenne générale — {desc}", "".join(body))
