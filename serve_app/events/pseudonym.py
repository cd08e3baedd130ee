"""Keyed pseudonyms: events and logs name a student by an HMAC of the id, never the id."""

import hashlib
import hmac


class Pseudonymizer:
    def __init__(self, key: bytes) -> None:
        if not key:
            raise ValueError("pseudonym key must not be empty")
        self._key = key

    def __call__(self, student_id: str) -> str:
        digest = hmac.new(self._key, student_id.encode(), hashlib.sha256).hexdigest()
        # 128 bits keep collisions out of reach while keeping keys short.
        return "stu_" + digest[:32]
