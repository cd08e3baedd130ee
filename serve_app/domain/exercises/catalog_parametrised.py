"""Parametrised exercises: each variant changes the numbers or words, and its tests with them.

Placeholders are `$name` (see `variants.py`); every variant sets all of them, and the bank's
tests grade every variant's reference solution.
"""

from serve_app.domain.exercises.authoring import code, examples, tests, variants
from serve_app.domain.exercises.models import ExerciseSpec

EXERCISES: tuple[ExerciseSpec, ...] = (
    ExerciseSpec(
        exercise_id="loops-count-multiples",
        title="Count the multiples of $k",
        prompt=code(
            """
            Write `count_multiples(limit: int) -> int` that counts how many of the whole numbers
            from 1 to `limit` (inclusive) are divisible by $k.

            - A `limit` below 1 gives 0.
            - Use a `for` loop over `range` and a counter variable.
            """
        ),
        topic="loops",
        difficulty="easy",
        starter_code=code(
            """
            def count_multiples(limit: int) -> int:
                # TODO: count the numbers from 1 to limit that are divisible by $k
                pass
            """
        ),
        examples=examples(
            ("count_multiples($limit)", "$count"),
            ("count_multiples($k)", "1"),
        ),
        tests=tests(
            ("a limit below $k gives 0", "assert count_multiples($k - 1) == 0"),
            ("exactly $k gives 1", "assert count_multiples($k) == 1"),
            ("up to 100", "assert count_multiples(100) == 100 // $k"),
            ("up to 1000", "assert count_multiples(1000) == 1000 // $k"),
            (
                "zero and negative limits give 0",
                "assert count_multiples(0) == count_multiples(-5) == 0",
            ),
            (
                "returns an int",
                """
                result = count_multiples(50)
                assert isinstance(result, int), f"got {type(result).__name__}"
                """,
            ),
        ),
        solution=code(
            """
            def count_multiples(limit: int) -> int:
                count = 0
                for number in range(1, limit + 1):
                    if number % $k == 0:
                        count += 1
                return count
            """
        ),
        variants=variants(
            {"k": "3", "limit": "10", "count": "3"},
            {"k": "7", "limit": "50", "count": "7"},
            {"k": "11", "limit": "100", "count": "9"},
        ),
    ),
    ExerciseSpec(
        exercise_id="strings-caesar",
        title="Caesar cipher, shift $shift",
        prompt=code(
            """
            Write `encrypt(text: str) -> str` that moves every letter $shift places forward in
            the alphabet, wrapping around from `z` to `a`, and `decrypt(text: str) -> str` that
            undoes it.

            - Keep upper and lower case; leave everything that is not an ASCII letter as it is.
            - `ord` and `chr` turn letters into numbers and back; `%` 26 does the wrapping.
            """
        ),
        topic="strings",
        difficulty="medium",
        starter_code=code(
            """
            def encrypt(text: str) -> str:
                # TODO: shift each letter $shift places forward
                pass


            def decrypt(text: str) -> str:
                # TODO: shift each letter $shift places back
                pass
            """
        ),
        examples=examples(
            ("encrypt('abc')", "'$abc'"),
            ("decrypt(encrypt('Hello, World!'))", "'Hello, World!'"),
        ),
        tests=tests(
            ("shifts lowercase letters", "assert encrypt('abc') == '$abc'"),
            ("wraps around the end of the alphabet", "assert encrypt('xyz') == '$xyz'"),
            ("keeps upper case", "assert encrypt('ABC') == '$abc'.upper()"),
            ("leaves punctuation and spaces", "assert encrypt('a, b!') == '$punct'"),
            (
                "decrypt undoes encrypt",
                "assert decrypt(encrypt('The quick brown fox!')) == 'The quick brown fox!'",
            ),
            ("decrypt shifts back", "assert decrypt('$abc') == 'abc'"),
            ("empty text", "assert encrypt('') == '' and decrypt('') == ''"),
        ),
        solution=code(
            """
            def _shift(text: str, offset: int) -> str:
                shifted = []
                for char in text:
                    if char.isascii() and char.isalpha():
                        base = ord("a") if char.islower() else ord("A")
                        shifted.append(chr((ord(char) - base + offset) % 26 + base))
                    else:
                        shifted.append(char)
                return "".join(shifted)


            def encrypt(text: str) -> str:
                return _shift(text, $shift)


            def decrypt(text: str) -> str:
                return _shift(text, -$shift)
            """
        ),
        variants=variants(
            {"shift": "3", "abc": "def", "xyz": "abc", "punct": "d, e!"},
            {"shift": "5", "abc": "fgh", "xyz": "cde", "punct": "f, g!"},
            {"shift": "13", "abc": "nop", "xyz": "klm", "punct": "n, o!"},
        ),
    ),
    ExerciseSpec(
        exercise_id="conditionals-ticket-price",
        title="Ticket prices",
        prompt=code(
            """
            Write `ticket_price(age: int) -> int` for a museum whose tickets cost:

            - $child_price for children younger than $child_age,
            - $senior_price for visitors aged $senior_age or older,
            - $adult_price for everyone else.

            A negative age raises `ValueError`. Use `if`/`elif`/`else`.
            """
        ),
        topic="conditionals",
        difficulty="easy",
        starter_code=code(
            """
            def ticket_price(age: int) -> int:
                # TODO: check the age against $child_age and $senior_age
                pass
            """
        ),
        examples=examples(
            ("ticket_price(30)", "$adult_price"),
            ("ticket_price($senior_age)", "$senior_price"),
        ),
        tests=tests(
            ("a baby pays the child price", "assert ticket_price(0) == $child_price"),
            ("the last child year", "assert ticket_price($child_age - 1) == $child_price"),
            ("$child_age pays the adult price", "assert ticket_price($child_age) == $adult_price"),
            (
                "the year before the senior price",
                "assert ticket_price($senior_age - 1) == $adult_price",
            ),
            (
                "seniors from $senior_age",
                "assert ticket_price($senior_age) == ticket_price(100) == $senior_price",
            ),
            (
                "a negative age raises ValueError",
                """
                try:
                    ticket_price(-1)
                except ValueError:
                    pass
                else:
                    raise AssertionError("ticket_price(-1) should raise ValueError")
                """,
            ),
        ),
        solution=code(
            """
            def ticket_price(age: int) -> int:
                if age < 0:
                    raise ValueError("age must not be negative")
                if age < $child_age:
                    return $child_price
                if age >= $senior_age:
                    return $senior_price
                return $adult_price
            """
        ),
        variants=variants(
            {
                "child_age": "12",
                "senior_age": "65",
                "child_price": "5",
                "adult_price": "12",
                "senior_price": "7",
            },
            {
                "child_age": "16",
                "senior_age": "60",
                "child_price": "4",
                "adult_price": "10",
                "senior_price": "6",
            },
            {
                "child_age": "6",
                "senior_age": "70",
                "child_price": "3",
                "adult_price": "15",
                "senior_price": "9",
            },
        ),
    ),
)
