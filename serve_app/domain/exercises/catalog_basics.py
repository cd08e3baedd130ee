"""Exercises on variables, strings, conditionals and loops."""

from serve_app.domain.exercises.authoring import code, examples, tests
from serve_app.domain.exercises.models import ExerciseSpec

EXERCISES: tuple[ExerciseSpec, ...] = (
    ExerciseSpec(
        exercise_id="variables-celsius-to-fahrenheit",
        title="Celsius to Fahrenheit",
        prompt=code(
            """
            Write `celsius_to_fahrenheit(celsius: float) -> float` that converts a temperature
            from degrees Celsius to degrees Fahrenheit.

            The formula is `F = C × 9 / 5 + 32`. Store the intermediate result in a well-named
            variable and return it.
            """
        ),
        topic="variables",
        difficulty="easy",
        starter_code=code(
            """
            def celsius_to_fahrenheit(celsius: float) -> float:
                # TODO: compute the Fahrenheit value, store it in a variable and return it
                pass
            """
        ),
        examples=examples(
            ("celsius_to_fahrenheit(100)", "212.0"),
            ("celsius_to_fahrenheit(-40)", "-40.0"),
        ),
        tests=tests(
            ("freezing point is 32", "assert celsius_to_fahrenheit(0) == 32"),
            ("boiling point is 212", "assert celsius_to_fahrenheit(100) == 212"),
            ("minus forty is the same in both scales", "assert celsius_to_fahrenheit(-40) == -40"),
            (
                "handles fractional degrees",
                """
                import math
                assert math.isclose(celsius_to_fahrenheit(37.5), 99.5)
                """,
            ),
            (
                "handles absolute zero",
                """
                import math
                assert math.isclose(celsius_to_fahrenheit(-273.15), -459.67)
                """,
            ),
            (
                "returns a number, not a string",
                """
                result = celsius_to_fahrenheit(10)
                assert isinstance(result, (int, float)), f"got {type(result).__name__}"
                assert result == 50
                """,
            ),
        ),
        solution=code(
            """
            def celsius_to_fahrenheit(celsius: float) -> float:
                fahrenheit = celsius * 9 / 5 + 32
                return fahrenheit
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="variables-split-seconds",
        title="Hours, minutes and seconds",
        prompt=code(
            """
            Write `split_seconds(total: int) -> tuple[int, int, int]` that splits a number of
            seconds into `(hours, minutes, seconds)`.

            - `minutes` and `seconds` are always between 0 and 59; `hours` keeps counting past 24.
            - A negative `total` raises `ValueError`.

            Hint: `//` and `%` (or `divmod`) do most of the work.
            """
        ),
        topic="variables",
        difficulty="medium",
        starter_code=code(
            """
            def split_seconds(total: int) -> tuple[int, int, int]:
                # TODO: return (hours, minutes, seconds)
                pass
            """
        ),
        examples=examples(
            ("split_seconds(3661)", "(1, 1, 1)"),
            ("split_seconds(59)", "(0, 0, 59)"),
        ),
        tests=tests(
            ("zero seconds", "assert split_seconds(0) == (0, 0, 0)"),
            ("less than a minute", "assert split_seconds(59) == (0, 0, 59)"),
            ("exactly one hour", "assert split_seconds(3600) == (1, 0, 0)"),
            ("one of each unit", "assert split_seconds(3661) == (1, 1, 1)"),
            (
                "more than a day keeps counting hours",
                "assert split_seconds(100000) == (27, 46, 40)",
            ),
            (
                "negative total raises ValueError",
                """
                try:
                    split_seconds(-1)
                except ValueError:
                    pass
                else:
                    raise AssertionError("split_seconds(-1) should raise ValueError")
                """,
            ),
        ),
        solution=code(
            """
            def split_seconds(total: int) -> tuple[int, int, int]:
                if total < 0:
                    raise ValueError("total must not be negative")
                hours, rest = divmod(total, 3600)
                minutes, seconds = divmod(rest, 60)
                return hours, minutes, seconds
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="strings-initials",
        title="Initials",
        prompt=code(
            """
            Write `initials(full_name: str) -> str` that returns the capitalised first letter of
            each word in `full_name`, each followed by a dot.

            - Words are separated by any amount of whitespace.
            - An empty (or all-space) name gives `""`.
            - Accented letters are letters too: `"élise durand"` gives `"É.D."`.
            """
        ),
        topic="strings",
        difficulty="easy",
        starter_code=code(
            """
            def initials(full_name: str) -> str:
                # TODO: split the name into words and keep each word's first letter
                pass
            """
        ),
        examples=examples(
            ("initials('Ada Lovelace')", "'A.L.'"),
            ("initials('grace brewster hopper')", "'G.B.H.'"),
        ),
        tests=tests(
            ("two names", "assert initials('Alan Turing') == 'A.T.'"),
            ("lowercase names are capitalised", "assert initials('guido van rossum') == 'G.V.R.'"),
            ("extra spaces are ignored", "assert initials('  Katherine   Johnson ') == 'K.J.'"),
            ("single name", "assert initials('Plato') == 'P.'"),
            (
                "empty name gives empty string",
                "assert initials('') == ''\nassert initials('   ') == ''",
            ),
            ("accented letters", "assert initials('élise durand') == 'É.D.'"),
        ),
        solution=code(
            """
            def initials(full_name: str) -> str:
                return "".join(word[0].upper() + "." for word in full_name.split())
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="strings-palindrome",
        title="Palindrome checker",
        prompt=code(
            """
            Write `is_palindrome(text: str) -> bool` that tells whether `text` reads the same
            forwards and backwards.

            - Ignore case, spaces and punctuation: only letters and digits count.
            - The empty string is a palindrome.
            - Accented letters are compared as they are: `"Été"` is a palindrome.
            """
        ),
        topic="strings",
        difficulty="medium",
        starter_code=code(
            """
            def is_palindrome(text: str) -> bool:
                # TODO: keep only letters and digits, ignore case, compare with the reverse
                pass
            """
        ),
        examples=examples(
            ("is_palindrome('Racecar')", "True"),
            ("is_palindrome('A man, a plan, a canal: Panama!')", "True"),
            ("is_palindrome('python')", "False"),
        ),
        tests=tests(
            ("simple palindrome", "assert is_palindrome('level') is True"),
            ("ignores case", "assert is_palindrome('Racecar') is True"),
            (
                "ignores spaces and punctuation",
                "assert is_palindrome('Was it a car or a cat I saw?') is True",
            ),
            ("rejects a non-palindrome", "assert is_palindrome('python') is False"),
            ("empty string is a palindrome", "assert is_palindrome('') is True"),
            (
                "handles accented letters",
                "assert is_palindrome('Été') is True\nassert is_palindrome('étE') is False",
            ),
            (
                "digits count as characters",
                "assert is_palindrome('12321') is True\nassert is_palindrome('12 34 21') is False",
            ),
        ),
        solution=code(
            """
            def is_palindrome(text: str) -> bool:
                chars = [char.casefold() for char in text if char.isalnum()]
                return chars == chars[::-1]
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="strings-run-length",
        title="Run-length encoding",
        prompt=code(
            """
            Write two functions:

            - `rle_encode(text: str) -> str` replaces each run of equal characters by the run's
              length followed by the character: `"aaabcc"` becomes `"3a1b2c"`.
            - `rle_decode(encoded: str) -> str` does the reverse.

            `text` never contains digits, but it may contain spaces, punctuation and any Unicode
            character. Runs of ten or more use several digits (`"12z"`).
            `rle_decode(rle_encode(s)) == s` must hold for every such `s`.
            """
        ),
        topic="strings",
        difficulty="hard",
        starter_code=code(
            """
            def rle_encode(text: str) -> str:
                # TODO
                pass


            def rle_decode(encoded: str) -> str:
                # TODO
                pass
            """
        ),
        examples=examples(
            ("rle_encode('aaabcc')", "'3a1b2c'"),
            ("rle_decode('2x3y')", "'xxyyy'"),
        ),
        tests=tests(
            ("encodes runs", "assert rle_encode('aaabcc') == '3a1b2c'"),
            (
                "separate runs of the same character stay separate",
                "assert rle_encode('aabaa') == '2a1b2a'",
            ),
            (
                "empty string encodes and decodes to empty string",
                "assert rle_encode('') == ''\nassert rle_decode('') == ''",
            ),
            (
                "runs of ten or more use several digits",
                "assert rle_encode('z' * 12) == '12z'\nassert rle_decode('12z') == 'z' * 12",
            ),
            ("spaces and punctuation are characters too", "assert rle_encode('  !!') == '2 2!'"),
            ("handles unicode characters", "assert rle_encode('ééé🙂') == '3é1🙂'"),
            (
                "decode inverts encode",
                """
                for text in ['hello', 'mississippi', 'aaaaaaaaaaab', '🙂🙂x', ' ']:
                    assert rle_decode(rle_encode(text)) == text, text
                """,
            ),
        ),
        solution=code(
            """
            def rle_encode(text: str) -> str:
                parts = []
                start = 0
                while start < len(text):
                    end = start
                    while end < len(text) and text[end] == text[start]:
                        end += 1
                    parts.append(f"{end - start}{text[start]}")
                    start = end
                return "".join(parts)


            def rle_decode(encoded: str) -> str:
                pieces = []
                count = ""
                for char in encoded:
                    if "0" <= char <= "9":
                        count += char
                    else:
                        pieces.append(char * int(count))
                        count = ""
                return "".join(pieces)
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="conditionals-letter-grade",
        title="Letter grades",
        prompt=code(
            """
            Write `letter_grade(score: float) -> str` that turns a score from 0 to 100 into a
            letter grade:

            | score | grade |
            |---|---|
            | 90 and above | `"A"` |
            | 80 to below 90 | `"B"` |
            | 70 to below 80 | `"C"` |
            | 60 to below 70 | `"D"` |
            | below 60 | `"F"` |

            A score below 0 or above 100 raises `ValueError`.
            """
        ),
        topic="conditionals",
        difficulty="easy",
        starter_code=code(
            """
            def letter_grade(score: float) -> str:
                # TODO: check the score from the highest band down
                pass
            """
        ),
        examples=examples(
            ("letter_grade(95)", "'A'"),
            ("letter_grade(72.5)", "'C'"),
            ("letter_grade(12)", "'F'"),
        ),
        tests=tests(
            ("perfect score is an A", "assert letter_grade(100) == 'A'"),
            (
                "boundary of 90 is an A, just below is a B",
                "assert letter_grade(90) == 'A'\nassert letter_grade(89.9) == 'B'",
            ),
            (
                "each band gets its letter",
                """
                assert letter_grade(85) == 'B'
                assert letter_grade(75) == 'C'
                assert letter_grade(65) == 'D'
                assert letter_grade(59.99) == 'F'
                """,
            ),
            ("zero is an F", "assert letter_grade(0) == 'F'"),
            (
                "score above 100 raises ValueError",
                """
                try:
                    letter_grade(101)
                except ValueError:
                    pass
                else:
                    raise AssertionError("letter_grade(101) should raise ValueError")
                """,
            ),
            (
                "negative score raises ValueError",
                """
                try:
                    letter_grade(-1)
                except ValueError:
                    pass
                else:
                    raise AssertionError("letter_grade(-1) should raise ValueError")
                """,
            ),
        ),
        solution=code(
            """
            def letter_grade(score: float) -> str:
                if score < 0 or score > 100:
                    raise ValueError(f"score must be between 0 and 100, got {score}")
                if score >= 90:
                    return "A"
                if score >= 80:
                    return "B"
                if score >= 70:
                    return "C"
                if score >= 60:
                    return "D"
                return "F"
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="conditionals-triangle-kind",
        title="What kind of triangle?",
        prompt=code(
            """
            Write `classify_triangle(a: float, b: float, c: float) -> str` that returns:

            - `"invalid"` if any side is zero or negative, or if the sides cannot form a
              triangle (the two shorter sides must add up to *more* than the longest one;
              a flat "triangle" like 1, 2, 3 is invalid);
            - otherwise `"equilateral"` (all sides equal), `"isosceles"` (exactly two equal)
              or `"scalene"` (all different).

            The sides may come in any order.
            """
        ),
        topic="conditionals",
        difficulty="medium",
        starter_code=code(
            """
            def classify_triangle(a: float, b: float, c: float) -> str:
                # TODO: rule out invalid triangles first, then compare the sides
                pass
            """
        ),
        examples=examples(
            ("classify_triangle(3, 3, 3)", "'equilateral'"),
            ("classify_triangle(3, 4, 5)", "'scalene'"),
            ("classify_triangle(1, 1, 5)", "'invalid'"),
        ),
        tests=tests(
            ("equilateral", "assert classify_triangle(2, 2, 2) == 'equilateral'"),
            (
                "isosceles in any order",
                """
                for sides in [(5, 5, 3), (5, 3, 5), (3, 5, 5)]:
                    assert classify_triangle(*sides) == 'isosceles', sides
                """,
            ),
            ("scalene", "assert classify_triangle(4, 5, 6) == 'scalene'"),
            (
                "zero or negative side is invalid",
                "assert classify_triangle(0, 1, 1) == 'invalid'\n"
                "assert classify_triangle(-3, 4, 5) == 'invalid'",
            ),
            ("impossible lengths are invalid", "assert classify_triangle(1, 2, 10) == 'invalid'"),
            ("flat triangle is invalid", "assert classify_triangle(3, 1, 2) == 'invalid'"),
            ("works with decimal sides", "assert classify_triangle(0.5, 0.5, 0.7) == 'isosceles'"),
        ),
        solution=code(
            """
            def classify_triangle(a: float, b: float, c: float) -> str:
                shortest, middle, longest = sorted((a, b, c))
                if shortest <= 0 or shortest + middle <= longest:
                    return "invalid"
                if shortest == longest:
                    return "equilateral"
                if shortest == middle or middle == longest:
                    return "isosceles"
                return "scalene"
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="loops-sum-evens",
        title="Sum of the even numbers",
        prompt=code(
            """
            Write `sum_evens(numbers: list[int]) -> int` that returns the sum of the even numbers
            in `numbers`, using a `for` loop.

            - An empty list, or a list without even numbers, gives `0`.
            - Negative even numbers count too.
            - Do not change the list you are given.
            """
        ),
        topic="loops",
        difficulty="easy",
        starter_code=code(
            """
            def sum_evens(numbers: list[int]) -> int:
                total = 0
                # TODO: loop over the numbers and add the even ones to total
                pass
            """
        ),
        examples=examples(
            ("sum_evens([1, 2, 3, 4])", "6"),
            ("sum_evens([1, 3, 5])", "0"),
        ),
        tests=tests(
            ("mixed list", "assert sum_evens([1, 2, 3, 4, 5, 6]) == 12"),
            ("handles empty list", "assert sum_evens([]) == 0"),
            ("no even numbers gives zero", "assert sum_evens([1, 3, 5, 7]) == 0"),
            ("negative even numbers count", "assert sum_evens([-2, -3, -4]) == -6"),
            ("zero is even and adds nothing", "assert sum_evens([0, 7]) == 0"),
            (
                "does not change the list",
                "numbers = [2, 4]\nassert sum_evens(numbers) == 6\nassert numbers == [2, 4]",
            ),
            ("long list", "assert sum_evens(list(range(1, 10001))) == 25005000"),
        ),
        solution=code(
            """
            def sum_evens(numbers: list[int]) -> int:
                total = 0
                for number in numbers:
                    if number % 2 == 0:
                        total += number
                return total
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="loops-fizzbuzz",
        title="FizzBuzz",
        prompt=code(
            """
            Write `fizzbuzz(n: int) -> None` that **prints** the numbers from 1 to `n`, one per
            line, except that it prints:

            - `Fizz` instead of multiples of 3,
            - `Buzz` instead of multiples of 5,
            - `FizzBuzz` instead of multiples of both.

            It prints nothing when `n` is 0 and returns nothing.
            """
        ),
        topic="loops",
        difficulty="medium",
        starter_code=code(
            """
            def fizzbuzz(n: int) -> None:
                # TODO: loop from 1 to n (inclusive) and print one line per number
                pass
            """
        ),
        examples=examples(
            ("fizzbuzz(3)", "1\n2\nFizz"),
            ("fizzbuzz(5)", "1\n2\nFizz\n4\nBuzz"),
        ),
        tests=tests(
            (
                "first five lines",
                """
                import contextlib
                import io
                buffer = io.StringIO()
                with contextlib.redirect_stdout(buffer):
                    fizzbuzz(5)
                assert buffer.getvalue() == "1\\n2\\nFizz\\n4\\nBuzz\\n", buffer.getvalue()
                """,
            ),
            (
                "prints exactly n lines",
                """
                import contextlib
                import io
                for n in (0, 1, 30):
                    buffer = io.StringIO()
                    with contextlib.redirect_stdout(buffer):
                        fizzbuzz(n)
                    assert len(buffer.getvalue().splitlines()) == n, n
                """,
            ),
            (
                "multiples of both print FizzBuzz",
                """
                import contextlib
                import io
                buffer = io.StringIO()
                with contextlib.redirect_stdout(buffer):
                    fizzbuzz(45)
                lines = buffer.getvalue().splitlines()
                assert lines[14] == "FizzBuzz" and lines[29] == "FizzBuzz" and lines[44] == "FizzBuzz"
                """,
            ),
            (
                "multiples of three print Fizz, of five print Buzz",
                """
                import contextlib
                import io
                buffer = io.StringIO()
                with contextlib.redirect_stdout(buffer):
                    fizzbuzz(20)
                lines = buffer.getvalue().splitlines()
                assert lines[8] == "Fizz" and lines[17] == "Fizz"
                assert lines[9] == "Buzz" and lines[19] == "Buzz"
                """,
            ),
            (
                "other numbers print as plain digits",
                """
                import contextlib
                import io
                buffer = io.StringIO()
                with contextlib.redirect_stdout(buffer):
                    fizzbuzz(11)
                lines = buffer.getvalue().splitlines()
                assert lines[6] == "7" and lines[10] == "11"
                """,
            ),
        ),
        solution=code(
            """
            def fizzbuzz(n: int) -> None:
                for number in range(1, n + 1):
                    if number % 15 == 0:
                        print("FizzBuzz")
                    elif number % 3 == 0:
                        print("Fizz")
                    elif number % 5 == 0:
                        print("Buzz")
                    else:
                        print(number)
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="loops-prime-sieve",
        title="Primes up to n",
        prompt=code(
            """
            Write `primes_up_to(n: int) -> list[int]` that returns every prime number from 2 up
            to and including `n`, in increasing order.

            - `n` below 2 gives `[]`.
            - It must be fast for `n = 200_000` (well under a second): look up the
              *Sieve of Eratosthenes* — cross out the multiples of each prime in a list of flags.
            """
        ),
        topic="loops",
        difficulty="hard",
        starter_code=code(
            """
            def primes_up_to(n: int) -> list[int]:
                # TODO: mark multiples of each prime as not prime, then collect what is left
                pass
            """
        ),
        examples=examples(
            ("primes_up_to(10)", "[2, 3, 5, 7]"),
            ("primes_up_to(1)", "[]"),
        ),
        tests=tests(
            (
                "primes up to thirty",
                "assert primes_up_to(30) == [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]",
            ),
            ("includes n when n is prime", "assert primes_up_to(13)[-1] == 13"),
            (
                "below two gives empty list",
                "for n in (1, 0, -5):\n    assert primes_up_to(n) == [], n",
            ),
            ("two is the first prime", "assert primes_up_to(2) == [2]"),
            (
                "contains no composite numbers",
                """
                primes = primes_up_to(500)
                assert len(primes) == 95
                for p in primes:
                    assert all(p % d for d in range(2, int(p ** 0.5) + 1)), p
                """,
            ),
            (
                "counts primes up to two hundred thousand",
                "assert len(primes_up_to(200_000)) == 17984",
            ),
        ),
        solution=code(
            """
            def primes_up_to(n: int) -> list[int]:
                if n < 2:
                    return []
                is_prime = [True] * (n + 1)
                is_prime[0] = is_prime[1] = False
                for candidate in range(2, int(n ** 0.5) + 1):
                    if is_prime[candidate]:
                        for multiple in range(candidate * candidate, n + 1, candidate):
                            is_prime[multiple] = False
                return [number for number, prime in enumerate(is_prime) if prime]
            """
        ),
    ),
)
