"""Token verification: HS256 and OIDC JWKS, and every way a token can be wrong."""

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Iterator

import jwt
import pytest
from cryptography.hazmat.primitives import serialization

from serve_app.errors import DependencyUnavailable
from serve_app.security.errors import Unauthenticated
from serve_app.security.tokens import HS256Verifier, JWKSVerifier, principal_from_claims
from tests.unit.security.keys import (
    AUDIENCE,
    ISSUER,
    SECRET,
    JWKSServer,
    claims,
    hs256,
    public_jwk,
    rsa_key,
)

VERIFIER = HS256Verifier(SECRET, issuer=ISSUER, audience=AUDIENCE, leeway=10)


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


async def test_a_valid_token_gives_its_subject_and_roles() -> None:
    principal = await VERIFIER.verify(hs256("alice", ["student", "teacher", "wizard"]))
    assert principal.subject == "alice"
    assert principal.roles == {"student", "teacher"}
    assert principal.classes is None
    assert not principal.anonymous


@pytest.mark.parametrize(
    ("token", "reason"),
    [
        (hs256(exp=int(time.time()) - 60), "expired"),
        (hs256(iss="https://evil.test"), "issuer"),
        (hs256(aud="another-app"), "audience"),
        (hs256(exp=None), "exp"),
        (hs256(iss=None), "iss"),
        (hs256(aud=None), "aud"),
        (hs256(sub=None), "sub"),
        (hs256(nbf=int(time.time()) + 600), "not yet valid"),
        (jwt.encode(claims(), "another-secret-of-the-right-length-xx", algorithm="HS256"), "sig"),
        ("not.a.token", "decode"),
        ("", "empty"),
    ],
)
async def test_wrong_tokens_are_refused(token: str, reason: str) -> None:
    with pytest.raises(Unauthenticated):
        await VERIFIER.verify(token)


async def test_expiry_within_the_leeway_is_accepted() -> None:
    principal = await VERIFIER.verify(hs256(exp=int(time.time()) - 5))
    assert principal.subject == "alice"


async def test_alg_none_is_refused() -> None:
    unsigned = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims())}."
    assert jwt.decode(unsigned, options={"verify_signature": False})["sub"] == "alice"
    with pytest.raises(Unauthenticated):
        await VERIFIER.verify(unsigned)


async def test_a_tampered_payload_is_refused() -> None:
    header, _, signature = hs256("alice").split(".")
    forged = f"{header}.{_b64(claims('mallory', ['admin']))}.{signature}"
    with pytest.raises(Unauthenticated):
        await VERIFIER.verify(forged)


def test_roles_come_from_roles_or_role_and_unknown_ones_are_dropped() -> None:
    assert principal_from_claims({"sub": "t", "roles": "teacher admin"}).roles == {
        "teacher",
        "admin",
    }
    assert principal_from_claims({"sub": "t", "role": "teacher"}).roles == {"teacher"}
    assert principal_from_claims({"sub": "t", "roles": [1, "root"]}).roles == frozenset()
    custom = principal_from_claims({"sub": "t", "groups": ["admin"]}, roles_claim="groups")
    assert custom.roles == {"admin"}
    narrowed = principal_from_claims({"sub": "t", "role": "teacher", "classes": ["7a", "7b"]})
    assert narrowed.classes == frozenset({"7a", "7b"})
    for bad_subject in ("", 5, "x" * 300):
        with pytest.raises(Unauthenticated):
            principal_from_claims({"sub": bad_subject, "role": "student"})


@pytest.fixture
def jwks() -> Iterator[JWKSServer]:
    with JWKSServer().running() as server:
        yield server


def _oidc(url: str, refetch_cooldown: float = 30) -> JWKSVerifier:
    return JWKSVerifier(
        url,
        issuer=ISSUER,
        audience=AUDIENCE,
        leeway=10,
        cache_seconds=300,
        refetch_cooldown=refetch_cooldown,
    )


async def test_jwks_tokens_verify_and_keys_are_cached(jwks: JWKSServer) -> None:
    key = rsa_key()
    jwks.keys = [public_jwk(key, "k1")]
    verifier = _oidc(jwks.url)
    token = jwt.encode(claims("bob", ["teacher"]), key, algorithm="RS256", headers={"kid": "k1"})
    assert (await verifier.verify(token)).roles == {"teacher"}
    assert (await verifier.verify(token)).subject == "bob"
    assert jwks.requests == 1


async def test_jwks_rotation_fetches_the_new_key(jwks: JWKSServer) -> None:
    old, new = rsa_key(), rsa_key()
    jwks.keys = [public_jwk(old, "k1")]
    verifier = _oidc(jwks.url, refetch_cooldown=0)
    first = jwt.encode(claims(), old, algorithm="RS256", headers={"kid": "k1"})
    await verifier.verify(first)
    jwks.keys = [public_jwk(new, "k2")]
    rotated = jwt.encode(claims(), new, algorithm="RS256", headers={"kid": "k2"})
    assert (await verifier.verify(rotated)).subject == "alice"
    assert jwks.requests == 2


async def test_made_up_key_ids_do_not_flood_the_issuer(jwks: JWKSServer) -> None:
    key = rsa_key()
    jwks.keys = [public_jwk(key, "k1")]
    verifier = _oidc(jwks.url)
    await verifier.verify(jwt.encode(claims(), key, algorithm="RS256", headers={"kid": "k1"}))
    for n in range(5):
        probe = jwt.encode(claims(), key, algorithm="RS256", headers={"kid": f"made-up-{n}"})
        with pytest.raises(Unauthenticated):
            await verifier.verify(probe)
    assert jwks.requests <= 2


async def test_jwks_refuses_unknown_keys_foreign_signatures_and_hmac(jwks: JWKSServer) -> None:
    key, stranger = rsa_key(), rsa_key()
    jwks.keys = [public_jwk(key, "k1")]
    verifier = _oidc(jwks.url)
    with pytest.raises(Unauthenticated):
        await verifier.verify(
            jwt.encode(claims(), stranger, algorithm="RS256", headers={"kid": "k1"})
        )
    with pytest.raises(Unauthenticated):
        await verifier.verify(
            jwt.encode(claims(), stranger, algorithm="RS256", headers={"kid": "nope"})
        )
    # Algorithm confusion: an HMAC token keyed with the issuer's public key.
    public_pem = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    header = _b64({"alg": "HS256", "typ": "JWT", "kid": "k1"})
    payload = _b64(claims("mallory", ["admin"]))
    signature = hmac.new(public_pem, f"{header}.{payload}".encode(), hashlib.sha256).digest()
    confused = f"{header}.{payload}.{base64.urlsafe_b64encode(signature).rstrip(b'=').decode()}"
    with pytest.raises(Unauthenticated):
        await verifier.verify(confused)
    with pytest.raises(Unauthenticated):
        await verifier.verify(f"{_b64({'alg': 'none', 'kid': 'k1'})}.{payload}.")


async def test_an_unreachable_jwks_is_a_dependency_outage() -> None:
    server = JWKSServer()
    url = server.url
    server._httpd.server_close()  # the port is closed: connection refused
    key = rsa_key()
    token = jwt.encode(claims(), key, algorithm="RS256", headers={"kid": "k1"})
    with pytest.raises(DependencyUnavailable):
        await _oidc(url).verify(token)
