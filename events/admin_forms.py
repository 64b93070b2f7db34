"""The Wagtail admin forms of the event pages: the edit form that validates a programme, the copy form.

Wagtail reads them from the page classes (`base_form_class`, `copy_form_class`).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm

from events.programme import Slot, event_errors, session_errors


class EventPageForm(WagtailAdminPageForm):
    """Checks the event's dates and its programme together, so nothing is saved half."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        venue = getattr(self.instance, "venue", None)
        sessions = self.formsets.get("sessions")
        if venue is not None and sessions is not None:
            for form in [*sessions.forms, sessions.empty_form]:
                if "room" in form.fields:
                    form.fields["room"].queryset = venue.rooms.all()

    def clean(self):
        cleaned = super().clean()
        start_date = cleaned.get("start_date")
        end_date = cleaned.get("end_date") if "end_date" in self.fields else start_date
        tour_bounds = None
        parent = getattr(self, "parent_page", None)
        if parent is not None:
            parent = parent.specific
            if hasattr(parent, "season_start"):
                if parent.season_start or parent.season_end:
                    tour_bounds = (parent.season_start, parent.season_end)
        for _index, field, message in event_errors(start_date, end_date, cleaned.get("start_time"),
                                                   cleaned.get("end_time"), tour_bounds):
            self.add_error(field if field in self.fields else None, message)

        formset = self.formsets.get("sessions")
        if formset is None or not formset.is_valid():
            return cleaned
        forms_by_index, slots = {}, []
        for index, form in enumerate(formset.forms):
            data = getattr(form, "cleaned_data", None)
            if not data or data.get("DELETE"):
                continue
            forms_by_index[index] = form
            room = data.get("room")
            slots.append(Slot(index, data.get("day"), data.get("start_time"), data.get("end_time"),
                              room.pk if room else None, data.get("title", "")))
        for index, field, message in session_errors(slots, start_date, end_date):
            forms_by_index[index].add_error(field, message)
        if any(forms_by_index[index].errors for index in forms_by_index):
            self.add_error(None, _("Le programme contient des erreurs : corrigez les sessions signalées."))
        return cleaned


class EventCopyForm(CopyForm):
    """Wagtail's copy form without "Créer un alias" for events and tours.

    An event and each session of its programme carry a calendar identifier
    (UID) of their own, unique in the database: a copy gets new ones (a new
    event, e.g. next year's edition drafted from this one), whereas an alias
    would have to share them, which the database refuses.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("alias", None)
