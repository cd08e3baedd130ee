"""Exercises on files, classes, iterators, modules and algorithms."""

from serve_app.domain.exercises.authoring import code, examples, tests
from serve_app.domain.exercises.models import ExerciseSpec

EXERCISES: tuple[ExerciseSpec, ...] = (
    ExerciseSpec(
        exercise_id="files-write-lines",
        title="Write lines to a file",
        prompt=code(
            """
            Write `write_lines(path, lines: list[str]) -> int` that writes each string of
            `lines` to the text file `path`, one per line (each line ends with `"\\n"`), and
            returns the number of lines written.

            - Replace the file if it already exists.
            - Open it with `encoding="utf-8"` so any text can be written, and use `with` so the
              file is closed.
            - An empty list creates an empty file. `path` may be a `str` or a `pathlib.Path`.
            """
        ),
        topic="files",
        difficulty="easy",
        starter_code=code(
            """
            def write_lines(path, lines: list[str]) -> int:
                # TODO: with open(path, "w", encoding="utf-8") as file: ...
                pass
            """
        ),
        examples=examples(
            ("write_lines('todo.txt', ['milk', 'eggs'])", "2"),
            ("write_lines('empty.txt', [])", "0"),
        ),
        tests=tests(
            (
                "writes one line per item",
                """
                write_lines('one_per_line.txt', ['a', 'b'])
                with open('one_per_line.txt', encoding='utf-8') as file:
                    assert file.read() == 'a\\nb\\n'
                """,
            ),
            (
                "returns the number of lines",
                "assert write_lines('count.txt', ['x', 'y', 'z']) == 3",
            ),
            (
                "empty list creates an empty file",
                """
                import os
                assert write_lines('empty.txt', []) == 0
                assert os.path.exists('empty.txt')
                with open('empty.txt', encoding='utf-8') as file:
                    assert file.read() == ''
                """,
            ),
            (
                "replaces an existing file",
                """
                write_lines('replace.txt', ['old', 'old', 'old'])
                write_lines('replace.txt', ['new'])
                with open('replace.txt', encoding='utf-8') as file:
                    assert file.read() == 'new\\n'
                """,
            ),
            (
                "handles unicode text",
                """
                write_lines('unicode.txt', ['héllo', '日本', '🙂'])
                with open('unicode.txt', encoding='utf-8') as file:
                    assert file.read().splitlines() == ['héllo', '日本', '🙂']
                """,
            ),
            (
                "accepts a pathlib path",
                """
                import pathlib
                path = pathlib.Path('as_path.txt')
                assert write_lines(path, ['x']) == 1
                assert path.read_text(encoding='utf-8') == 'x\\n'
                """,
            ),
        ),
        solution=code(
            """
            def write_lines(path, lines: list[str]) -> int:
                with open(path, "w", encoding="utf-8") as file:
                    for line in lines:
                        file.write(line + "\\n")
                return len(lines)
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="files-csv-scores",
        title="Save and load scores as CSV",
        prompt=code(
            """
            Write two functions that store a `dict[str, int]` of scores in a CSV file:

            - `save_scores(path, scores: dict[str, int]) -> None` writes a header row
              `name,score` and then one row per entry, in the dict's order.
            - `load_scores(path) -> dict[str, int]` reads such a file back; the scores come back
              as `int`. A file that does not exist gives `{}`.

            Use the `csv` module (names may contain commas and quotes), open files with
            `newline=""` and `encoding="utf-8"`.
            """
        ),
        topic="files",
        difficulty="hard",
        starter_code=code(
            """
            import csv


            def save_scores(path, scores: dict[str, int]) -> None:
                # TODO
                pass


            def load_scores(path) -> dict[str, int]:
                # TODO
                pass
            """
        ),
        examples=examples(
            ("save_scores('scores.csv', {'ana': 3, 'bo': 5})", "None"),
            ("load_scores('scores.csv')", "{'ana': 3, 'bo': 5}"),
            ("load_scores('missing.csv')", "{}"),
        ),
        tests=tests(
            (
                "round trip keeps the scores",
                """
                save_scores('round_trip.csv', {'ana': 3, 'bo': 5})
                assert load_scores('round_trip.csv') == {'ana': 3, 'bo': 5}
                """,
            ),
            (
                "writes a header row and one row per entry",
                """
                save_scores('layout.csv', {'ana': 1, 'bo': 2})
                with open('layout.csv', newline='', encoding='utf-8') as file:
                    assert file.read().splitlines() == ['name,score', 'ana,1', 'bo,2']
                """,
            ),
            (
                "names with commas and quotes survive",
                """
                scores = {'Doe, Jane': 7, 'The "Rock"': 9}
                save_scores('quoted.csv', scores)
                assert load_scores('quoted.csv') == scores
                """,
            ),
            (
                "handles unicode names",
                """
                scores = {'Zoë': 4, '李': 8}
                save_scores('unicode.csv', scores)
                assert load_scores('unicode.csv') == scores
                """,
            ),
            (
                "scores come back as integers",
                """
                save_scores('ints.csv', {'ana': 10})
                loaded = load_scores('ints.csv')
                assert isinstance(loaded['ana'], int), type(loaded['ana']).__name__
                """,
            ),
            ("missing file gives empty dict", "assert load_scores('does_not_exist.csv') == {}"),
            (
                "handles empty scores",
                """
                save_scores('empty.csv', {})
                assert load_scores('empty.csv') == {}
                """,
            ),
        ),
        solution=code(
            """
            import csv


            def save_scores(path, scores: dict[str, int]) -> None:
                with open(path, "w", newline="", encoding="utf-8") as file:
                    writer = csv.writer(file)
                    writer.writerow(["name", "score"])
                    for name, score in scores.items():
                        writer.writerow([name, score])


            def load_scores(path) -> dict[str, int]:
                try:
                    with open(path, newline="", encoding="utf-8") as file:
                        return {row["name"]: int(row["score"]) for row in csv.DictReader(file)}
                except FileNotFoundError:
                    return {}
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="classes-rectangle",
        title="A Rectangle class",
        prompt=code(
            """
            Write a class `Rectangle`:

            - `Rectangle(width, height)` stores `width` and `height` as attributes, and raises
              `ValueError` if either is zero or negative;
            - `area()` returns `width * height`;
            - `perimeter()` returns the length of the border;
            - `is_square()` returns `True` when both sides are equal.
            """
        ),
        topic="classes",
        difficulty="easy",
        starter_code=code(
            """
            class Rectangle:
                def __init__(self, width: float, height: float) -> None:
                    # TODO: validate and store the sides
                    pass

                def area(self) -> float:
                    pass

                def perimeter(self) -> float:
                    pass

                def is_square(self) -> bool:
                    pass
            """
        ),
        examples=examples(
            ("Rectangle(3, 4).area()", "12"),
            ("Rectangle(3, 4).perimeter()", "14"),
            ("Rectangle(2, 2).is_square()", "True"),
        ),
        tests=tests(
            (
                "stores width and height",
                "r = Rectangle(3, 4)\nassert (r.width, r.height) == (3, 4)",
            ),
            ("area", "assert Rectangle(3, 4).area() == 12"),
            ("perimeter", "assert Rectangle(3, 4).perimeter() == 14"),
            (
                "is_square",
                "assert Rectangle(2, 2).is_square() is True\nassert Rectangle(2, 3).is_square() is False",
            ),
            (
                "decimal sides",
                "import math\nassert math.isclose(Rectangle(0.5, 3).area(), 1.5)",
            ),
            (
                "zero or negative sides raise ValueError",
                """
                for sides in [(0, 1), (1, -2)]:
                    try:
                        Rectangle(*sides)
                    except ValueError:
                        pass
                    else:
                        raise AssertionError(f"Rectangle{sides} should raise ValueError")
                """,
            ),
            (
                "instances are independent",
                "small = Rectangle(1, 1)\nbig = Rectangle(5, 5)\nassert (small.area(), big.area()) == (1, 25)",
            ),
        ),
        solution=code(
            """
            class Rectangle:
                def __init__(self, width: float, height: float) -> None:
                    if width <= 0 or height <= 0:
                        raise ValueError("sides must be positive")
                    self.width = width
                    self.height = height

                def area(self) -> float:
                    return self.width * self.height

                def perimeter(self) -> float:
                    return 2 * (self.width + self.height)

                def is_square(self) -> bool:
                    return self.width == self.height
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="classes-bank-account",
        title="A bank account",
        prompt=code(
            """
            Write a class `BankAccount`:

            - `BankAccount(owner, balance=0)` stores `owner`, `balance` and an empty `history`
              list (each account has its own list);
            - `deposit(amount)` adds to the balance and returns the new balance;
            - `withdraw(amount)` subtracts and returns the new balance;
            - an amount that is zero or negative, or a withdrawal larger than the balance,
              raises `ValueError` and changes nothing;
            - every successful operation appends `("deposit", amount)` or `("withdraw", amount)`
              to `history`.
            """
        ),
        topic="classes",
        difficulty="medium",
        starter_code=code(
            """
            class BankAccount:
                def __init__(self, owner: str, balance: float = 0) -> None:
                    # TODO
                    pass

                def deposit(self, amount: float) -> float:
                    pass

                def withdraw(self, amount: float) -> float:
                    pass
            """
        ),
        examples=examples(
            ("BankAccount('Ana', 10).deposit(5)", "15"),
            ("BankAccount('Bo', 20).withdraw(5)", "15"),
        ),
        tests=tests(
            (
                "starts with the given balance, or zero",
                """
                assert BankAccount('Ana', 10).balance == 10
                account = BankAccount('Bo')
                assert (account.owner, account.balance, account.history) == ('Bo', 0, [])
                """,
            ),
            (
                "deposit adds and returns the balance",
                "account = BankAccount('Ana', 10)\nassert account.deposit(5) == 15\nassert account.balance == 15",
            ),
            (
                "withdraw subtracts and returns the balance",
                "account = BankAccount('Ana', 10)\nassert account.withdraw(4) == 6\nassert account.balance == 6",
            ),
            (
                "overdraft raises ValueError and keeps the balance",
                """
                account = BankAccount('Ana', 10)
                try:
                    account.withdraw(11)
                except ValueError:
                    pass
                else:
                    raise AssertionError("withdrawing more than the balance should raise ValueError")
                assert account.balance == 10
                """,
            ),
            (
                "zero or negative amounts raise ValueError",
                """
                account = BankAccount('Ana', 10)
                for operation, amount in [(account.deposit, 0), (account.deposit, -5), (account.withdraw, -1)]:
                    try:
                        operation(amount)
                    except ValueError:
                        pass
                    else:
                        raise AssertionError(f"{operation.__name__}({amount}) should raise ValueError")
                assert account.balance == 10
                """,
            ),
            (
                "history records operations in order",
                """
                account = BankAccount('Ana')
                account.deposit(5)
                account.withdraw(3)
                assert account.history == [('deposit', 5), ('withdraw', 3)]
                """,
            ),
            (
                "failed operations are not recorded",
                """
                account = BankAccount('Ana', 1)
                try:
                    account.withdraw(2)
                except ValueError:
                    pass
                assert account.history == []
                assert account.balance == 1
                """,
            ),
            (
                "accounts do not share history",
                """
                first = BankAccount('Ana')
                second = BankAccount('Bo')
                first.deposit(1)
                assert first.history == [('deposit', 1)]
                assert second.history == []
                """,
            ),
        ),
        solution=code(
            """
            class BankAccount:
                def __init__(self, owner: str, balance: float = 0) -> None:
                    if balance < 0:
                        raise ValueError("balance cannot start negative")
                    self.owner = owner
                    self.balance = balance
                    self.history: list[tuple[str, float]] = []

                def deposit(self, amount: float) -> float:
                    if amount <= 0:
                        raise ValueError("deposit must be positive")
                    self.balance += amount
                    self.history.append(("deposit", amount))
                    return self.balance

                def withdraw(self, amount: float) -> float:
                    if amount <= 0:
                        raise ValueError("withdrawal must be positive")
                    if amount > self.balance:
                        raise ValueError("insufficient funds")
                    self.balance -= amount
                    self.history.append(("withdraw", amount))
                    return self.balance
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="classes-vector",
        title="A 2D vector with operators",
        prompt=code(
            """
            Write a class `Vector` for 2D vectors that works with Python's operators:

            - `Vector(x, y)` stores `x` and `y`;
            - `v + w` and `v - w` return new vectors; adding anything that is not a `Vector`
              raises `TypeError` (return `NotImplemented` from `__add__`);
            - `v * k` and `k * v` scale by a number;
            - `v == w` compares coordinates, and comparing with a non-vector is just `False`;
            - `abs(v)` is the vector's length;
            - `repr(Vector(1, -2))` is `"Vector(1, -2)"`.
            """
        ),
        topic="classes",
        difficulty="hard",
        starter_code=code(
            """
            class Vector:
                def __init__(self, x: float, y: float) -> None:
                    # TODO
                    pass

                def __add__(self, other):
                    pass

                def __sub__(self, other):
                    pass

                def __mul__(self, factor):
                    pass

                def __rmul__(self, factor):
                    pass

                def __eq__(self, other):
                    pass

                def __abs__(self):
                    pass

                def __repr__(self):
                    return "Vector(?)"
            """
        ),
        examples=examples(
            ("Vector(1, 2) + Vector(3, 4)", "Vector(4, 6)"),
            ("Vector(1, 2) * 3", "Vector(3, 6)"),
            ("abs(Vector(3, 4))", "5.0"),
        ),
        tests=tests(
            ("stores the coordinates", "v = Vector(1, 2)\nassert (v.x, v.y) == (1, 2)"),
            ("addition", "assert Vector(1, 2) + Vector(3, 4) == Vector(4, 6)"),
            ("subtraction", "assert Vector(5, 5) - Vector(1, 2) == Vector(4, 3)"),
            (
                "scaling from both sides",
                "assert Vector(1, -2) * 3 == Vector(3, -6)\nassert 2 * Vector(1, 2) == Vector(2, 4)",
            ),
            (
                "equality compares coordinates",
                """
                assert Vector(1, 2) == Vector(1, 2)
                assert Vector(1, 2) != Vector(2, 1)
                """,
            ),
            (
                "comparing with another type is False",
                """
                v = Vector(1, 2)
                assert (v.x, v.y) == (1, 2)
                assert (v == (1, 2)) is False
                assert v != 'Vector(1, 2)'
                """,
            ),
            (
                "length with abs",
                "import math\nassert math.isclose(abs(Vector(3, 4)), 5.0)\nassert abs(Vector(0, 0)) == 0",
            ),
            ("repr shows the coordinates", "assert repr(Vector(1, -2)) == 'Vector(1, -2)'"),
            (
                "adding a non-vector raises TypeError",
                """
                try:
                    Vector(1, 2) + 5
                except TypeError:
                    pass
                else:
                    raise AssertionError("Vector(1, 2) + 5 should raise TypeError")
                """,
            ),
            (
                "operations return new vectors",
                """
                a = Vector(1, 1)
                b = a + Vector(1, 1)
                assert (a.x, a.y) == (1, 1)
                assert (b.x, b.y) == (2, 2)
                """,
            ),
        ),
        solution=code(
            """
            import math


            class Vector:
                def __init__(self, x: float, y: float) -> None:
                    self.x = x
                    self.y = y

                def __add__(self, other):
                    if not isinstance(other, Vector):
                        return NotImplemented
                    return Vector(self.x + other.x, self.y + other.y)

                def __sub__(self, other):
                    if not isinstance(other, Vector):
                        return NotImplemented
                    return Vector(self.x - other.x, self.y - other.y)

                def __mul__(self, factor):
                    if not isinstance(factor, (int, float)):
                        return NotImplemented
                    return Vector(self.x * factor, self.y * factor)

                def __rmul__(self, factor):
                    return self.__mul__(factor)

                def __eq__(self, other):
                    if not isinstance(other, Vector):
                        return NotImplemented
                    return (self.x, self.y) == (other.x, other.y)

                def __abs__(self):
                    return math.hypot(self.x, self.y)

                def __repr__(self):
                    return f"Vector({self.x!r}, {self.y!r})"
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="iterators-countdown",
        title="A countdown generator",
        prompt=code(
            """
            Write a **generator function** `countdown(n: int)` that yields `n`, `n - 1`, …, `1`.

            - For `n` of 0 or less it yields nothing.
            - It must be lazy: `countdown(10**12)` must start yielding at once, without building
              a list.
            """
        ),
        topic="iterators",
        difficulty="easy",
        starter_code=code(
            """
            def countdown(n: int):
                # TODO: use yield inside a loop
                pass
            """
        ),
        examples=examples(
            ("list(countdown(3))", "[3, 2, 1]"),
            ("list(countdown(0))", "[]"),
        ),
        tests=tests(
            ("counts down to one", "assert list(countdown(5)) == [5, 4, 3, 2, 1]"),
            ("zero yields nothing", "assert list(countdown(0)) == []"),
            ("negative yields nothing", "assert list(countdown(-3)) == []"),
            (
                "is a generator",
                "import types\nassert isinstance(countdown(3), types.GeneratorType)",
            ),
            (
                "is lazy for huge n",
                """
                numbers = countdown(10 ** 12)
                assert next(numbers) == 10 ** 12
                assert next(numbers) == 10 ** 12 - 1
                """,
            ),
            (
                "works in a for loop",
                "total = 0\nfor k in countdown(4):\n    total += k\nassert total == 10",
            ),
            (
                "stops with StopIteration",
                """
                numbers = countdown(1)
                assert next(numbers) == 1
                try:
                    next(numbers)
                except StopIteration:
                    pass
                else:
                    raise AssertionError("countdown(1) should stop after yielding 1")
                """,
            ),
        ),
        solution=code(
            """
            def countdown(n: int):
                while n > 0:
                    yield n
                    n -= 1
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="iterators-sliding-windows",
        title="Sliding windows",
        prompt=code(
            """
            Write a generator `windows(iterable, size: int)` that yields every run of `size`
            consecutive items of `iterable`, as tuples.

            - It must work on any iterable, read it only once, and be lazy: it must work on an
              endless iterator such as `itertools.count()`.
            - Fewer than `size` items yield nothing.
            - A `size` of zero or less raises `ValueError` (raising when iteration starts is
              fine).

            Hint: `collections.deque(maxlen=size)` forgets old items for you.
            """
        ),
        topic="iterators",
        difficulty="hard",
        starter_code=code(
            """
            from collections import deque


            def windows(iterable, size: int):
                # TODO
                pass
            """
        ),
        examples=examples(
            ("list(windows([1, 2, 3, 4], 2))", "[(1, 2), (2, 3), (3, 4)]"),
            ("list(windows('abc', 3))", "[('a', 'b', 'c')]"),
        ),
        tests=tests(
            ("pairs", "assert list(windows([1, 2, 3, 4], 2)) == [(1, 2), (2, 3), (3, 4)]"),
            (
                "size equal to the length gives one window",
                "assert list(windows([1, 2, 3], 3)) == [(1, 2, 3)]",
            ),
            ("size larger than the input gives nothing", "assert list(windows([1, 2], 3)) == []"),
            ("handles empty input", "assert list(windows([], 2)) == []"),
            (
                "handles unicode strings",
                "assert list(windows('héllo', 4)) == [('h', 'é', 'l', 'l'), ('é', 'l', 'l', 'o')]",
            ),
            (
                "lazy on an endless iterator",
                """
                import itertools
                it = windows(itertools.count(), 3)
                assert next(it) == (0, 1, 2)
                assert next(it) == (1, 2, 3)
                """,
            ),
            (
                "reads a one-shot iterator once",
                "assert list(windows(iter([1, 2, 3]), 2)) == [(1, 2), (2, 3)]",
            ),
            (
                "zero or negative size raises ValueError",
                """
                for size in (0, -1):
                    try:
                        list(windows([1, 2], size))
                    except ValueError:
                        pass
                    else:
                        raise AssertionError(f"windows([1, 2], {size}) should raise ValueError")
                """,
            ),
        ),
        solution=code(
            """
            from collections import deque


            def windows(iterable, size: int):
                if size <= 0:
                    raise ValueError("size must be positive")
                window = deque(maxlen=size)
                for item in iterable:
                    window.append(item)
                    if len(window) == size:
                        yield tuple(window)
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="modules-distance",
        title="Distance between points with math",
        prompt=code(
            """
            Write `distance(p: tuple[float, float], q: tuple[float, float]) -> float` that
            returns the straight-line distance between two points.

            Import and use the standard `math` module (`math.dist` or `math.hypot`) rather
            than writing the square root yourself.
            """
        ),
        topic="modules",
        difficulty="easy",
        starter_code=code(
            """
            import math


            def distance(p: tuple[float, float], q: tuple[float, float]) -> float:
                # TODO
                pass
            """
        ),
        examples=examples(
            ("distance((0, 0), (3, 4))", "5.0"),
            ("distance((1, 1), (1, 1))", "0.0"),
        ),
        tests=tests(
            ("three four five", "import math\nassert math.isclose(distance((0, 0), (3, 4)), 5.0)"),
            ("same point is zero", "assert distance((2, -7), (2, -7)) == 0"),
            (
                "negative coordinates",
                "import math\nassert math.isclose(distance((-1, -1), (2, 3)), 5.0)",
            ),
            (
                "order does not matter",
                "assert distance((1, 2), (4, 6)) == distance((4, 6), (1, 2)) == 5.0",
            ),
            (
                "decimal coordinates",
                "import math\nassert math.isclose(distance((0.5, 0.5), (1.5, 1.5)), math.sqrt(2))",
            ),
            ("returns a float", "assert isinstance(distance((0, 0), (0, 1)), float)"),
        ),
        solution=code(
            """
            import math


            def distance(p: tuple[float, float], q: tuple[float, float]) -> float:
                return math.dist(p, q)
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="modules-top-words",
        title="Most common words with collections",
        prompt=code(
            """
            Write `top_words(text: str, n: int) -> list[tuple[str, int]]` that returns the `n`
            most common words of `text` with their counts, most common first.

            - Words are separated by whitespace and compared in lowercase.
            - Words with the same count are ordered alphabetically.
            - Use `collections.Counter` from the standard library.
            """
        ),
        topic="modules",
        difficulty="medium",
        starter_code=code(
            """
            from collections import Counter


            def top_words(text: str, n: int) -> list[tuple[str, int]]:
                # TODO
                pass
            """
        ),
        examples=examples(
            ("top_words('b a b c a b', 2)", "[('b', 3), ('a', 2)]"),
            ("top_words('', 3)", "[]"),
        ),
        tests=tests(
            ("most common first", "assert top_words('b a b c a b', 2) == [('b', 3), ('a', 2)]"),
            (
                "ties are alphabetical",
                "assert top_words('pear apple fig', 3) == [('apple', 1), ('fig', 1), ('pear', 1)]",
            ),
            (
                "n larger than the number of words",
                "assert top_words('x y x', 10) == [('x', 2), ('y', 1)]",
            ),
            ("n zero gives empty list", "assert top_words('a b', 0) == []"),
            ("handles empty text", "assert top_words('', 3) == []"),
            ("ignores case", "assert top_words('Go go GO stop', 1) == [('go', 3)]"),
            (
                "handles unicode words",
                "assert top_words('Öl öl zebra', 2) == [('öl', 2), ('zebra', 1)]",
            ),
        ),
        solution=code(
            """
            from collections import Counter


            def top_words(text: str, n: int) -> list[tuple[str, int]]:
                counts = Counter(text.lower().split())
                ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
                return ranked[:n]
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="algorithms-binary-search",
        title="Binary search",
        prompt=code(
            """
            Write `binary_search(items, target) -> int` that returns the index of `target` in
            the sorted sequence `items` (no duplicates), or `-1` if it is not there.

            Use binary search: look at the middle item and halve the range each step. On a
            million items it must need only about 20 lookups (`items[i]`), so do not loop
            over every item or use `in` / `.index()`.
            """
        ),
        topic="algorithms",
        difficulty="medium",
        starter_code=code(
            """
            def binary_search(items, target) -> int:
                low, high = 0, len(items) - 1
                # TODO
                pass
            """
        ),
        examples=examples(
            ("binary_search([1, 3, 5, 7], 5)", "2"),
            ("binary_search([1, 3, 5, 7], 4)", "-1"),
        ),
        tests=tests(
            (
                "finds the first, middle and last item",
                """
                items = [2, 4, 6, 8, 10]
                assert binary_search(items, 2) == 0
                assert binary_search(items, 6) == 2
                assert binary_search(items, 10) == 4
                """,
            ),
            (
                "missing target gives -1",
                """
                items = [2, 4, 6, 8, 10]
                for target in (1, 5, 11):
                    assert binary_search(items, target) == -1, target
                """,
            ),
            ("handles empty list", "assert binary_search([], 3) == -1"),
            ("negative numbers", "assert binary_search([-9, -4, 0, 3], -4) == 1"),
            (
                "single item",
                "assert binary_search([7], 7) == 0\nassert binary_search([7], 8) == -1",
            ),
            (
                "needs few lookups on a million items",
                """
                class Probe:
                    # A sorted sequence of even numbers that counts how often it is read.
                    def __init__(self, size):
                        self.size = size
                        self.reads = 0

                    def __len__(self):
                        return self.size

                    def __getitem__(self, index):
                        if not 0 <= index < self.size:
                            raise IndexError(index)
                        self.reads += 1
                        return index * 2

                probe = Probe(1_000_000)
                assert binary_search(probe, 123456) == 61728
                assert probe.reads <= 40, f"used {probe.reads} lookups; binary search needs about 20"
                """,
            ),
        ),
        solution=code(
            """
            def binary_search(items, target) -> int:
                low, high = 0, len(items) - 1
                while low <= high:
                    middle = (low + high) // 2
                    value = items[middle]
                    if value == target:
                        return middle
                    if value < target:
                        low = middle + 1
                    else:
                        high = middle - 1
                return -1
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="algorithms-merge-intervals",
        title="Merge overlapping intervals",
        prompt=code(
            """
            Write `merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]`.
            Each interval is a `(start, end)` tuple with `start <= end`. Return the intervals
            merged so that none overlap, sorted by start, as tuples.

            - Intervals that touch merge too: `(1, 2)` and `(2, 3)` become `(1, 3)`.
            - The input may be in any order; do not change it.
            - An empty list gives `[]`.
            """
        ),
        topic="algorithms",
        difficulty="hard",
        starter_code=code(
            """
            def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
                # TODO: sort first, then grow or start the current interval
                pass
            """
        ),
        examples=examples(
            ("merge_intervals([(1, 3), (2, 6), (8, 10)])", "[(1, 6), (8, 10)]"),
            ("merge_intervals([])", "[]"),
        ),
        tests=tests(
            (
                "overlapping intervals merge",
                "assert merge_intervals([(1, 3), (2, 6), (8, 10)]) == [(1, 6), (8, 10)]",
            ),
            ("touching intervals merge", "assert merge_intervals([(1, 2), (2, 3)]) == [(1, 3)]"),
            ("unsorted input", "assert merge_intervals([(5, 6), (1, 2)]) == [(1, 2), (5, 6)]"),
            ("interval inside another", "assert merge_intervals([(1, 10), (2, 3)]) == [(1, 10)]"),
            ("handles empty list", "assert merge_intervals([]) == []"),
            ("negative numbers", "assert merge_intervals([(-5, -1), (-2, 0)]) == [(-5, 0)]"),
            (
                "chains of overlaps",
                "assert merge_intervals([(1, 4), (3, 5), (5, 8), (10, 11)]) == [(1, 8), (10, 11)]",
            ),
            (
                "does not change the input",
                """
                intervals = [(3, 4), (1, 2)]
                assert merge_intervals(intervals) == [(1, 2), (3, 4)]
                assert intervals == [(3, 4), (1, 2)]
                """,
            ),
        ),
        solution=code(
            """
            def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
                merged: list[list[int]] = []
                for start, end in sorted(intervals):
                    if merged and start <= merged[-1][1]:
                        merged[-1][1] = max(merged[-1][1], end)
                    else:
                        merged.append([start, end])
                return [(start, end) for start, end in merged]
            """
        ),
    ),
)
