"""The shape of the project's code, read from its source: the import graph of its packages has no cycle, models
never import services, forms or views, and `labels` never imports `jury` (the jury builds on the labels, never
the other way round).

The graph is built with `ast`, from every import statement at any level of a
module (function-local imports included: a cycle hidden inside a function is
still a cycle, only deferred), and resolved to the project's modules. Package
`__init__` modules are nodes like any other: `from labels.models import X`
depends on `labels/models/__init__.py`, which depends on what it re-exports.
Migrations are left out: they are history, built on the models' states.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("interconnectes", "manifestes", "events", "accounts", "labels", "jury", "library", "reviews", "sitesearch",
            "territoirprod", "replays", "resources")
# A Wagtail page class names its admin forms (`base_form_class`, `copy_form_class`): Wagtail reads them from the
# class, so the page's module imports them, and only them (the admin forms import nothing above the models).
PAGE_ADMIN_FORMS = {("events.models.event_pages", "events.admin_forms"), ("events.models.agenda", "events.admin_forms")}
LAYERS_ABOVE_MODELS = ("services", "forms", "views")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules() -> dict:
    return {module_name(path): path for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))
            if "migrations" not in path.parts}


def imported_names(module: str, path: Path):
    """Every dotted name the module imports, at any level; `from x import y` gives x.y (a module or a name in x)."""
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = ".".join(package[:len(package) - node.level + 1] + [node.module or ""]) if node.level \
                else node.module
            yield from (f"{base.rstrip('.')}.{alias.name}" for alias in node.names)


def resolve(name: str, modules) -> str | None:
    """The project module a dotted name lives in (itself, or the closest enclosing module), or None."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def import_graph() -> dict:
    modules = project_modules()
    graph = {module: set() for module in modules}
    for module, path in modules.items():
        for name in imported_names(module, path):
            target = resolve(name, modules)
            if target is not None and target != module:
                graph[module].add(target)
    return graph


def cycles(graph) -> list[set]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index, low, on_stack, stack, found, counter = {}, {}, set(), [], [], 0
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(component)
    return found


def is_models(module: str) -> bool:
    return "models" in module.split(".")


def is_above_models(module: str) -> bool:
    return any(part in LAYERS_ABOVE_MODELS or part.endswith(tuple(f"_{layer}" for layer in LAYERS_ABOVE_MODELS))
               for part in module.split("."))


@pytest.fixture(scope="module")
def graph():
    return import_graph()


def test_the_graph_sees_every_kind_of_import(graph):
    """Top-level, relative and function-local imports are all edges (the rules below rely on it)."""
    assert "labels.models.applications" in graph["labels.models"]  # relative, in a package's __init__
    assert "jury.services.criteria" in graph["jury.views.juror"]  # absolute, top level
    assert "labels.archive" in graph["labels.models.pages"]  # inside a method


def test_no_import_cycle(graph):
    found = [sorted(component) for component in cycles(graph)]
    assert found == [], "Imports circulaires :\n" + "\n".join(" ↔ ".join(component) for component in found)


def test_page_admin_forms_import_nothing_above_the_models(graph):
    for _page_module, forms_module in PAGE_ADMIN_FORMS:
        assert not [target for target in graph[forms_module] if is_above_models(target)]


def test_models_never_import_services_forms_or_views(graph):
    wrong = sorted(f"{module} → {target}" for module, targets in graph.items() if is_models(module)
                   for target in targets if is_above_models(target) and (module, target) not in PAGE_ADMIN_FORMS)
    assert wrong == [], "Modèles qui importent une couche supérieure :\n" + "\n".join(wrong)


def test_labels_never_imports_jury(graph):
    wrong = sorted(f"{module} → {target}" for module, targets in graph.items() if module.split(".")[0] == "labels"
                   for target in targets if target.split(".")[0] == "jury")
    assert wrong == [], "labels dépend de jury :\n" + "\n".join(wrong)


def test_the_rules_catch_what_they_forbid():
    """The detectors on a hand-made graph: a cycle, a model importing a form, labels importing jury."""
    graph = {"a.models": {"a.forms"}, "a.forms": {"a.models"}, "labels.views": {"jury.models"}, "jury.models": set()}
    assert cycles(graph) == [{"a.models", "a.forms"}]
    assert is_models("a.models") and is_above_models("a.forms") and is_above_models("jury.admin_forms")
    assert not is_above_models("jury.rules") and is_above_models("jury.services.scores")
