"""The views of the Jury area of the Wagtail admin (juror, staff, deliberation)."""
