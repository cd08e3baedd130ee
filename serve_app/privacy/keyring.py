"""Encryption keys for student data at rest: parsed from the environment or, outside
production, from a key file generated once in the data directory.

The ring is written `kid1:base64key,kid2:base64key`; the first key is the active one (new
ciphertexts use it), the others still decrypt until `python -m serve_app.privacy.rotate`
has moved every row to the active key.
"""

import base64
import binascii
import logging
import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

KEY_FILE_NAME = "encryption.keys"
_KEY_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
_KEY_SIZES = (16, 24, 32)


class KeyConfigurationError(ValueError):
    """The key ring is missing or malformed: the tutor must not start."""


@dataclass(frozen=True)
class KeyRing:
    """Key ids to raw AES keys; `active_id` encrypts, every key decrypts."""

    active_id: str
    keys: dict[str, bytes]

    def __post_init__(self) -> None:
        if self.active_id not in self.keys:
            raise KeyConfigurationError("the active key id is not in the ring")

    @property
    def active_key(self) -> bytes:
        return self.keys[self.active_id]

    @classmethod
    def parse(cls, spec: str) -> "KeyRing":
        """`kid:base64key[,kid:base64key...]`, the first entry active. Never echoes a key."""
        keys: dict[str, bytes] = {}
        order: list[str] = []
        for position, entry in enumerate(part.strip() for part in spec.split(",")):
            if not entry:
                continue
            kid, sep, encoded = entry.partition(":")
            if not sep or not _KEY_ID.match(kid):
                raise KeyConfigurationError(
                    f"key entry {position + 1}: expected kid:base64key with kid of 1-32 "
                    "letters, digits, '_' or '-'"
                )
            try:
                key = base64.b64decode(encoded.strip(), validate=True)
            except (binascii.Error, ValueError) as exc:
                raise KeyConfigurationError(f"key {kid!r} is not valid base64") from exc
            if len(key) not in _KEY_SIZES:
                raise KeyConfigurationError(f"key {kid!r} must be 16, 24 or 32 bytes")
            if kid in keys:
                raise KeyConfigurationError(f"key id {kid!r} appears twice")
            keys[kid] = key
            order.append(kid)
        if not order:
            raise KeyConfigurationError("the key ring is empty")
        return cls(active_id=order[0], keys=keys)

    def describe(self) -> str:
        """Key ids only, for logs: the active one first."""
        others = [kid for kid in self.keys if kid != self.active_id]
        return f"active={self.active_id} others={others}"


def generate_key_spec(kid: str | None = None) -> str:
    """A fresh `kid:base64key` entry with a random 256-bit key."""
    kid = kid or "k" + secrets.token_hex(4)
    return f"{kid}:{base64.b64encode(secrets.token_bytes(32)).decode()}"


def _read_or_create_key_file(path: Path) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: replicas starting together on one host agree on the first file written.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as handle:
        handle.write(generate_key_spec() + "\n")
    logger.warning(
        "generated a new encryption key file at %s (mode 0600); losing it makes stored student "
        "text unreadable. Set LEARNFLOW_ENCRYPTION_KEYS in any shared or production deployment.",
        path,
    )
    return path.read_text().strip()


def load_key_ring(configured: str | None, *, environment: str, data_dir: Path) -> KeyRing:
    """The ring from `configured` (LEARNFLOW_ENCRYPTION_KEYS); without it, production refuses
    and every other mode uses (creating it if needed) a key file in `data_dir`."""
    if configured and configured.strip():
        ring = KeyRing.parse(configured)
        logger.info("field encryption keys from the environment: %s", ring.describe())
        return ring
    if environment == "production":
        raise KeyConfigurationError(
            "LEARNFLOW_ENCRYPTION_KEYS must be set in production (kid:base64key, 32-byte key)"
        )
    path = data_dir / KEY_FILE_NAME
    ring = KeyRing.parse(_read_or_create_key_file(path))
    logger.warning(
        "LEARNFLOW_ENCRYPTION_KEYS unset: using the local key file %s (%s)", path, ring.describe()
    )
    return ring
