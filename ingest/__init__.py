"""Ingest: Korean news articles to RDF facts with sentence-level provenance."""
