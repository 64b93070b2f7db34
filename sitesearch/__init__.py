"""The site search: one index of everything public a visitor may look for, the same on SQLite and PostgreSQL.

Why not Wagtail's search backend for the public search: its database
backend indexes each model on its own, with a different engine per database
(PostgreSQL full-text search, where `Fuzzy` and autocomplete exist; SQLite
FTS5, where they do not), and it has no way to say that a speaker is public
because an event of theirs is, that a laureate becomes public when its
results are published, or what a hit's excerpt, date and type are. Here one
module decides what is public and what a hit shows (`sources`), one table
holds it (`models.SearchDocument`), and a query is plain `LIKE` on folded
text (`text`, `query`) with typo tolerance from the index's own vocabulary
(`spelling`): the same results on both databases. Wagtail's backend stays
for the admin's own search.
"""
