"""The reference registry: canonical names, aliases and former names → one IRI each."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from rdflib import RDF, Graph, URIRef

from policykg.ontology.schema import registry_graph
from policykg.ontology.vocab import PKG

_IGNORED = re.compile(r"[\s·ㆍ・\-_()（）\[\]'\"‘’“”]|㈜|\(주\)|주식회사")


def name_key(name: str) -> str:
    """The form names are compared in: NFKC, case-folded, without spaces, dots, brackets or ㈜."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", name)).casefold()


@dataclass(frozen=True)
class RegistryEntry:
    iri: URIRef
    cls: URIRef
    name: str
    english: str | None
    aliases: tuple[str, ...]
    former_names: tuple[str, ...]
    parent: URIRef | None
    url: str | None

    def surface_forms(self) -> tuple[str, ...]:
        forms = (self.name, *self.aliases, *self.former_names, *([self.english] if self.english else []))
        return tuple(dict.fromkeys(forms))


def _entry(graph: Graph, iri: URIRef, cls: URIRef) -> RegistryEntry:
    def strings(prop: URIRef) -> tuple[str, ...]:
        return tuple(sorted(str(v) for v in graph.objects(iri, prop)))

    english, parent, url = (
        graph.value(iri, PKG.englishName),
        graph.value(iri, PKG.subOrganizationOf),
        graph.value(iri, PKG.url),
    )
    return RegistryEntry(
        iri=iri,
        cls=cls,
        name=str(graph.value(iri, PKG.name)),
        english=str(english) if english else None,
        aliases=strings(PKG.alias),
        former_names=strings(PKG.formerName),
        parent=parent if isinstance(parent, URIRef) else None,
        url=str(url) if url else None,
    )


class Registry:
    def __init__(self, graph: Graph) -> None:
        self.entries: dict[URIRef, RegistryEntry] = {}
        for iri, cls in graph.subject_objects(RDF.type):
            if isinstance(iri, URIRef) and isinstance(cls, URIRef):
                self.entries[iri] = _entry(graph, iri, cls)
        index: dict[str, set[URIRef]] = defaultdict(set)
        for entry in self.entries.values():
            for form in entry.surface_forms():
                index[name_key(form)].add(entry.iri)
        self.ambiguous = {k: v for k, v in index.items() if len(v) > 1}
        self._index = {k: next(iter(v)) for k, v in index.items() if len(v) == 1}
        self._prefixes = {k[:n] for k in self._index for n in range(1, len(k) + 1)}

    def resolve(self, name: str) -> RegistryEntry | None:
        """The entry a name denotes, or None when unknown or ambiguous."""
        return self.resolve_key(name_key(name))

    def resolve_key(self, key: str) -> RegistryEntry | None:
        iri = self._index.get(key)
        return self.entries[iri] if iri is not None else None

    def is_prefix(self, key: str) -> bool:
        """Whether some registry name starts with `key` (lets a scanner stop early)."""
        return key in self._prefixes

    def surface_forms(self) -> Iterator[tuple[str, RegistryEntry]]:
        """Every (name as written, entry) pair, for finding registry names in text."""
        for entry in self.entries.values():
            for form in entry.surface_forms():
                yield form, entry


@lru_cache(maxsize=1)
def registry() -> Registry:
    return Registry(registry_graph())
