"""The site's one private-file and video module, shared by applications' attachments and label pitches (and, later,
Territoir'Prod and event replays).

- `storage`: where private files live (a directory or a private bucket), with no public URL;
- `ranges`: the HTTP `Range` header, as plain arithmetic;
- `video`: an uploaded video checked by its content (MP4 or WebM, read by PyAV, duration within a limit);
- `webvtt`: a captions or transcript file checked as WebVTT, and its cues;
- `responses`: a private file served to whoever the caller's permission predicate let through, as a download or
  as a stream that answers range requests (206, 416), never cached, never sniffed.
"""
