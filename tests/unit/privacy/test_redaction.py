"""Redaction before the LLM: personal data and secrets out, ordinary code and prose intact."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from serve_app.privacy.redaction import redact

LEAKS = {
    "email": ("write to alice.smith+tutor@school.example.org please", "alice.smith"),
    "us phone": ("call me on (555) 123-4567 tonight", "123-4567"),
    "intl phone": ("my number is +44 20 7946 0958", "7946"),
    "plain phone": ("text 555.123.4567", "555.123.4567"),
    "compact intl": ("whatsapp +4915112345678", "4915112345678"),
    "phone ending a sentence": ("Call +1 (555) 867-5309. Thanks", "867-5309"),
    "password code": ('password = "hunter2"\nprint(password)', "hunter2"),
    "api key code": ("API_KEY='abcd1234efgh'", "abcd1234efgh"),
    "dict secret": ('config = {"client_secret": "s3cr3t value"}', "s3cr3t value"),
    "bare secret": ("db_password=Tr0ub4dor&3", "Tr0ub4dor"),
    "aws secret": (
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "wJalrXUtnFEMI",
    ),
    "aws key id": ("key AKIAIOSFODNN7EXAMPLE here", "AKIAIOSFODNN7EXAMPLE"),
    "openai key": (
        "client = OpenAI(api_key=os.environ['K']) # sk-proj-abc123def456ghi789jk",
        "sk-proj",
    ),
    "github token": ("ghp_abcdefghijklmnopqrstuvwxyz0123456789", "ghp_abcdef"),
    "jwt": (
        "token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gF",
        "eyJzdWIiOiJhbGljZSJ9",
    ),
    "bearer": ("Authorization: Bearer abcdef0123456789abcdef", "abcdef0123456789"),
    "private key": (
        "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n"
        "-----END OPENSSH PRIVATE KEY-----\nprint('hi')",
        "b3BlbnNzaC1rZXktdjEAAAAA",
    ),
    "half private key": ("-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA", "MIIEow"),
}


@pytest.mark.parametrize("case", sorted(LEAKS))
def test_personal_data_and_secrets_are_removed(case: str) -> None:
    text, leaked = LEAKS[case]
    redacted = redact(text)
    assert leaked not in redacted
    assert "[" in redacted


def test_placeholders_name_what_was_removed() -> None:
    out = redact('mail bob@example.com, phone 555-123-4567, password: "x1"')
    assert out == 'mail [email], phone [phone], password: "[secret]"'


@pytest.mark.parametrize(
    "code",
    [
        "for i in range(10):\n    print(i * 3.14159)",
        "numbers = [10, 20, 30, 40]\nprint(10, 20, 30, 40)",
        'password = input("Password: ")\nif password == expected:\n    print("ok")',
        "secret_number = random.randint(1, 100)\nguess = int(input())",
        "secret_number = 42",
        "print(2024-01-15)\nx = 1 - 2 - 3",
        "ip = '192.168.100.200'\nversion = '1.2.3'",
        "tokens = text.split()\nprint(len(tokens))",
        "def f(password=None):\n    return password",
    ],
)
def test_ordinary_code_is_left_alone(code: str) -> None:
    assert redact(code) == code


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_redaction_never_fails_and_is_idempotent(text: str) -> None:
    once = redact(text)
    assert redact(once) == once


@given(st.from_regex(r"[a-z]{1,10}(\.[a-z]{1,8})?@[a-z]{2,10}\.(com|org|edu|de)", fullmatch=True))
def test_any_email_inside_text_is_removed(email: str) -> None:
    assert email not in redact(f"question from {email}: what is a list?")
