"""The site's one private-file and video module, shared by applications' attachments, label pitches and replays
(Territoir'Prod sequences and events' sessions).

- `storage`: where private files live (a directory or a private bucket), with no public URL;
- `ranges`: the HTTP `Range` header, as plain arithmetic;
- `video`: an uploaded video checked by its content (MP4 or WebM, read by PyAV, duration within a limit);
- `webvtt`: a captions or transcript file checked as WebVTT, its cues and their plain-text transcript;
- `timecodes`: "12:05"-style time codes, and which chapter plays at a moment of a video;
- `pdf`: an uploaded PDF (a replay's slides) checked by its content;
- `responses`: a private file served to whoever the caller's permission predicate let through, as a download or
  as a stream that answers range requests (206, 416), never cached, never sniffed.
"""
