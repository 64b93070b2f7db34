from .pages import EditionPage, ThemePage, TrainingProgrammePage
from .participation import Attendance, AttendanceSource, Enrolment, ReminderKind, SequenceReminder
from .sequences import Sequence, SequenceSpeaker

__all__ = [
    "Attendance", "AttendanceSource", "EditionPage", "Enrolment", "ReminderKind", "Sequence", "SequenceReminder",
    "SequenceSpeaker", "ThemePage", "TrainingProgrammePage",
]
