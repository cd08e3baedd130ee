"""Use cases: validate against the domain, call a specialist, persist outcome + event atomically."""
