"""The jury's writes, each checking its rule before it writes: assignment, declarations, scores, unlocks,
decisions, the frozen criteria of a round, reminders and the publication of results.

The views, the demo command and the tests all go through them. Errors are
Django ValidationError / PermissionDenied with French messages, ready for a
form or a 403.
"""
