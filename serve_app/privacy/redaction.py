"""Redact personal data and secrets from text before it leaves for a third-party LLM.

Student questions and code are sent as they are except for: e-mail addresses, phone
numbers, and anything that looks like a credential (assignments to password/secret/token/
key-like names, provider API keys, AWS keys, JWTs, bearer tokens, private key blocks).
Redaction prefers a false positive (a number that was not a phone) to a leaked secret.
"""

import re

EMAIL = "[email]"
PHONE = "[phone]"
SECRET = "[secret]"  # noqa: S105 - the placeholder, not a password

# An unterminated block (pasted half) is redacted to the end of the text.
_PRIVATE_KEY_BLOCK = re.compile(
    r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----.*?"
    r"(-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|\Z)",
    re.DOTALL,
)
_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_TOKENS = re.compile(
    r"""
      \beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*     # JWT
    | \b(?:sk|pk|rk)[-_](?:live[-_]|test[-_]|proj[-_])?[A-Za-z0-9_-]{16,}  # OpenAI, Stripe
    | \b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[A-Z0-9]{16}\b            # AWS access key ids
    | \bgh[pousr]_[A-Za-z0-9]{20,}                                   # GitHub tokens
    | \bgithub_pat_[A-Za-z0-9_]{20,}
    | \bxox[abposr]-[A-Za-z0-9-]{10,}                                # Slack
    | \bAIza[0-9A-Za-z_-]{30,}                                       # Google API keys
    | \bglpat-[A-Za-z0-9_-]{20,}                                     # GitLab
    """,
    re.VERBOSE,
)
_BEARER = re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{12,}")
# `password = "x"`, `API_KEY: x`, `"client_secret": "x"`, `aws_secret_access_key=x`.
# Any identifier before an assignment matches (a linear scan); the callback then keeps only
# names that contain a secret-like word.
_SECRET_WORD = re.compile(
    r"passw(?:or)?d|passwd|pwd|passphrase|secret|token|api[_-]?key|apikey|"
    r"access[_-]?key|private[_-]?key|credential",
    re.IGNORECASE,
)
_NAME = r"\b[A-Za-z_][A-Za-z0-9_-]*+"
_QUOTED_ASSIGNMENT = re.compile(
    rf"""(?x)
    (?P<name>(?P<ident>{_NAME})["']?\s*(?::=|=>|[:=])\s*[rbufRBUF]?)
    (?P<quote>["'])(?P<value>(?:\\.|(?!(?P=quote)).)*)(?P=quote)
    """
)
_BARE_ASSIGNMENT = re.compile(
    rf"""(?x)
    (?P<name>(?P<ident>{_NAME})\s*(?::=|=>|[:=])\s*)
    (?P<value>(?!["'\[({{=>:])[^\s,;'"()\[\]{{}}]++)
    (?!\s*[(\[.])
    """
)
# Values that are code, not credentials: `password = input(...)` is caught by the
# lookahead; these are the bare names a program commonly assigns.
_CODE_VALUES = {"none", "true", "false", "null", "input", "getpass", "str", "int", "len"}
# Digit groups with separators, optionally a country code or area code in parentheses;
# a sentence's full stop may follow, another digit group may not.
_PHONE = re.compile(
    r"(?=[\d+(])(?<![\w.+-])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,8}){1,4}"
    r"(?![\w-]|\.\d)|(?<![\w.+-])\+\d{7,15}(?![\w-]|\.\d)"
)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DECIMAL = re.compile(r"\d+\.\d+")


def _phone(match: re.Match[str]) -> str:
    text = match.group(0)
    if not 7 <= sum(ch.isdigit() for ch in text) <= 15:
        return text
    if _ISO_DATE.fullmatch(text) or _DECIMAL.fullmatch(text):
        return text
    groups = re.findall(r"\d+", text)
    # Without a country or area code, a phone ends in a 4+ digit group: this keeps program
    # output such as "10 20 30 40" and dotted addresses like 192.168.100.200 intact.
    if not text.startswith(("+", "(")) and (len(groups[-1]) < 4 or max(map(len, groups)) < 3):
        return text
    return PHONE


def _quoted(match: re.Match[str]) -> str:
    if not match.group("value") or not _SECRET_WORD.search(match.group("ident")):
        return match.group(0)
    quote = match.group("quote")
    return f"{match.group('name')}{quote}{SECRET}{quote}"


def _bare(match: re.Match[str]) -> str:
    value = match.group("value")
    if not _SECRET_WORD.search(match.group("ident")):
        return match.group(0)
    if value.lower() in _CODE_VALUES or (value.isdigit() and len(value) < 4):
        return match.group(0)
    return f"{match.group('name')}{SECRET}"


def redact(text: str) -> str:
    """`text` with e-mails, phone numbers and secrets replaced by [email]/[phone]/[secret]."""
    # Cheap substring checks skip patterns that cannot match (code can be 20k characters).
    if "PRIVATE KEY" in text:
        text = _PRIVATE_KEY_BLOCK.sub(SECRET, text)
    text = _TOKENS.sub(SECRET, text)
    lowered = text.lower()
    if "bearer" in lowered or "basic" in lowered:
        text = _BEARER.sub(lambda m: f"{m.group(1)} {SECRET}", text)
    if "@" in text:
        text = _EMAIL.sub(EMAIL, text)
    text = _QUOTED_ASSIGNMENT.sub(_quoted, text)
    text = _BARE_ASSIGNMENT.sub(_bare, text)
    return _PHONE.sub(_phone, text)
