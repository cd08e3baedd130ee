"""Load the key ring from settings and install the process's field cipher; build the
database the privacy commands work on."""

from serve_app.privacy.field_cipher import FieldCipher
from serve_app.privacy.fields import install_field_cipher
from serve_app.privacy.keyring import load_key_ring
from serve_app.settings import Settings
from serve_app.store.database import Database


def install_cipher_from_settings(settings: Settings) -> FieldCipher:
    """Raises KeyConfigurationError (so the process refuses to start) on a bad or missing ring."""
    configured = settings.encryption_keys.get_secret_value() if settings.encryption_keys else None
    ring = load_key_ring(configured, environment=settings.environment, data_dir=settings.data_dir)
    cipher = FieldCipher(ring)
    install_field_cipher(cipher)
    return cipher


def database_from_settings(settings: Settings) -> Database:
    url = settings.database_url.get_secret_value() if settings.database_url else None
    return Database(url, data_dir=settings.data_dir, min_size=1, max_size=2)
