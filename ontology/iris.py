"""The IRI policy: how every node's IRI is minted, and which IRIs an article owns.

Entities get an IRI from their kind and canonical name, so the same name in two articles is one node. An
article's own nodes (its sentences, facts, values and periods) live under `<kind>/<source id>/…`; the article
node itself is `article/<source id>`. Ownership is by exact identity: the article by its whole IRI, its
children by a prefix that ends in '/', so article `1` never owns anything of article `10`."""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

from policykg.ontology.schema import ID_NS

CHILD_KINDS = ("sentence", "fact", "value", "period")


def slug(name: str) -> str:
    return quote(re.sub(r"\s+", "_", name.strip()), safe="_·-")


def mint_iri(kind: str, name: str) -> str:
    """A stable IRI derived from the canonical name: the same name in two articles is one node."""
    return f"{ID_NS}{kind}/{slug(name)}"


def kind_of(iri: str) -> str:
    """The kind an entity's IRI was minted with (programme, org …); '' for an IRI minted elsewhere."""
    return iri[len(ID_NS) :].split("/", 1)[0] if iri.startswith(ID_NS) else ""


def name_of(iri: str) -> str:
    """The name an entity's IRI was minted from, as slug wrote it back ('AI_혁신펀드' → 'AI 혁신펀드'); a registry
    entity's IRI carries its key instead ('org/kcci')."""
    return unquote(iri.rsplit("/", 1)[-1]).replace("_", " ")


def article_iri(source_id: str) -> str:
    return mint_iri("article", source_id)


def child_iri(kind: str, source_id: str, key: str | int) -> str:
    """A node the article owns: one of its sentences, facts, values or periods."""
    if kind not in CHILD_KINDS:
        raise ValueError(f"an article owns no {kind!r} nodes")
    return f"{mint_iri(kind, source_id)}/{key}"


def child_prefixes(source_id: str) -> list[str]:
    """IRI prefixes of the nodes an article owns besides itself; each ends in '/' so that no other article's
    nodes share them. Shared entities are never among them."""
    return [mint_iri(kind, source_id) + "/" for kind in CHILD_KINDS]
