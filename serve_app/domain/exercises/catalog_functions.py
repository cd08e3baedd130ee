"""Exercises on functions, recursion, comprehensions and exceptions."""

from serve_app.domain.exercises.authoring import code, examples, tests
from serve_app.domain.exercises.models import ExerciseSpec

EXERCISES: tuple[ExerciseSpec, ...] = (
    ExerciseSpec(
        exercise_id="functions-greet",
        title="Greetings with a default",
        prompt=code(
            """
            Write `greet(name: str, greeting: str = "Hello") -> str` that returns
            `"<greeting>, <name>!"`.

            - `greeting` is optional and defaults to `"Hello"`.
            - Spaces around `name` are removed; a blank name becomes `"friend"`.
            """
        ),
        topic="functions",
        difficulty="easy",
        starter_code=code(
            """
            def greet(name: str, greeting: str = "Hello") -> str:
                # TODO: build and return the greeting
                pass
            """
        ),
        examples=examples(
            ("greet('Ada')", "'Hello, Ada!'"),
            ("greet('Linus', 'Hi')", "'Hi, Linus!'"),
            ("greet('')", "'Hello, friend!'"),
        ),
        tests=tests(
            ("uses the default greeting", "assert greet('Ada') == 'Hello, Ada!'"),
            (
                "custom greeting as a positional argument",
                "assert greet('Linus', 'Hi') == 'Hi, Linus!'",
            ),
            (
                "greeting as a keyword argument",
                "assert greet(name='Bo', greeting='Hey') == 'Hey, Bo!'",
            ),
            (
                "blank name becomes friend",
                "assert greet('') == 'Hello, friend!'\nassert greet('   ') == 'Hello, friend!'",
            ),
            ("surrounding spaces are trimmed", "assert greet('  Ana ') == 'Hello, Ana!'"),
            ("handles unicode", "assert greet('Zoë', 'Olá') == 'Olá, Zoë!'"),
        ),
        solution=code(
            """
            def greet(name: str, greeting: str = "Hello") -> str:
                name = name.strip() or "friend"
                return f"{greeting}, {name}!"
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="functions-make-counter",
        title="A counter made of a closure",
        prompt=code(
            """
            Write `make_counter(start: int = 0, step: int = 1)` that returns a **function**.
            Each call of that function returns the next number: first `start`, then
            `start + step`, then `start + 2 * step`, and so on.

            ```python
            tick = make_counter(10, 5)
            tick()  # 10
            tick()  # 15
            ```

            Counters must be independent of each other: use a closure (`nonlocal`), not a
            global variable.
            """
        ),
        topic="functions",
        difficulty="hard",
        starter_code=code(
            """
            def make_counter(start: int = 0, step: int = 1):
                # TODO: define an inner function that updates a nonlocal variable, and return it
                pass
            """
        ),
        examples=examples(
            ("make_counter()()", "0"),
            ("make_counter(10, 5)()", "10"),
        ),
        tests=tests(
            (
                "counts from zero by default",
                "tick = make_counter()\nassert [tick(), tick(), tick()] == [0, 1, 2]",
            ),
            ("custom start", "tick = make_counter(10)\nassert [tick(), tick()] == [10, 11]"),
            (
                "custom step",
                "tick = make_counter(0, 5)\nassert [tick(), tick(), tick()] == [0, 5, 10]",
            ),
            (
                "negative step counts down",
                "tick = make_counter(3, -1)\nassert [tick(), tick(), tick()] == [3, 2, 1]",
            ),
            ("keyword arguments", "tick = make_counter(step=2)\nassert [tick(), tick()] == [0, 2]"),
            (
                "counters are independent",
                """
                first = make_counter()
                second = make_counter(100)
                first()
                first()
                assert second() == 100
                assert first() == 2
                """,
            ),
            (
                "a new counter starts over",
                """
                old = make_counter()
                old()
                old()
                assert make_counter()() == 0
                """,
            ),
        ),
        solution=code(
            """
            def make_counter(start: int = 0, step: int = 1):
                value = start

                def next_value() -> int:
                    nonlocal value
                    current = value
                    value += step
                    return current

                return next_value
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="recursion-digit-sum",
        title="Sum of digits, recursively",
        prompt=code(
            """
            Write a **recursive** function `digit_sum(n: int) -> int` that returns the sum of the
            decimal digits of `n`: `digit_sum(1234)` is `1 + 2 + 3 + 4 = 10`.

            - A negative `n` is treated like its absolute value.
            - Base case: a single digit is its own digit sum. Otherwise, the last digit is
              `n % 10` and the rest is `n // 10`.
            """
        ),
        topic="recursion",
        difficulty="easy",
        starter_code=code(
            """
            def digit_sum(n: int) -> int:
                # TODO: base case first, then call digit_sum on a smaller number
                pass
            """
        ),
        examples=examples(
            ("digit_sum(1234)", "10"),
            ("digit_sum(7)", "7"),
        ),
        tests=tests(
            ("several digits", "assert digit_sum(1234) == 10"),
            ("single digit", "assert digit_sum(7) == 7"),
            ("zero", "assert digit_sum(0) == 0"),
            ("negative numbers use the absolute value", "assert digit_sum(-472) == 13"),
            ("zeros in the middle", "assert digit_sum(10203) == 6"),
            (
                "large numbers",
                "assert digit_sum(10 ** 50) == 1\nassert digit_sum(999_999_999) == 81",
            ),
        ),
        solution=code(
            """
            def digit_sum(n: int) -> int:
                n = abs(n)
                if n < 10:
                    return n
                return n % 10 + digit_sum(n // 10)
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="recursion-flatten",
        title="Flatten nested lists",
        prompt=code(
            """
            Write a recursive function `flatten(nested: list) -> list` that returns all the
            non-list values of an arbitrarily nested list, in order.

            - Only lists are opened: strings and tuples are values like any other.
            - Empty lists vanish: `flatten([[], [[]]])` is `[]`.
            - Do not change `nested`.
            """
        ),
        topic="recursion",
        difficulty="hard",
        starter_code=code(
            """
            def flatten(nested: list) -> list:
                # TODO: for each item, recurse if it is a list, otherwise keep it
                pass
            """
        ),
        examples=examples(
            ("flatten([1, [2, [3, 4]], 5])", "[1, 2, 3, 4, 5]"),
            ("flatten([[], [[]]])", "[]"),
        ),
        tests=tests(
            ("already flat", "assert flatten([1, 2, 3]) == [1, 2, 3]"),
            ("one level of nesting", "assert flatten([1, [2, 3], 4]) == [1, 2, 3, 4]"),
            ("deep nesting", "assert flatten([[[[[1]]]], 2]) == [1, 2]"),
            ("empty lists vanish", "assert flatten([]) == []\nassert flatten([[], [[]]]) == []"),
            ("strings are not split", "assert flatten(['ab', ['cd']]) == ['ab', 'cd']"),
            ("tuples are kept as values", "assert flatten([(1, 2), [3]]) == [(1, 2), 3]"),
            (
                "does not change the input",
                """
                data = [1, [2, [3]]]
                assert flatten(data) == [1, 2, 3]
                assert data == [1, [2, [3]]]
                """,
            ),
            (
                "two hundred levels deep",
                """
                nested = [0]
                for i in range(1, 200):
                    nested = [nested, i]
                assert flatten(nested) == list(range(200))
                """,
            ),
        ),
        solution=code(
            """
            def flatten(nested: list) -> list:
                flat = []
                for item in nested:
                    if isinstance(item, list):
                        flat.extend(flatten(item))
                    else:
                        flat.append(item)
                return flat
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="comprehensions-odd-squares",
        title="Squares of the odd numbers",
        prompt=code(
            """
            Write `odd_squares(numbers: list[int]) -> list[int]` that returns the squares of the
            odd numbers in `numbers`, in order, using **one list comprehension**.

            Negative odd numbers are odd too (`-3` gives `9`); an empty list gives `[]`.
            """
        ),
        topic="comprehensions",
        difficulty="easy",
        starter_code=code(
            """
            def odd_squares(numbers: list[int]) -> list[int]:
                # TODO: return [... for ... in ... if ...]
                pass
            """
        ),
        examples=examples(
            ("odd_squares([1, 2, 3, 4, 5])", "[1, 9, 25]"),
            ("odd_squares([2, 4])", "[]"),
        ),
        tests=tests(
            ("mixed numbers", "assert odd_squares([1, 2, 3, 4, 5]) == [1, 9, 25]"),
            ("no odd numbers gives empty list", "assert odd_squares([2, 4, 6]) == []"),
            ("handles empty list", "assert odd_squares([]) == []"),
            ("negative odd numbers", "assert odd_squares([-3, -2, -1]) == [9, 1]"),
            ("keeps order and duplicates", "assert odd_squares([3, 1, 3]) == [9, 1, 9]"),
            ("accepts any iterable and returns a list", "assert odd_squares(range(5)) == [1, 9]"),
        ),
        solution=code(
            """
            def odd_squares(numbers: list[int]) -> list[int]:
                return [n * n for n in numbers if n % 2 == 1]
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="comprehensions-transpose",
        title="Transpose a matrix",
        prompt=code(
            """
            Write `transpose(matrix: list[list]) -> list[list]` that swaps rows and columns,
            using a nested list comprehension: row `i` of the result is column `i` of `matrix`.

            - An empty matrix (or rows with no columns) gives `[]`.
            - Rows of different lengths raise `ValueError`.
            - Return new lists; do not change `matrix`.
            """
        ),
        topic="comprehensions",
        difficulty="medium",
        starter_code=code(
            """
            def transpose(matrix: list[list]) -> list[list]:
                # TODO: [[... for row in matrix] for column in ...]
                pass
            """
        ),
        examples=examples(
            ("transpose([[1, 2, 3], [4, 5, 6]])", "[[1, 4], [2, 5], [3, 6]]"),
            ("transpose([])", "[]"),
        ),
        tests=tests(
            ("square matrix", "assert transpose([[1, 2], [3, 4]]) == [[1, 3], [2, 4]]"),
            (
                "rectangular matrix",
                "assert transpose([[1, 2, 3], [4, 5, 6]]) == [[1, 4], [2, 5], [3, 6]]",
            ),
            ("single row becomes a column", "assert transpose([[1, 2, 3]]) == [[1], [2], [3]]"),
            ("single column becomes a row", "assert transpose([[1], [2]]) == [[1, 2]]"),
            (
                "handles empty matrix",
                "assert transpose([]) == []\nassert transpose([[], []]) == []",
            ),
            (
                "returns new lists",
                """
                matrix = [[1, 2], [3, 4]]
                result = transpose(matrix)
                result[0][0] = 99
                assert matrix == [[1, 2], [3, 4]]
                """,
            ),
            (
                "rows of different lengths raise ValueError",
                """
                try:
                    transpose([[1, 2], [3]])
                except ValueError:
                    pass
                else:
                    raise AssertionError("transpose([[1, 2], [3]]) should raise ValueError")
                """,
            ),
        ),
        solution=code(
            """
            def transpose(matrix: list[list]) -> list[list]:
                if not matrix:
                    return []
                width = len(matrix[0])
                if any(len(row) != width for row in matrix):
                    raise ValueError("all rows must have the same length")
                return [[row[column] for row in matrix] for column in range(width)]
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="exceptions-parse-int",
        title="Parse a number safely",
        prompt=code(
            """
            Write `parse_int(text, default=0)` that returns `int(text)`, or `default` when
            `text` is not a whole number.

            Use `try`/`except` and catch only what `int()` raises for bad input
            (`ValueError`, and `TypeError` for things like `None`) — never a bare `except:`.
            """
        ),
        topic="exceptions",
        difficulty="easy",
        starter_code=code(
            """
            def parse_int(text, default=0):
                # TODO: try int(text); on failure return default
                pass
            """
        ),
        examples=examples(
            ("parse_int('42')", "42"),
            ("parse_int('forty-two')", "0"),
            ("parse_int('', default=-1)", "-1"),
        ),
        tests=tests(
            ("plain number", "assert parse_int('42') == 42"),
            ("spaces and a sign are fine", "assert parse_int(' -7 ') == -7"),
            ("not a number gives zero", "assert parse_int('abc') == 0"),
            ("handles empty string", "assert parse_int('') == 0"),
            (
                "custom default",
                "assert parse_int('x', -1) == -1\nassert parse_int('x', default='n/a') == 'n/a'",
            ),
            ("decimals are not whole numbers", "assert parse_int('3.5') == 0"),
            ("None gives the default", "assert parse_int(None, 5) == 5"),
        ),
        solution=code(
            """
            def parse_int(text, default=0):
                try:
                    return int(text)
                except (TypeError, ValueError):
                    return default
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="exceptions-parse-age",
        title="Your own exception",
        prompt=code(
            """
            The starter code defines `class InvalidAgeError(ValueError)`. Write
            `parse_age(text: str) -> int` that returns the age in `text` as an `int`, and raises
            `InvalidAgeError` when:

            - `text` is not a whole number — raise it **from** the original `ValueError`
              (`raise InvalidAgeError(...) from exc`), so the cause is kept;
            - the age is below 0 or above 150.

            The error message must include the offending text or value.
            """
        ),
        topic="exceptions",
        difficulty="hard",
        starter_code=code(
            """
            class InvalidAgeError(ValueError):
                \"\"\"Raised when an age is not a whole number between 0 and 150.\"\"\"


            def parse_age(text: str) -> int:
                # TODO
                pass
            """
        ),
        examples=examples(
            ("parse_age('42')", "42"),
            ("parse_age(' 7 ')", "7"),
        ),
        tests=tests(
            ("valid age", "assert parse_age('42') == 42"),
            (
                "boundaries are allowed",
                "assert parse_age('0') == 0\nassert parse_age('150') == 150",
            ),
            (
                "non-number raises InvalidAgeError",
                """
                try:
                    parse_age('abc')
                except InvalidAgeError:
                    pass
                else:
                    raise AssertionError("parse_age('abc') should raise InvalidAgeError")
                """,
            ),
            (
                "out of range raises InvalidAgeError",
                """
                for text in ('-1', '151'):
                    try:
                        parse_age(text)
                    except InvalidAgeError:
                        pass
                    else:
                        raise AssertionError(f"parse_age({text!r}) should raise InvalidAgeError")
                """,
            ),
            (
                "keeps the original error as the cause",
                """
                try:
                    parse_age('4.5')
                except InvalidAgeError as exc:
                    assert isinstance(exc.__cause__, ValueError), repr(exc.__cause__)
                    assert not isinstance(exc.__cause__, InvalidAgeError)
                else:
                    raise AssertionError("parse_age('4.5') should raise InvalidAgeError")
                """,
            ),
            (
                "message mentions the input",
                """
                try:
                    parse_age('twelve')
                except InvalidAgeError as exc:
                    assert 'twelve' in str(exc), str(exc)
                else:
                    raise AssertionError("parse_age('twelve') should raise InvalidAgeError")
                """,
            ),
            (
                "can be caught as a ValueError",
                """
                try:
                    parse_age('999')
                except ValueError:
                    pass
                else:
                    raise AssertionError("parse_age('999') should raise")
                """,
            ),
        ),
        solution=code(
            """
            class InvalidAgeError(ValueError):
                \"\"\"Raised when an age is not a whole number between 0 and 150.\"\"\"


            def parse_age(text: str) -> int:
                try:
                    age = int(text)
                except ValueError as exc:
                    raise InvalidAgeError(f"not a whole number: {text!r}") from exc
                if not 0 <= age <= 150:
                    raise InvalidAgeError(f"age must be between 0 and 150, got {age}")
                return age
            """
        ),
    ),
)
