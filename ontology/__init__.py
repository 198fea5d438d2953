"""The policykg ontology: the one source of truth for the schema."""
