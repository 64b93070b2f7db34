"""The demo's last step: its search index, built once all its content is in (the rebuilds its changes ask for
run when its transaction commits, which a test's transaction never does)."""

from sitesearch import indexing


def build(context):
    count = indexing.rebuild()
    context["stdout"].write(f"Index de recherche : {count} documents.\n")
