"""Exercises that complete the curriculum grid: every topic at every difficulty."""

from serve_app.domain.exercises.authoring import code, examples, tests
from serve_app.domain.exercises.models import ExerciseSpec

_RAISES = """
try:
    {call}
except {error}:
    pass
else:
    raise AssertionError("{call} should raise {error}")
"""


def _raises(call: str, error: str = "ValueError") -> str:
    return _RAISES.format(call=call, error=error)


EXERCISES: tuple[ExerciseSpec, ...] = (
    ExerciseSpec(
        exercise_id="variables-length-converter",
        title="Convert lengths",
        prompt=code(
            """
            Write `convert_length(value: float, from_unit: str, to_unit: str) -> float` that
            converts a length between the units of `METRES_PER_UNIT` (given in the starter).

            - Go through metres: first `value` in metres, then metres in `to_unit`; keep each
              step in a well-named variable.
            - Round the result to 4 decimal places.
            - An unknown unit (either one) raises `ValueError` naming it.
            """
        ),
        topic="variables",
        difficulty="hard",
        starter_code=code(
            """
            METRES_PER_UNIT = {
                "mm": 0.001, "cm": 0.01, "m": 1.0, "km": 1000.0,
                "in": 0.0254, "ft": 0.3048, "mi": 1609.344,
            }


            def convert_length(value: float, from_unit: str, to_unit: str) -> float:
                # TODO: value -> metres -> to_unit, rounded to 4 decimals
                pass
            """
        ),
        examples=examples(
            ("convert_length(1.5, 'km', 'm')", "1500.0"),
            ("convert_length(1, 'ft', 'in')", "12.0"),
        ),
        tests=tests(
            ("kilometres to metres", "assert convert_length(1.5, 'km', 'm') == 1500"),
            ("inches to centimetres", "assert convert_length(1, 'in', 'cm') == 2.54"),
            ("miles to kilometres is rounded", "assert convert_length(1, 'mi', 'km') == 1.6093"),
            ("feet to inches", "assert convert_length(2, 'ft', 'in') == 24"),
            ("same unit keeps the value", "assert convert_length(42, 'm', 'm') == 42"),
            ("unknown source unit raises ValueError", _raises("convert_length(1, 'yd', 'm')")),
            ("unknown target unit raises ValueError", _raises("convert_length(1, 'm', 'parsec')")),
        ),
        solution=code(
            """
            METRES_PER_UNIT = {
                "mm": 0.001, "cm": 0.01, "m": 1.0, "km": 1000.0,
                "in": 0.0254, "ft": 0.3048, "mi": 1609.344,
            }


            def convert_length(value: float, from_unit: str, to_unit: str) -> float:
                for unit in (from_unit, to_unit):
                    if unit not in METRES_PER_UNIT:
                        raise ValueError(f"unknown unit {unit!r}")
                metres = value * METRES_PER_UNIT[from_unit]
                converted = metres / METRES_PER_UNIT[to_unit]
                return round(converted, 4)
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="conditionals-next-day",
        title="The next day",
        prompt=code(
            """
            Write `next_day(year: int, month: int, day: int) -> tuple[int, int, int]` that
            returns the date after the given one, as `(year, month, day)`.

            - April, June, September and November have 30 days; February has 28, or 29 in a
              leap year; the other months have 31.
            - A leap year is divisible by 4, except centuries, which must be divisible by 400.
            - An impossible date (month 13, 30 February, day 0, ...) raises `ValueError`.

            Use `if`/`elif`/`else`; do not use the `datetime` module.
            """
        ),
        topic="conditionals",
        difficulty="hard",
        starter_code=code(
            """
            def next_day(year: int, month: int, day: int) -> tuple[int, int, int]:
                # TODO: how many days has this month? Then: same month, next month or next year?
                pass
            """
        ),
        examples=examples(
            ("next_day(2024, 1, 31)", "(2024, 2, 1)"),
            ("next_day(2023, 12, 31)", "(2024, 1, 1)"),
        ),
        tests=tests(
            ("an ordinary day", "assert next_day(2024, 5, 14) == (2024, 5, 15)"),
            ("end of a 31-day month", "assert next_day(2024, 1, 31) == (2024, 2, 1)"),
            ("end of a 30-day month", "assert next_day(2024, 4, 30) == (2024, 5, 1)"),
            ("new year", "assert next_day(2023, 12, 31) == (2024, 1, 1)"),
            ("29 February in a leap year", "assert next_day(2024, 2, 28) == (2024, 2, 29)"),
            ("no 29 February in 2023", "assert next_day(2023, 2, 28) == (2023, 3, 1)"),
            ("1900 was not a leap year", "assert next_day(1900, 2, 28) == (1900, 3, 1)"),
            ("2000 was a leap year", "assert next_day(2000, 2, 28) == (2000, 2, 29)"),
            ("30 February raises ValueError", _raises("next_day(2024, 2, 30)")),
            ("month 13 raises ValueError", _raises("next_day(2024, 13, 1)")),
        ),
        solution=code(
            """
            def is_leap(year: int) -> bool:
                return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


            def days_in_month(year: int, month: int) -> int:
                if month == 2:
                    return 29 if is_leap(year) else 28
                if month in (4, 6, 9, 11):
                    return 30
                return 31


            def next_day(year: int, month: int, day: int) -> tuple[int, int, int]:
                if not 1 <= month <= 12 or not 1 <= day <= days_in_month(year, month):
                    raise ValueError(f"no such date: {year}-{month}-{day}")
                if day < days_in_month(year, month):
                    return (year, month, day + 1)
                if month < 12:
                    return (year, month + 1, 1)
                return (year + 1, 1, 1)
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="lists-rotate",
        title="Rotate a list",
        prompt=code(
            """
            Write `rotate(items: list, k: int) -> list` that returns a new list with the items
            moved `k` places to the right; items that fall off the end come back at the front.

            - `k` may be larger than the list (rotating by its length changes nothing).
            - A negative `k` rotates to the left.
            - Do not modify `items`; an empty list gives an empty list.

            Hint: slicing and `%` do it without a loop.
            """
        ),
        topic="lists",
        difficulty="hard",
        starter_code=code(
            """
            def rotate(items: list, k: int) -> list:
                # TODO: return a new, rotated list
                pass
            """
        ),
        examples=examples(
            ("rotate([1, 2, 3, 4, 5], 2)", "[4, 5, 1, 2, 3]"),
            ("rotate(['a', 'b', 'c'], -1)", "['b', 'c', 'a']"),
        ),
        tests=tests(
            ("rotates right", "assert rotate([1, 2, 3, 4, 5], 2) == [4, 5, 1, 2, 3]"),
            ("k larger than the list", "assert rotate([1, 2, 3, 4, 5], 7) == [4, 5, 1, 2, 3]"),
            ("negative k rotates left", "assert rotate([1, 2, 3, 4, 5], -1) == [2, 3, 4, 5, 1]"),
            ("empty list gives an empty list", "assert rotate([], 3) == []"),
            (
                "k of zero gives new lists equal to the input",
                """
                items = [1, 2]
                result = rotate(items, 0)
                assert result == [1, 2] and result is not items
                """,
            ),
            (
                "the input is not modified",
                """
                items = [1, 2, 3]
                assert rotate(items, 1) == [3, 1, 2]
                assert items == [1, 2, 3]
                """,
            ),
        ),
        solution=code(
            """
            def rotate(items: list, k: int) -> list:
                if not items:
                    return []
                k %= len(items)
                return items[-k:] + items[:-k]
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="tuples-rank",
        title="Rank the players",
        prompt=code(
            """
            Write `rank(scores: list[tuple[str, int]]) -> list[tuple[int, str, int]]` that turns
            `(name, score)` pairs into `(rank, name, score)` triples, best score first.

            - Equal scores share a rank, and the next rank skips: scores 9, 9, 7 get ranks
              1, 1, 3 ("competition ranking").
            - Players with equal scores are listed in alphabetical order.
            - Do not modify `scores`; no players give an empty list.
            """
        ),
        topic="tuples",
        difficulty="hard",
        starter_code=code(
            """
            def rank(scores: list[tuple[str, int]]) -> list[tuple[int, str, int]]:
                # TODO: sort, then number the players
                pass
            """
        ),
        examples=examples(
            (
                "rank([('ann', 90), ('bob', 95), ('cid', 90)])",
                "[(1, 'bob', 95), (2, 'ann', 90), (2, 'cid', 90)]",
            ),
            ("rank([])", "[]"),
        ),
        tests=tests(
            (
                "best score first",
                "assert rank([('a', 1), ('b', 3), ('c', 2)]) == "
                "[(1, 'b', 3), (2, 'c', 2), (3, 'a', 1)]",
            ),
            (
                "equal scores share a rank and the next one skips",
                "assert rank([('c', 3), ('a', 5), ('b', 5), ('d', 1)]) == "
                "[(1, 'a', 5), (1, 'b', 5), (3, 'c', 3), (4, 'd', 1)]",
            ),
            (
                "ties are in alphabetical order",
                "assert [name for _, name, _ in rank([('zoe', 2), ('amy', 2)])] == ['amy', 'zoe']",
            ),
            ("no players gives an empty list", "assert rank([]) == []"),
            ("a single player is first", "assert rank([('solo', 0)]) == [(1, 'solo', 0)]"),
            (
                "the input is not modified",
                """
                scores = [('b', 1), ('a', 2)]
                assert rank(scores) == [(1, 'a', 2), (2, 'b', 1)]
                assert scores == [('b', 1), ('a', 2)]
                """,
            ),
        ),
        solution=code(
            """
            def rank(scores: list[tuple[str, int]]) -> list[tuple[int, str, int]]:
                ordered = sorted(scores, key=lambda pair: (-pair[1], pair[0]))
                ranked: list[tuple[int, str, int]] = []
                for position, (name, score) in enumerate(ordered, start=1):
                    if ranked and ranked[-1][2] == score:
                        ranked.append((ranked[-1][0], name, score))
                    else:
                        ranked.append((position, name, score))
                return ranked
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="sets-suggest-friends",
        title="People you may know",
        prompt=code(
            """
            Write `suggest_friends(friends: dict[str, set[str]], person: str) -> list[str]`.
            `friends` maps each person to the set of their friends. Suggest the friends of
            `person`'s friends who are not `person` and not already their friend.

            - Order the suggestions by the number of mutual friends, most first; break ties
              alphabetically.
            - A person who is not in `friends`, or has no friends, gets no suggestions.

            Set difference (`-`) does most of the work.
            """
        ),
        topic="sets",
        difficulty="hard",
        starter_code=code(
            """
            def suggest_friends(friends: dict[str, set[str]], person: str) -> list[str]:
                # TODO: friends of friends, minus person and their friends
                pass
            """
        ),
        examples=examples(
            (
                "suggest_friends({'ann': {'bob'}, 'bob': {'ann', 'cid'}, 'cid': {'bob'}}, 'ann')",
                "['cid']",
            ),
            ("suggest_friends({}, 'ann')", "[]"),
        ),
        tests=tests(
            (
                "friends of friends are suggested",
                "assert suggest_friends({'a': {'b'}, 'b': {'a', 'c'}, 'c': {'b'}}, 'a') == ['c']",
            ),
            (
                "existing friends and the person are not suggested",
                """
                net = {'a': {'b', 'c'}, 'b': {'a', 'c'}, 'c': {'a', 'b'}}
                assert suggest_friends(net, 'a') == []
                """,
            ),
            (
                "more mutual friends come first, then alphabetical order",
                """
                net = {
                    'a': {'b', 'c'}, 'b': {'a', 'd', 'e'}, 'c': {'a', 'd', 'f'},
                    'd': {'b', 'c'}, 'e': {'b'}, 'f': {'c'},
                }
                assert suggest_friends(net, 'a') == ['d', 'e', 'f']
                """,
            ),
            ("an unknown person gets no suggestions", "assert suggest_friends({}, 'x') == []"),
            (
                "a person with no friends gets no suggestions",
                "assert suggest_friends({'x': set(), 'y': {'z'}}, 'x') == []",
            ),
            (
                "the friendships are not modified",
                """
                net = {'a': {'b'}, 'b': {'a', 'c'}, 'c': {'b'}}
                assert suggest_friends(net, 'a') == ['c']
                assert net == {'a': {'b'}, 'b': {'a', 'c'}, 'c': {'b'}}
                """,
            ),
        ),
        solution=code(
            """
            def suggest_friends(friends: dict[str, set[str]], person: str) -> list[str]:
                mine = friends.get(person, set())
                mutual: dict[str, int] = {}
                for friend in mine:
                    for candidate in friends.get(friend, set()) - mine - {person}:
                        mutual[candidate] = mutual.get(candidate, 0) + 1
                return sorted(mutual, key=lambda name: (-mutual[name], name))
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="functions-compose",
        title="Compose functions",
        prompt=code(
            """
            Write `compose(*functions)` that returns a new function of one argument. Calling it
            applies the functions from right to left: `compose(f, g)(x)` is `f(g(x))`.

            - `compose()` with no functions returns a function that gives its argument back.
            - `compose(f)` behaves like `f`.

            Functions are values: you can keep them in a tuple and return a function you
            define inside `compose`.
            """
        ),
        topic="functions",
        difficulty="medium",
        starter_code=code(
            """
            def compose(*functions):
                # TODO: define an inner function that applies them right to left; return it
                pass
            """
        ),
        examples=examples(
            ("compose(str.upper, str.strip)('  hi ')", "'HI'"),
            ("compose(abs, lambda x: x - 10)(3)", "7"),
            ("compose()(5)", "5"),
        ),
        tests=tests(
            (
                "two functions apply right to left",
                "assert compose(lambda x: x + 1, lambda x: x * 2)(5) == 11",
            ),
            ("the order matters", "assert compose(lambda x: x * 2, lambda x: x + 1)(5) == 12"),
            ("no functions give the argument back", "assert compose()('same') == 'same'"),
            ("a single function behaves like it", "assert compose(len)('four') == 4"),
            (
                "three functions",
                "assert compose(str, abs, lambda x: x - 100)(1) == '99'",
            ),
            (
                "the composed function can be reused",
                """
                double_then_negate = compose(lambda x: -x, lambda x: 2 * x)
                assert [double_then_negate(n) for n in (1, 2, 3)] == [-2, -4, -6]
                """,
            ),
        ),
        solution=code(
            """
            def compose(*functions):
                def composed(value):
                    for function in reversed(functions):
                        value = function(value)
                    return value

                return composed
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="recursion-binary-strings",
        title="Every binary string",
        prompt=code(
            """
            Write a recursive `binary_strings(n: int) -> list[str]` that returns every string of
            `n` characters made of `"0"` and `"1"`, in increasing order.

            - `binary_strings(0)` is `[""]`: one string, the empty one.
            - A negative `n` raises `ValueError`.

            Think recursively: the strings of length `n` are `"0"` or `"1"` followed by each
            string of length `n - 1`.
            """
        ),
        topic="recursion",
        difficulty="medium",
        starter_code=code(
            """
            def binary_strings(n: int) -> list[str]:
                # TODO: base case n == 0, then build on binary_strings(n - 1)
                pass
            """
        ),
        examples=examples(
            ("binary_strings(2)", "['00', '01', '10', '11']"),
            ("binary_strings(0)", "['']"),
        ),
        tests=tests(
            ("length one", "assert binary_strings(1) == ['0', '1']"),
            ("length two", "assert binary_strings(2) == ['00', '01', '10', '11']"),
            (
                "length three: eight strings in order",
                """
                result = binary_strings(3)
                assert result == sorted(result) and len(result) == 8
                assert result[0] == '000' and result[-1] == '111'
                """,
            ),
            ("length zero is one empty string", "assert binary_strings(0) == ['']"),
            (
                "length ten has 1024 distinct strings",
                "assert len(set(binary_strings(10))) == 1024",
            ),
            ("negative n raises ValueError", _raises("binary_strings(-1)")),
        ),
        solution=code(
            """
            def binary_strings(n: int) -> list[str]:
                if n < 0:
                    raise ValueError("n must not be negative")
                if n == 0:
                    return [""]
                shorter = binary_strings(n - 1)
                return ["0" + rest for rest in shorter] + ["1" + rest for rest in shorter]
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="comprehensions-word-index",
        title="An index of words",
        prompt=code(
            """
            Write `word_index(docs: list[str]) -> dict[str, list[int]]` that maps every word to
            the sorted positions of the documents that contain it.

            - Words are separated by whitespace; strip punctuation (`string.punctuation`) from
              both ends of each word and compare them in lowercase.
            - A document that contains a word twice is listed once for it.
            - No documents give `{}`.

            Use comprehensions: a set of words per document, then a dict comprehension.
            """
        ),
        topic="comprehensions",
        difficulty="hard",
        starter_code=code(
            """
            import string


            def word_index(docs: list[str]) -> dict[str, list[int]]:
                # TODO: the words of each document, then {word: [positions]}
                pass
            """
        ),
        examples=examples(
            ("word_index(['the cat', 'The dog'])", "{'cat': [0], 'dog': [1], 'the': [0, 1]}"),
            ("word_index([])", "{}"),
        ),
        tests=tests(
            (
                "maps words to documents",
                "assert word_index(['a b', 'b c']) == {'a': [0], 'b': [0, 1], 'c': [1]}",
            ),
            ("ignores case", "assert word_index(['Cat', 'cat']) == {'cat': [0, 1]}"),
            (
                "strips punctuation",
                "assert word_index(['Hello, world!', '(hello)']) == "
                "{'hello': [0, 1], 'world': [0]}",
            ),
            (
                "a repeated word lists its document once",
                "assert word_index(['go go go']) == {'go': [0]}",
            ),
            ("no documents give an empty dict", "assert word_index([]) == {}"),
            (
                "punctuation alone is not a word",
                "assert word_index(['well - done', '']) == {'well': [0], 'done': [0]}",
            ),
        ),
        solution=code(
            """
            import string


            def word_index(docs: list[str]) -> dict[str, list[int]]:
                words_per_doc = [
                    {word.strip(string.punctuation).lower() for word in doc.split()} - {""}
                    for doc in docs
                ]
                vocabulary = {word for words in words_per_doc for word in words}
                return {
                    word: [i for i, words in enumerate(words_per_doc) if word in words]
                    for word in vocabulary
                }
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="exceptions-parse-ints",
        title="Keep the good numbers",
        prompt=code(
            """
            Write `parse_ints(texts: list[str]) -> tuple[list[int], list[str]]` that converts
            each text to an `int` and returns `(numbers, rejected)`: the numbers that parsed, and
            the texts that did not, both in their original order.

            - Surrounding spaces are fine (`int` accepts them); `"3.5"` and `""` are rejected.
            - Catch only the exception `int` raises for bad text (`ValueError`), never a bare
              `except:`.
            """
        ),
        topic="exceptions",
        difficulty="medium",
        starter_code=code(
            """
            def parse_ints(texts: list[str]) -> tuple[list[int], list[str]]:
                # TODO: try int(text) for each; on ValueError keep the text aside
                pass
            """
        ),
        examples=examples(
            ("parse_ints(['1', 'x', ' 3 '])", "([1, 3], ['x'])"),
            ("parse_ints([])", "([], [])"),
        ),
        tests=tests(
            ("all good", "assert parse_ints(['1', '-2', '30']) == ([1, -2, 30], [])"),
            ("all bad", "assert parse_ints(['a', '3.5', '']) == ([], ['a', '3.5', ''])"),
            (
                "mixed keeps both orders",
                "assert parse_ints(['x', '1', 'y', '2']) == ([1, 2], ['x', 'y'])",
            ),
            ("spaces are accepted", "assert parse_ints([' 7 ']) == ([7], [])"),
            ("an empty list", "assert parse_ints([]) == ([], [])"),
            (
                "returns a tuple of two lists",
                """
                result = parse_ints(['1'])
                assert isinstance(result, tuple) and len(result) == 2, f"got {result!r}"
                """,
            ),
        ),
        solution=code(
            """
            def parse_ints(texts: list[str]) -> tuple[list[int], list[str]]:
                numbers: list[int] = []
                rejected: list[str] = []
                for text in texts:
                    try:
                        numbers.append(int(text))
                    except ValueError:
                        rejected.append(text)
                return numbers, rejected
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="files-notes",
        title="A notes file",
        prompt=code(
            """
            Write two functions for a notes file with one note per line:

            - `append_note(path, note: str) -> int` adds `note` as a new line at the end of the
              file (creating it if needed) and returns how many notes the file now holds. A note
              containing a newline raises `ValueError` and changes nothing.
            - `read_notes(path) -> list[str]` returns the notes, without newlines; a file that
              does not exist yet holds no notes.

            Open files with `encoding="utf-8"` inside `with` blocks.
            """
        ),
        topic="files",
        difficulty="medium",
        starter_code=code(
            """
            def append_note(path, note: str) -> int:
                # TODO: open in "a" (append) mode; then count the notes
                pass


            def read_notes(path) -> list[str]:
                # TODO: a missing file raises FileNotFoundError: catch it
                pass
            """
        ),
        examples=examples(
            ("append_note('notes.txt', 'buy milk')", "1"),
            ("append_note('notes.txt', 'call mum')", "2"),
            ("read_notes('notes.txt')", "['buy milk', 'call mum']"),
        ),
        tests=tests(
            (
                "appending creates the file",
                """
                assert append_note('new.txt', 'first') == 1
                with open('new.txt', encoding='utf-8') as file:
                    assert file.read() == 'first\\n'
                """,
            ),
            (
                "earlier notes are kept",
                """
                append_note('keep.txt', 'a')
                assert append_note('keep.txt', 'b') == 2
                assert read_notes('keep.txt') == ['a', 'b']
                """,
            ),
            ("a missing file holds no notes", "assert read_notes('nowhere.txt') == []"),
            (
                "handles unicode text",
                """
                append_note('unicode.txt', 'café ☕')
                assert read_notes('unicode.txt') == ['café ☕']
                """,
            ),
            (
                "a note with a newline raises ValueError and changes nothing",
                """
                append_note('guard.txt', 'ok')
                try:
                    append_note('guard.txt', 'two\\nlines')
                except ValueError:
                    pass
                else:
                    raise AssertionError('a note with a newline should raise ValueError')
                assert read_notes('guard.txt') == ['ok']
                """,
            ),
        ),
        solution=code(
            """
            def append_note(path, note: str) -> int:
                if "\\n" in note:
                    raise ValueError("a note must fit on one line")
                with open(path, "a", encoding="utf-8") as file:
                    file.write(note + "\\n")
                return len(read_notes(path))


            def read_notes(path) -> list[str]:
                try:
                    with open(path, encoding="utf-8") as file:
                        return file.read().splitlines()
                except FileNotFoundError:
                    return []
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="iterators-every-nth",
        title="Every n-th item",
        prompt=code(
            """
            Write a generator function `every_nth(iterable, n: int)` that yields the items at
            positions 0, n, 2n, ... of `iterable`.

            - It must work on any iterable, including endless ones such as
              `itertools.count()`: never turn the input into a list.
            - `n` below 1 raises `ValueError`.

            `enumerate` and `yield` are all you need.
            """
        ),
        topic="iterators",
        difficulty="medium",
        starter_code=code(
            """
            def every_nth(iterable, n: int):
                # TODO: yield the items whose position is a multiple of n
                pass
            """
        ),
        examples=examples(
            ("list(every_nth('abcdefg', 3))", "['a', 'd', 'g']"),
            ("list(every_nth(range(10), 4))", "[0, 4, 8]"),
        ),
        tests=tests(
            ("every third letter", "assert list(every_nth('abcdefg', 3)) == ['a', 'd', 'g']"),
            ("n of one yields everything", "assert list(every_nth([5, 6], 1)) == [5, 6]"),
            ("an empty input yields nothing", "assert list(every_nth([], 2)) == []"),
            (
                "works on an endless iterator",
                """
                import itertools
                assert list(itertools.islice(every_nth(itertools.count(), 5), 3)) == [0, 5, 10]
                """,
            ),
            (
                "returns an iterator",
                """
                result = every_nth([1, 2, 3], 2)
                assert iter(result) is result, 'use yield to make a generator'
                """,
            ),
            ("n of zero raises ValueError", _raises("list(every_nth([1, 2], 0))")),
        ),
        solution=code(
            """
            def every_nth(iterable, n: int):
                if n < 1:
                    raise ValueError("n must be at least 1")
                for index, item in enumerate(iterable):
                    if index % n == 0:
                        yield item
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="modules-business-days",
        title="Working days with datetime",
        prompt=code(
            """
            Write `business_days(start: str, end: str, holidays=()) -> int` that counts the
            working days (Monday to Friday) from `start` to `end`, both included. Dates are ISO
            strings such as `"2024-01-31"`; `holidays` is a collection of such strings.

            - Holidays are not working days (a holiday on a weekend is not subtracted twice).
            - `end` before `start` gives 0; an invalid date raises `ValueError`.

            The `datetime` module does the calendar: `date.fromisoformat`, `date.weekday()`
            (Monday is 0) and `timedelta(days=1)`.
            """
        ),
        topic="modules",
        difficulty="hard",
        starter_code=code(
            """
            from datetime import date, timedelta


            def business_days(start: str, end: str, holidays=()) -> int:
                # TODO: walk from start to end one day at a time
                pass
            """
        ),
        examples=examples(
            ("business_days('2024-01-01', '2024-01-07')", "5"),
            ("business_days('2024-01-01', '2024-01-05', ['2024-01-01'])", "4"),
        ),
        tests=tests(
            ("a working week", "assert business_days('2024-01-01', '2024-01-05') == 5"),
            ("weekends do not count", "assert business_days('2024-01-01', '2024-01-14') == 10"),
            ("a weekend alone", "assert business_days('2024-01-06', '2024-01-07') == 0"),
            ("one working day", "assert business_days('2024-01-03', '2024-01-03') == 1"),
            ("end before start", "assert business_days('2024-01-10', '2024-01-01') == 0"),
            (
                "holidays are skipped",
                "assert business_days('2024-12-23', '2024-12-27', {'2024-12-25', '2024-12-26'}) == 3",
            ),
            (
                "a holiday on a weekend counts once",
                "assert business_days('2024-01-01', '2024-01-07', ['2024-01-06']) == 5",
            ),
            ("across months", "assert business_days('2024-02-26', '2024-03-04') == 6"),
            (
                "an invalid date raises ValueError",
                _raises("business_days('2024-02-30', '2024-03-01')"),
            ),
        ),
        solution=code(
            """
            from datetime import date, timedelta


            def business_days(start: str, end: str, holidays=()) -> int:
                day, last = date.fromisoformat(start), date.fromisoformat(end)
                days_off = {date.fromisoformat(holiday) for holiday in holidays}
                count = 0
                while day <= last:
                    if day.weekday() < 5 and day not in days_off:
                        count += 1
                    day += timedelta(days=1)
                return count
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="algorithms-linear-search",
        title="Linear search",
        prompt=code(
            """
            Write `find_index(items: list, target) -> int` that returns the position of the
            first item equal to `target`, or `-1` when there is none.

            Look at the items one by one with a loop; do not use `list.index` or `in`.
            This is *linear search*: in the worst case it looks at every item.
            """
        ),
        topic="algorithms",
        difficulty="easy",
        starter_code=code(
            """
            def find_index(items: list, target) -> int:
                # TODO: loop over the positions; return the first match, else -1
                pass
            """
        ),
        examples=examples(
            ("find_index([4, 8, 15], 8)", "1"),
            ("find_index(['a'], 'z')", "-1"),
        ),
        tests=tests(
            ("found at the start", "assert find_index([3, 1, 2], 3) == 0"),
            ("found in the middle", "assert find_index([3, 1, 2], 1) == 1"),
            ("found at the end", "assert find_index([3, 1, 2], 2) == 2"),
            ("missing gives -1", "assert find_index([3, 1, 2], 9) == -1"),
            ("an empty list gives -1", "assert find_index([], 1) == -1"),
            ("duplicates give the first position", "assert find_index([7, 5, 7], 7) == 0"),
            ("works with strings", "assert find_index(['x', 'y'], 'y') == 1"),
        ),
        solution=code(
            """
            def find_index(items: list, target) -> int:
                for position, item in enumerate(items):
                    if item == target:
                        return position
                return -1
            """
        ),
    ),
)
