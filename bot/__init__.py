"""Bot: Korean question answering with sentence-level citations."""
