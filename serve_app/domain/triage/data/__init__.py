"""Word lists for the triage signals, kept as text so they are easy to review and extend."""
