"""Graph: the managed Neo4j server, loading, indexes, export and read-only Cypher."""
