"""policykg: a knowledge graph of Korean AI policy built from news articles."""

__version__ = "0.1.0"
