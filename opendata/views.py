"""The API's documentation, a page in each language, drawn from its OpenAPI schema: the same
endpoints, parameters and fields the API answers with."""

from functools import lru_cache

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from drf_spectacular.generators import SchemaGenerator

from opendata.api import PAGE_SIZE, SUMMARIES, filter_fields, operation_id
from opendata.sources import KINDS, PAST_EVENTS
from scn_portal.page_cache import public_page
from scn_portal.structured_data import LICENCE_URL


@lru_cache(maxsize=1)
def schema():
    """The OpenAPI schema, built once per process (it changes only with the code), in the
    site's language as /api/v1/schema/ gives it."""
    with translation.override(settings.LANGUAGE_CODE):
        return SchemaGenerator().get_schema(request=None, public=True)


def _texts():
    """{operation id: (summary, {parameter: label})} in the reader's language: the schema's
    texts are English, the page's are translated."""
    texts = {}
    for kind in (*KINDS.values(), PAST_EVENTS):
        listed, one = SUMMARIES[kind.name]
        labels = {name: field.label for name, field in filter_fields(kind.filters).items()}
        labels["page"] = _("Page number.")
        texts[operation_id(kind, "list")] = (listed, labels)
        texts[operation_id(kind, "record")] = (one, {})
    return texts


def _fields(component):
    return [
        {"name": name, "type": spec.get("type") or "object", "about": spec.get("description", "")}
        for name, spec in component.get("properties", {}).items()
    ]


def _parameter(parameter, labels):
    spec = parameter.get("schema", {})
    return {
        "name": parameter["name"],
        "about": labels.get(parameter["name"], parameter.get("description", "")),
        "many": spec.get("type") == "array",
        "values": spec.get("items", spec).get("enum", []),
    }


def endpoints():
    """Each endpoint: its address, summary, what it is, its parameters, and the fields of
    its records."""
    found = schema()
    texts = _texts()
    components = found.get("components", {}).get("schemas", {})
    listed = []
    for address, operations in found["paths"].items():
        operation = operations.get("get")
        if operation is None:
            continue
        summary, labels = texts.get(operation["operationId"], (None, {}))
        reply = operation.get("responses", {}).get("200", {})
        reference = reply.get("content", {}).get("application/json", {}).get("schema", {})
        name = reference.get("$ref", "").rsplit("/", 1)[-1]
        listed.append(
            {
                "address": address,
                "summary": summary or operation.get("summary", ""),
                "about": operation.get("description", ""),
                "parameters": [
                    _parameter(p, labels)
                    for p in operation.get("parameters", [])
                    if p["in"] == "query"
                ],
                # A record's fields (a list's page holds records described at their address).
                "fields": [] if name.endswith("Page") else _fields(components.get(name, {})),
            }
        )
    # In the order the portal lists them (the schema's is alphabetical).
    order = [f"/api/v1/{name}/" for name in KINDS]
    return sorted(
        listed,
        key=lambda e: next(
            (i for i, prefix in enumerate(order) if e["address"].startswith(prefix)), len(order)
        ),
    )


@public_page
def docs(request):
    return render(
        request,
        "opendata/docs.html",
        {
            "endpoints": endpoints(),
            "page_size": PAGE_SIZE,
            "licence_url": LICENCE_URL,
        },
    )
