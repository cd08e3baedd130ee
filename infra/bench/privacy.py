"""Cost of privacy on the request path: field encryption and LLM redaction, per call.

`python infra/bench/privacy.py` prints microseconds per operation; it is not a test.
"""

import statistics
import time
from collections.abc import Callable

from serve_app.privacy.field_cipher import FieldCipher, associated_data
from serve_app.privacy.keyring import KeyRing, generate_key_spec
from serve_app.privacy.redaction import redact

QUESTION = "Why does my loop print the last item twice? I'm ana@example.org, +1 555 123 4567."
CODE = "\n".join(
    [
        'password = "hunter2"',
        "numbers = [3, 1, 4, 1, 5, 9, 2, 6]",
        "for i in range(len(numbers) + 1):",
        "    print(numbers[i] * 2, i)",
    ]
    * 25
)


def _per_call_us(fn: Callable[[], object], rounds: int = 5, calls: int = 2_000) -> float:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            fn()
        samples.append((time.perf_counter() - start) / calls * 1e6)
    return statistics.median(samples)


def main() -> None:
    cipher = FieldCipher(KeyRing.parse(generate_key_spec("bench")))
    aad = associated_data("interactions", "code", "row", "student")
    sealed = cipher.encrypt(CODE, aad=aad)
    print(f"code field: {len(CODE)} chars, stored as {len(sealed)} bytes")
    print(f"encrypt code field   {_per_call_us(lambda: cipher.encrypt(CODE, aad=aad)):8.1f} µs")
    print(f"decrypt code field   {_per_call_us(lambda: cipher.decrypt(sealed, aad=aad)):8.1f} µs")
    print(f"redact question      {_per_call_us(lambda: redact(QUESTION)):8.1f} µs")
    print(f"redact {len(CODE)}-char code {_per_call_us(lambda: redact(CODE), calls=200):8.1f} µs")


if __name__ == "__main__":
    main()
