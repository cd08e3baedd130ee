"""The specialists' logic, Ray-free: each Serve deployment wraps exactly one of these.

Triage talks to them through the ports in `serve_app.service.ports`; in production the
port is a Ray `DeploymentHandle`, in tests the specialist object itself.
"""
