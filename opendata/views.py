"""The API's documentation, a page in each language, drawn from its OpenAPI schema: the same
endpoints, parameters and fields the API answers with."""

from functools import lru_cache

from django.shortcuts import render
from drf_spectacular.generators import SchemaGenerator

from opendata.api import PAGE_SIZE
from opendata.sources import KINDS
from scn_portal.page_cache import public_page
from scn_portal.structured_data import LICENCE_URL


@lru_cache(maxsize=1)
def schema():
    """The OpenAPI schema, built once per process (it changes only with the code)."""
    return SchemaGenerator().get_schema(request=None, public=True)


def _fields(component):
    return [
        {"name": name, "type": spec.get("type") or "object", "about": spec.get("description", "")}
        for name, spec in component.get("properties", {}).items()
    ]


def _parameter(parameter):
    spec = parameter.get("schema", {})
    return {
        "name": parameter["name"],
        "about": parameter.get("description", ""),
        "many": spec.get("type") == "array",
        "values": spec.get("items", spec).get("enum", []),
    }


def endpoints():
    """Each endpoint: its address, summary, what it is, its parameters, and the fields of
    its records."""
    found = schema()
    components = found.get("components", {}).get("schemas", {})
    listed = []
    for address, operations in found["paths"].items():
        operation = operations.get("get")
        if operation is None:
            continue
        reply = operation.get("responses", {}).get("200", {})
        reference = reply.get("content", {}).get("application/json", {}).get("schema", {})
        name = reference.get("$ref", "").rsplit("/", 1)[-1]
        listed.append(
            {
                "address": address,
                "summary": operation.get("summary", ""),
                "about": operation.get("description", ""),
                "parameters": [
                    _parameter(p) for p in operation.get("parameters", []) if p["in"] == "query"
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
