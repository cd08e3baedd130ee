"""The LearnFlow load tool: Locust students, a one-process baseline, and the report builder."""
