"""A LangChain retriever over the graph's sentences, so policykg plugs into other LangChain apps: each
Document is one verbatim sentence with its citation (article id, title, publisher, date, URL, offsets)."""

from __future__ import annotations

from typing import Any

import neo4j
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict

from policykg.graph import cypher
from policykg.graph.embeddings import make_embedder
from policykg.graph.search import fulltext, fuse, vector


class PolicyKGRetriever(BaseRetriever):
    model_config = ConfigDict(arbitrary_types_allowed=True)
    driver: Any
    database: str = "neo4j"
    k: int = 5

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        driver: neo4j.Driver = self.driver
        hits = fuse(fulltext(driver, self.database, query), vector(driver, self.database, query, make_embedder()))
        documents = []
        for hit in hits[: self.k]:
            r = driver.execute_query(cypher.SENTENCE_CONTEXT, iri=hit.iri, database_=self.database)[0][0]
            if not r["verified"]:
                continue
            documents.append(
                Document(
                    page_content=r["text"],
                    metadata={
                        "source_id": r["source_id"],
                        "title": r["title"],
                        "publisher": r["publisher"],
                        "published": r["published"].iso_format() if r["published"] else None,
                        "url": r["url"],
                        "start": r["start"],
                        "end": r["end"],
                        "score": hit.score,
                        "sentence_iri": hit.iri,
                    },
                )
            )
        return documents
