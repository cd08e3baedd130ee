"""AES-GCM field encryption: round trips, row binding, key rings and rotation state."""

import base64
import os
import stat
from pathlib import Path

import pytest

from serve_app.privacy.field_cipher import (
    FieldCipher,
    FieldDecryptionError,
    associated_data,
)
from serve_app.privacy.keyring import (
    KEY_FILE_NAME,
    KeyConfigurationError,
    KeyRing,
    generate_key_spec,
    load_key_ring,
)

AAD = associated_data("interactions", "text", "row-1", "alice")


def _key(byte: int) -> str:
    return base64.b64encode(bytes([byte]) * 32).decode()


def test_round_trip_and_no_plaintext_in_ciphertext() -> None:
    cipher = FieldCipher(KeyRing.parse(generate_key_spec("k1")))
    sealed = cipher.encrypt("my password is hunter2", aad=AAD)
    assert b"hunter2" not in sealed
    assert sealed.startswith(b"\x01\x02k1")
    assert cipher.decrypt(sealed, aad=AAD) == "my password is hunter2"


def test_same_text_encrypts_differently_each_time() -> None:
    cipher = FieldCipher(KeyRing.parse(generate_key_spec()))
    assert cipher.encrypt("x", aad=AAD) != cipher.encrypt("x", aad=AAD)


@pytest.mark.parametrize(
    "other",
    [
        associated_data("interactions", "text", "row-1", "bob"),
        associated_data("interactions", "code", "row-1", "alice"),
        associated_data("interactions", "text", "row-2", "alice"),
        associated_data("submissions", "text", "row-1", "alice"),
    ],
)
def test_ciphertext_moved_to_another_row_does_not_decrypt(other: bytes) -> None:
    cipher = FieldCipher(KeyRing.parse(generate_key_spec()))
    sealed = cipher.encrypt("secret question", aad=AAD)
    with pytest.raises(FieldDecryptionError):
        cipher.decrypt(sealed, aad=other)


def test_tampered_ciphertext_is_refused() -> None:
    cipher = FieldCipher(KeyRing.parse(generate_key_spec()))
    sealed = bytearray(cipher.encrypt("text", aad=AAD))
    sealed[-1] ^= 1
    with pytest.raises(FieldDecryptionError):
        cipher.decrypt(bytes(sealed), aad=AAD)


def test_old_key_decrypts_after_rotation_until_removed() -> None:
    old = FieldCipher(KeyRing.parse(f"old:{_key(1)}"))
    sealed = old.encrypt("kept", aad=AAD)
    rotated = FieldCipher(KeyRing.parse(f"new:{_key(2)},old:{_key(1)}"))
    assert rotated.decrypt(sealed, aad=AAD) == "kept"
    assert rotated.needs_rewrap(sealed)
    rewrapped = rotated.encrypt(rotated.decrypt(sealed, aad=AAD), aad=AAD)
    assert not rotated.needs_rewrap(rewrapped)
    only_new = FieldCipher(KeyRing.parse(f"new:{_key(2)}"))
    assert only_new.decrypt(rewrapped, aad=AAD) == "kept"
    with pytest.raises(FieldDecryptionError, match="unknown key id 'old'"):
        only_new.decrypt(sealed, aad=AAD)


def test_legacy_plaintext_reads_and_needs_rewrap() -> None:
    cipher = FieldCipher(KeyRing.parse(generate_key_spec()))
    legacy = b"\x00" + "héllo".encode()
    assert cipher.decrypt(legacy, aad=AAD) == "héllo"
    assert cipher.needs_rewrap(legacy)
    assert not cipher.needs_rewrap(None)


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("", "empty"),
        ("nokey", "expected kid:base64key"),
        ("bad id!:" + _key(1), "expected kid:base64key"),
        ("k1:not base64!", "not valid base64"),
        ("k1:" + base64.b64encode(b"short").decode(), "16, 24 or 32 bytes"),
        (f"k1:{_key(1)},k1:{_key(2)}", "appears twice"),
    ],
)
def test_malformed_key_rings_are_refused_without_echoing_keys(spec: str, message: str) -> None:
    with pytest.raises(KeyConfigurationError, match=message) as raised:
        KeyRing.parse(spec)
    assert _key(1) not in str(raised.value)


def test_first_key_is_active() -> None:
    ring = KeyRing.parse(f"b:{_key(2)}, a:{_key(1)}")
    assert ring.active_id == "b"
    assert set(ring.keys) == {"a", "b"}
    assert _key(2) not in ring.describe()


def test_production_refuses_to_start_without_keys(tmp_path: Path) -> None:
    with pytest.raises(KeyConfigurationError, match="must be set in production"):
        load_key_ring(None, environment="production", data_dir=tmp_path)
    assert not (tmp_path / KEY_FILE_NAME).exists()


def test_embedded_mode_generates_a_private_key_file_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    first = load_key_ring(None, environment="development", data_dir=tmp_path)
    path = tmp_path / KEY_FILE_NAME
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert "generated a new encryption key file" in caplog.text
    again = load_key_ring("", environment="development", data_dir=tmp_path)
    assert again == first
    secret = base64.b64encode(first.active_key).decode()
    assert secret not in caplog.text


def test_configured_keys_win_over_the_key_file(tmp_path: Path) -> None:
    ring = load_key_ring(f"env:{_key(3)}", environment="production", data_dir=tmp_path)
    assert ring.active_id == "env"
    assert not (tmp_path / KEY_FILE_NAME).exists()
