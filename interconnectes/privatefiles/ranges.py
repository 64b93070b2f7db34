"""The HTTP `Range` header of a request for a file of known size (RFC 9110, section 14), as plain arithmetic.

Browsers ask a video for `bytes=0-`, then for the part a reader seeks to. One
range is served; a header that is not a single well-formed byte range is
ignored (the whole file, as RFC 9110 allows), and a well-formed range that
lies wholly past the end is unsatisfiable (the view answers 416).
"""

import re
from dataclasses import dataclass

SINGLE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


class Unsatisfiable(Exception):
    """A well-formed range that selects no byte of the file."""


@dataclass(frozen=True)
class ByteRange:
    start: int
    end: int  # inclusive, as in Content-Range

    @property
    def length(self) -> int:
        return self.end - self.start + 1

    def content_range(self, size: int) -> str:
        return f"bytes {self.start}-{self.end}/{size}"


def parse(header: str | None, size: int) -> ByteRange | None:
    """The range of a file of `size` bytes that `header` asks for; None for the whole file; Unsatisfiable.

    >>> parse("bytes=0-99", 1000)
    ByteRange(start=0, end=99)
    >>> parse("bytes=-100", 1000)
    ByteRange(start=900, end=999)
    """
    match = SINGLE_RANGE.match((header or "").strip())
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # a suffix: the last N bytes
        suffix = int(last)
        if suffix == 0 or size == 0:
            raise Unsatisfiable
        return ByteRange(max(0, size - suffix), size - 1)
    start = int(first)
    if last and int(last) < start:
        return None  # not a valid range: ignored
    if start >= size:
        raise Unsatisfiable
    end = min(int(last), size - 1) if last else size - 1
    return ByteRange(start, end)
