"""Auth mode resolution, fail-closed configuration and the development token CLI."""

import pytest
from pydantic import SecretStr

from serve_app.security.errors import SecurityMisconfigured
from serve_app.security.mint_token import main, mint
from serve_app.security.policy import SecurityPolicy, build_verifier, resolve_auth_mode
from serve_app.security.tokens import HS256Verifier, JWKSVerifier
from serve_app.settings import Settings
from tests.unit.security.keys import SECRET

DB = SecretStr("postgresql://db.example/learnflow")


def _settings(**values: object) -> Settings:
    return Settings.model_validate(values)


@pytest.mark.parametrize(
    ("values", "mode"),
    [
        ({}, "off"),
        ({"database_url": DB}, "hs256"),
        ({"database_url": DB, "auth_jwks_url": "https://id.test/jwks"}, "oidc"),
        ({"auth_mode": "hs256"}, "hs256"),
        ({"auth_mode": "off", "database_url": DB}, "off"),
    ],
)
def test_auto_is_off_only_in_embedded_mode(values: dict[str, object], mode: str) -> None:
    assert resolve_auth_mode(_settings(**values)) == mode


@pytest.mark.parametrize(
    "values",
    [
        {"database_url": DB},
        {"auth_mode": "hs256", "auth_jwt_secret": "short"},
        {"auth_mode": "hs256", "auth_jwt_secret": "changeme"},
        {"auth_mode": "oidc"},
    ],
)
def test_required_auth_without_usable_keys_fails_closed(values: dict[str, object]) -> None:
    with pytest.raises(SecurityMisconfigured):
        build_verifier(_settings(**values))


def test_verifiers_follow_the_mode() -> None:
    assert build_verifier(_settings()) is None
    hs = _settings(database_url=DB, auth_jwt_secret=SECRET)
    assert isinstance(build_verifier(hs), HS256Verifier)
    oidc = _settings(auth_mode="oidc", auth_jwks_url="https://id.test/jwks")
    assert isinstance(build_verifier(oidc), JWKSVerifier)


def test_policy_reads_quotas_cors_and_secret_stays_secret() -> None:
    settings = _settings(
        auth_mode="hs256",
        auth_jwt_secret=SECRET,
        rate_limit_per_minute=7,
        llm_daily_quota=3,
        cors_origins="https://app.school.test, https://admin.school.test",
    )
    policy = SecurityPolicy.from_settings(settings)
    assert policy.auth_enabled
    assert (policy.quotas.per_minute, policy.quotas.llm_per_day) == (7, 3)
    assert not policy.quotas.llm_enabled
    assert policy.cors_origins == ("https://app.school.test", "https://admin.school.test")
    assert SECRET not in repr(settings)
    assert _settings(cors_origins='["https://a.test"]').cors_origins == ["https://a.test"]
    assert _settings().cors_origins == []


async def test_minted_tokens_verify_with_the_configured_secret() -> None:
    settings = _settings(auth_mode="hs256", auth_jwt_secret=SECRET)
    verifier = build_verifier(settings)
    assert verifier is not None
    token = mint(settings, subject="t1", roles=["teacher"], classes=["7a"], minutes=5)
    principal = await verifier.verify(token)
    assert principal.subject == "t1"
    assert principal.roles == {"teacher"}
    assert principal.classes == frozenset({"7a"})


def test_mint_cli(capsys: pytest.CaptureFixture[str]) -> None:
    settings = _settings(auth_jwt_secret=SECRET)
    assert main(["--sub", "alice", "--role", "student"], settings) == 0
    token = capsys.readouterr().out.strip()
    assert token.count(".") == 2
    assert SECRET not in token
    assert main(["--sub", "alice", "--role", "root"], settings) == 2
    assert main(["--sub", "alice", "--minutes", "0"], settings) == 2
    assert main(["--sub", "alice"], _settings()) == 1
    assert "LEARNFLOW_AUTH_JWT_SECRET" in capsys.readouterr().err
