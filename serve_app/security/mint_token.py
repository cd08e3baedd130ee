"""Mint a development token: `python -m serve_app.security.mint_token --sub alice --role student`.

Signs with LEARNFLOW_AUTH_JWT_SECRET (HS256) and the configured issuer and audience, so the
tutor accepts it when LEARNFLOW_AUTH_MODE is hs256 (or auto with a database URL). Refuses
to run without a usable secret. Prints only the token.
"""

import argparse
import sys
import time
import uuid
from collections.abc import Sequence

import jwt

from serve_app.security.errors import SecurityMisconfigured
from serve_app.security.policy import hs256_secret
from serve_app.security.principal import ROLES
from serve_app.settings import Settings, get_settings

MAX_MINUTES = 7 * 24 * 60


def mint(
    settings: Settings,
    *,
    subject: str,
    roles: Sequence[str],
    classes: Sequence[str] | None = None,
    minutes: int = 60,
    now: float | None = None,
) -> str:
    issued = int(time.time() if now is None else now)
    claims: dict[str, object] = {
        "sub": subject,
        "roles": list(roles),
        "iss": settings.auth_issuer,
        "aud": settings.auth_audience,
        "iat": issued,
        "nbf": issued,
        "exp": issued + minutes * 60,
        "jti": uuid.uuid4().hex,
    }
    if classes is not None:
        claims["classes"] = list(classes)
    return jwt.encode(claims, hs256_secret(settings), algorithm="HS256")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description="Mint a development JWT for the tutor.")
    parser.add_argument("--sub", required=True, help="subject: the student id for a student")
    parser.add_argument(
        "--role",
        default="student",
        help=f"one or more of {', '.join(sorted(ROLES))}, comma-separated",
    )
    parser.add_argument(
        "--classes", default=None, help="comma-separated class ids a teacher token is limited to"
    )
    parser.add_argument(
        "--minutes", type=int, default=60, help=f"lifetime, 1..{MAX_MINUTES} (default 60)"
    )
    return parser


def main(argv: Sequence[str] | None = None, settings: Settings | None = None) -> int:
    args = _parser().parse_args(argv)
    roles = [role.strip() for role in args.role.split(",") if role.strip()]
    unknown = sorted(set(roles) - ROLES)
    if not roles or unknown:
        print(f"unknown role(s) {unknown or roles}; use {sorted(ROLES)}", file=sys.stderr)
        return 2
    if not 1 <= args.minutes <= MAX_MINUTES:
        print(f"--minutes must be within 1..{MAX_MINUTES}", file=sys.stderr)
        return 2
    classes = [c.strip() for c in args.classes.split(",") if c.strip()] if args.classes else None
    try:
        token = mint(
            settings or get_settings(),
            subject=args.sub,
            roles=roles,
            classes=classes,
            minutes=args.minutes,
        )
    except SecurityMisconfigured as exc:
        print(f"refusing to mint a token: {exc}", file=sys.stderr)
        return 1
    print(token)
    return 0


if __name__ == "__main__":
    sys.exit(main())
