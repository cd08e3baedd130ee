"""Runs untrusted student code in an isolated, resource-limited process."""

from serve_app.domain.sandbox.isolation import SandboxUnavailableError
from serve_app.domain.sandbox.models import (
    ExceptionInfo,
    Execution,
    GradeReport,
    SandboxLimits,
    TestCase,
    TestResult,
)
from serve_app.domain.sandbox.sandbox import Sandbox

__all__ = [
    "ExceptionInfo",
    "Execution",
    "GradeReport",
    "Sandbox",
    "SandboxLimits",
    "SandboxUnavailableError",
    "TestCase",
    "TestResult",
]
