"""What the site and its e-mails quote of a file: the organisation, title and summary it submitted.

An applicant may edit a file after submitting it and never submit again: the
public pages and the result e-mails quote the submitted version, not the edit.
"""


def public_record(application, snapshot) -> dict:
    """The organisation, title and summary of the submitted version `snapshot` (the live fields only for a file
    that has no version, made before versions were kept)."""
    snapshot = snapshot or {}
    return {name: snapshot.get(name, getattr(application, name)) or "" for name in ("org_name", "title", "summary")}
