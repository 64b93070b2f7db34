"""Local generation of the demo content's images and PDF documents.

Nothing is downloaded: images are drawn with Pillow, PDFs are written by
hand (a one-page PDF needs a few hundred bytes).
"""

import hashlib
import io
import itertools
import textwrap

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.utils.file import hash_filelike

PALETTE = ["#0a4a82", "#b3361b", "#1e6b34", "#6b3fa0", "#0f766e", "#9a3412"]


def _colour(seed: str, offset: int = 0) -> str:
    digest = hashlib.sha256(seed.encode()).digest()
    return PALETTE[(digest[0] + offset) % len(PALETTE)]


def draw_image(seed: str, width: int = 1200, height: int = 800) -> bytes:
    """An abstract picture (circles linked by lines, like the network) that depends only on its seed."""
    digest = hashlib.sha256(seed.encode()).digest()
    picture = PILImage.new("RGB", (width, height), "#f2f5f9")
    draw = ImageDraw.Draw(picture)
    points = [
        (digest[i] * width // 256, digest[i + 1] * height // 256) for i in range(0, 24, 2)
    ]
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        draw.line((x1, y1, x2, y2), fill="#c9d1db", width=6)
    for index, (x, y) in enumerate(points):
        radius = 20 + digest[index + 8] % 60
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=_colour(seed, index))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def get_or_create_image(title: str, *, width: int = 1200, height: int = 800) -> Image:
    image = Image.objects.filter(title=title).first()
    if image is None:
        slug = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:12]
        picture = ImageFile(io.BytesIO(draw_image(title, width, height)), name=f"demo-{slug}.png")
        image = Image(title=title, file=picture)
        image.save()
    return image


def _pdf_escape(text: str) -> bytes:
    encoded = text.encode("cp1252", errors="replace")
    return encoded.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def write_pdf(title: str, paragraphs: list[str]) -> bytes:
    """A valid one-page A4 PDF with a title and wrapped paragraphs in Helvetica."""
    lines = [(16, title), (11, "")]
    for paragraph in paragraphs:
        lines.extend((11, line) for line in textwrap.wrap(paragraph, 90))
        lines.append((11, ""))
    stream = b"BT /F1 16 Tf 56 780 Td 16 TL\n"
    for size, line in lines[:60]:
        stream += b"/F1 %d Tf (%s) Tj T*\n" % (size, _pdf_escape(line))
    stream += b"ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = output.tell()
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        output.write(b"%010d 00000 n \n" % offset)
    output.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return output.getvalue()


def get_or_create_document(title: str, paragraphs: list[str]) -> Document:
    document = Document.objects.filter(title=title).first()
    if document is None:
        slug = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:12]
        content = write_pdf(title, paragraphs)
        # Size and hash, as an upload through the admin records them.
        document = Document(title=title, file_size=len(content), file_hash=hash_filelike(io.BytesIO(content)))
        document.file.save(f"demo-{slug}.pdf", ContentFile(content), save=False)
        document.save()
    return document
