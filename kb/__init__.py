"""Store and retrieve clauses: embeddings, Chroma, BM25 and their fusion."""
