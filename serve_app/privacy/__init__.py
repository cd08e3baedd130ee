"""Student privacy: encryption at rest, redaction before the LLM, export, erasure, retention."""
