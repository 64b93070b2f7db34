"""The jury of the label campaigns: members, rounds and their frozen criteria, assignment, conflicts of interest,
scoring and normalisation, deliberation, decisions, the publication of results, exports, reminders and charts.

Built on `labels` (campaigns and applications), never the other way round:
`labels` reads the published results from its own `ResultsPublication` and
`Application` rows, which the jury's publication service writes.
"""
