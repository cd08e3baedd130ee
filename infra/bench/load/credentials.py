"""Bearer tokens for simulated students, signed like an identity provider would sign them.

run.py makes a throwaway HS256 secret per run and hands it to the tutor and to Locust through
LEARNFLOW_AUTH_JWT_SECRET; with no secret the students send no token (auth off).
"""

import os
import time
import uuid

import jwt

TOKEN_MINUTES = 180


def bearer_headers(student_id: str, role: str = "student") -> dict[str, str]:
    secret = os.environ.get("LEARNFLOW_AUTH_JWT_SECRET")
    if not secret:
        return {}
    issued = int(time.time())
    claims = {
        "sub": student_id,
        "roles": [role],
        "iss": os.environ.get("LEARNFLOW_AUTH_ISSUER", "learnflow"),
        "aud": os.environ.get("LEARNFLOW_AUTH_AUDIENCE", "learnflow-tutor"),
        "iat": issued,
        "nbf": issued,
        "exp": issued + TOKEN_MINUTES * 60,
        "jti": uuid.uuid4().hex,
    }
    return {"Authorization": f"Bearer {jwt.encode(claims, secret, algorithm='HS256')}"}
