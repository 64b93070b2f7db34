"""Wagtail's rich text editor (Draftail) as every rich text field and block of the admin uses it.

The editor posts its content as JSON. A value that is not the editor's JSON
(an empty string, sent by a script or an extension that clears the field)
made Wagtail's widget fail with a server error while reading the form: it is
read as an empty text instead, which the field then accepts, or refuses as
required, like any empty input.
"""

from wagtail.admin.rich_text import DraftailRichTextArea


class TolerantDraftailRichTextArea(DraftailRichTextArea):
    def value_from_datadict(self, data, files, name):
        try:
            return super().value_from_datadict(data, files, name)
        except ValueError:  # json.JSONDecodeError: not the editor's JSON
            return ""
