"""The label campaigns and their applications: the campaign pages and the laureates archive, applicants'
accounts, drafts, attachments and submissions, staff's actions on applications in the admin, personal data.

The jury (`jury/`) builds on this app and never the other way round: what the
public sees of a campaign's results is read here, from the campaign's
`ResultsPublication` and the applications' published statuses and citations,
which the jury's publication service writes (`labels/public_results.py`).
"""
