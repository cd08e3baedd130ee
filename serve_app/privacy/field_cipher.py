"""AES-GCM for single database fields, bound to the row they belong to.

Stored layout (bytea):

    0x01 | len(kid) | kid | 12-byte nonce | ciphertext + 16-byte tag     (encrypted)
    0x00 | UTF-8 text                                                   (legacy plaintext)

The associated data names the table, column, row id and student, so a ciphertext copied
into another row, column or student fails to decrypt instead of leaking across students.
Version 0x00 only exists for rows written before migration 0004; the rotate command (and
the ingress's maintenance loop) re-encrypts them.
"""

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from serve_app.errors import LearnFlowError
from serve_app.privacy.keyring import KeyRing

ENCRYPTED_V1 = 0x01
LEGACY_PLAINTEXT = 0x00
_NONCE_BYTES = 12


class FieldDecryptionError(LearnFlowError):
    """A stored field cannot be decrypted: unknown key id, tampering, or a moved ciphertext."""


def associated_data(table: str, column: str, row_id: str, student_id: str) -> bytes:
    return "\x00".join(("learnflow.field.v1", table, column, row_id, student_id)).encode()


class FieldCipher:
    def __init__(self, ring: KeyRing) -> None:
        self._ring = ring
        self._aeads = {kid: AESGCM(key) for kid, key in ring.keys.items()}

    @property
    def active_id(self) -> str:
        return self._ring.active_id

    def active_prefix(self) -> bytes:
        """The leading bytes every ciphertext under the active key starts with."""
        kid = self._ring.active_id.encode()
        return bytes((ENCRYPTED_V1, len(kid))) + kid

    def encrypt(self, plaintext: str, *, aad: bytes) -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._aeads[self._ring.active_id].encrypt(nonce, plaintext.encode(), aad)
        return self.active_prefix() + nonce + sealed

    def decrypt(self, stored: bytes, *, aad: bytes) -> str:
        if not stored:
            raise FieldDecryptionError("empty encrypted field")
        version = stored[0]
        if version == LEGACY_PLAINTEXT:
            return stored[1:].decode()
        if version != ENCRYPTED_V1 or len(stored) < 2:
            raise FieldDecryptionError(f"unknown field format version {version}")
        kid_end = 2 + stored[1]
        kid = stored[2:kid_end].decode(errors="replace")
        aead = self._aeads.get(kid)
        if aead is None:
            raise FieldDecryptionError(f"field encrypted with unknown key id {kid!r}")
        nonce, sealed = stored[kid_end : kid_end + _NONCE_BYTES], stored[kid_end + _NONCE_BYTES :]
        try:
            return aead.decrypt(nonce, sealed, aad).decode()
        except InvalidTag as exc:
            raise FieldDecryptionError("field failed authentication") from exc

    def needs_rewrap(self, stored: bytes | None) -> bool:
        """True for legacy plaintext and for ciphertexts under a non-active key."""
        return stored is not None and not stored.startswith(self.active_prefix())
