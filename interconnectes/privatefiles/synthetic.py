"""Small videos made on this machine with PyAV's own encoder (no system ffmpeg, nothing downloaded): the demo's
pitches and the tests' uploads.

A few frames of flat colour carrying a caption drawn by Pillow, spaced out in
time, so that a video of several minutes weighs a few kilobytes.
"""

import io
from fractions import Fraction

import av
from PIL import Image, ImageDraw

CODECS = {"mp4": "libx264", "webm": "libvpx"}


def make_video(seconds: int, fmt: str = "mp4", *, text: str = "", colour: str = "#0a4a82",
               size: tuple[int, int] = (160, 90), frame_every: int = 1) -> bytes:
    """An MP4 (H.264) or WebM (VP8) video of `seconds` seconds, one frame every `frame_every` seconds."""
    buffer = io.BytesIO()
    with av.open(buffer, mode="w", format=fmt) as container:
        stream = container.add_stream(CODECS[fmt], rate=Fraction(1, frame_every))
        stream.width, stream.height = size
        stream.pix_fmt = "yuv420p"
        stream.codec_context.time_base = Fraction(1, 1)
        image = Image.new("RGB", size, colour)
        ImageDraw.Draw(image).text((8, size[1] // 2 - 6), text, fill="#ffffff")
        for pts in range(0, seconds, frame_every):
            frame = av.VideoFrame.from_image(image)
            frame.pts = pts
            frame.time_base = Fraction(1, 1)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return buffer.getvalue()
