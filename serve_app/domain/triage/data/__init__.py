"""Triage data: word lists for the signals, the labelled dataset and the trained model."""
