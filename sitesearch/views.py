"""The search page: thin, the work is in `sitesearch.query`."""

from urllib.parse import urlencode

from django.shortcuts import render
from django.views.decorators.http import require_GET

from accounts.tiers import tier_for
from interconnectes import clock
from sitesearch.forms import SearchForm
from sitesearch.query import search as run_search


@require_GET
def search(request):
    """Hits grouped by type, or one type's pages of hits, of what the reader's tier may find (members' replays
    for member agents); never indexed by robots (the template says noindex).
    A refused parameter answers 400 with the French error next to its field."""
    form = SearchForm(request.GET)
    results, query, filters = None, "", {}
    if form.is_valid() and form.cleaned_data["q"]:
        query = form.cleaned_data["q"]
        filters = {name: form.cleaned_data[name] for name in ("type", "year") if form.cleaned_data[name]}
        results = run_search(query, clock.now(), kind=filters.get("type", ""), year=filters.get("year"),
                             page_number=request.GET.get("page"), tier=tier_for(request.user, request=request))
    context = {
        "form": form, "query": query, "results": results, "filters": filters,
        "query_string": urlencode({"q": query, **filters}),
        "query_only": urlencode({"q": query}),
        "suggestion_string": urlencode({"q": results.suggestion}) if results and results.suggestion else "",
    }
    return render(request, "sitesearch/search.html", context, status=400 if form.errors else 200)
