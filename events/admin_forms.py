"""The Wagtail admin forms of the event pages: the edit form that validates a programme, the copy form.

Wagtail reads them from the page classes (`base_form_class`, `copy_form_class`).
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.panels import InlinePanel

from events.programme import Slot, event_errors, session_errors


class EventPageForm(WagtailAdminPageForm):
    """Checks the event's dates and its programme together, so nothing is saved half."""

    @property
    def session_venue_id(self):
        """The venue being posted (the editor may change it with the programme), else the page's own.

        Handed to each session form (`ProgrammePanel`) to list that venue's rooms only.
        """
        if "venue" not in self.fields:
            return None
        if self.is_bound:
            value = str(self.data.get(self.add_prefix("venue"), ""))
            return int(value) if value.isdigit() else None
        return self.instance.venue_id

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


class ProgrammeSessionForm(WagtailAdminModelForm):
    """A session of the programme: a kind chosen on purpose, and a room of the event's own venue."""

    def __init__(self, *args, session_venue_id=None, **kwargs):
        super().__init__(*args, **kwargs)
        if "kind" in self.fields:
            self.fields["kind"].error_messages["required"] = _("Choisissez le type de la session.")
        if "room" in self.fields:
            # Only the rooms of the event's venue: a list of every venue's rooms invites the wrong one.
            rooms = self.fields["room"].queryset
            self.fields["room"].queryset = rooms.filter(venue_id=session_venue_id) if session_venue_id else rooms.none()
            self.fields["room"].error_messages["invalid_choice"] = _("Choisissez une salle du lieu de l'événement.")


class ProgrammePanel(InlinePanel):
    """The programme's inline panel: its session forms get the venue the event form is editing."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name].update(form=ProgrammeSessionForm,
                                                       inherit_kwargs=["session_venue_id"])
        return options
