"""Diagnoses broken student code: syntax, runtime errors, timeouts, wrong output, logic slips.

Ray-free: the sandbox is reached only through the `CodeRunner` protocol.
"""

from serve_app.domain.debug.engine import diagnose
from serve_app.domain.debug.models import CodeRunner, DebugRequest, Diagnosis

__all__ = ["CodeRunner", "DebugRequest", "Diagnosis", "diagnose"]
