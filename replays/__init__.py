"""Replays: recorded sessions as the site's own content, for Territoir'Prod's sequences and the events' sessions.

Its own app because it belongs to neither: a replay points to a sequence of
`territoirprod` or to a session of `events` (either may be deleted or
edited, the replay stays), and one page, one listing, one permission module
and one search source serve both. The video, its captions and slides are
private files (`interconnectes.privatefiles`), served only through
`replays.permissions`.
"""
