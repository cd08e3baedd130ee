"""Exercises on lists, tuples, dicts and sets."""

from serve_app.domain.exercises.authoring import code, examples, tests
from serve_app.domain.exercises.models import ExerciseSpec

EXERCISES: tuple[ExerciseSpec, ...] = (
    ExerciseSpec(
        exercise_id="lists-chunk",
        title="Split a list into chunks",
        prompt=code(
            """
            Write `chunk(items: list, size: int) -> list[list]` that splits `items` into
            consecutive lists of length `size`; the last chunk may be shorter.

            - An empty list gives `[]`.
            - A `size` of zero or less raises `ValueError`.
            - Do not change `items`.
            """
        ),
        topic="lists",
        difficulty="easy",
        starter_code=code(
            """
            def chunk(items: list, size: int) -> list[list]:
                # TODO: slicing (items[start:start + size]) makes this short
                pass
            """
        ),
        examples=examples(
            ("chunk([1, 2, 3, 4, 5], 2)", "[[1, 2], [3, 4], [5]]"),
            ("chunk([], 3)", "[]"),
        ),
        tests=tests(
            ("even split", "assert chunk([1, 2, 3, 4], 2) == [[1, 2], [3, 4]]"),
            ("last chunk is shorter", "assert chunk([1, 2, 3, 4, 5], 2) == [[1, 2], [3, 4], [5]]"),
            ("handles empty list", "assert chunk([], 3) == []"),
            ("size larger than the list", "assert chunk([1, 2], 5) == [[1, 2]]"),
            ("size one", "assert chunk(['a', 'b'], 1) == [['a'], ['b']]"),
            (
                "zero or negative size raises ValueError",
                """
                for size in (0, -1):
                    try:
                        chunk([1, 2], size)
                    except ValueError:
                        pass
                    else:
                        raise AssertionError(f"chunk([1, 2], {size}) should raise ValueError")
                """,
            ),
            (
                "does not change the input list",
                """
                items = [1, 2, 3]
                assert chunk(items, 2) == [[1, 2], [3]]
                assert items == [1, 2, 3]
                """,
            ),
        ),
        solution=code(
            """
            def chunk(items: list, size: int) -> list[list]:
                if size <= 0:
                    raise ValueError("size must be positive")
                return [items[start:start + size] for start in range(0, len(items), size)]
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="lists-second-largest",
        title="Second largest",
        prompt=code(
            """
            Write `second_largest(numbers: list[float]) -> float` that returns the second
            largest **distinct** value in `numbers`, in a single pass if you can.

            - Duplicates of the largest value do not count: `[5, 5, 4]` gives `4`.
            - Fewer than two distinct values (including an empty list) raises `ValueError`.
            - Do not sort or otherwise change the list you are given.
            """
        ),
        topic="lists",
        difficulty="medium",
        starter_code=code(
            """
            def second_largest(numbers: list[float]) -> float:
                # TODO: remember the largest and second largest values seen so far
                pass
            """
        ),
        examples=examples(
            ("second_largest([3, 1, 2])", "2"),
            ("second_largest([5, 5, 4])", "4"),
        ),
        tests=tests(
            ("unsorted list", "assert second_largest([3, 1, 2]) == 2"),
            ("duplicates of the largest are skipped", "assert second_largest([5, 5, 4]) == 4"),
            ("negative numbers", "assert second_largest([-1, -5, -3]) == -3"),
            ("two values", "assert second_largest([1, 3]) == 1"),
            ("decimal numbers", "assert second_largest([0.5, 2.5, 1.5]) == 1.5"),
            (
                "all equal values raise ValueError",
                """
                try:
                    second_largest([7, 7])
                except ValueError:
                    pass
                else:
                    raise AssertionError("second_largest([7, 7]) should raise ValueError")
                """,
            ),
            (
                "empty list raises ValueError",
                """
                try:
                    second_largest([])
                except ValueError:
                    pass
                else:
                    raise AssertionError("second_largest([]) should raise ValueError")
                """,
            ),
            (
                "does not reorder the input list",
                """
                numbers = [4, 9, 1]
                assert second_largest(numbers) == 4
                assert numbers == [4, 9, 1]
                """,
            ),
        ),
        solution=code(
            """
            def second_largest(numbers: list[float]) -> float:
                largest = None
                second = None
                for number in numbers:
                    if largest is None or number > largest:
                        largest, second = number, largest
                    elif number != largest and (second is None or number > second):
                        second = number
                if second is None:
                    raise ValueError("need at least two distinct values")
                return second
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="tuples-min-max",
        title="Smallest and largest together",
        prompt=code(
            """
            Write `min_max(numbers: list[float]) -> tuple[float, float]` that returns the
            smallest and the largest value of `numbers` **as a tuple** `(smallest, largest)`,
            so callers can unpack it: `low, high = min_max(values)`.

            An empty list raises `ValueError`.
            """
        ),
        topic="tuples",
        difficulty="easy",
        starter_code=code(
            """
            def min_max(numbers: list[float]) -> tuple[float, float]:
                # TODO: return both values at once
                pass
            """
        ),
        examples=examples(
            ("min_max([3, 1, 4, 1, 5])", "(1, 5)"),
            ("min_max([7])", "(7, 7)"),
        ),
        tests=tests(
            ("returns a tuple", "assert isinstance(min_max([2, 1]), tuple)"),
            ("typical list", "assert min_max([4, 9, 1, 7]) == (1, 9)"),
            ("single element", "assert min_max([7]) == (7, 7)"),
            ("negative numbers", "assert min_max([-1, -10, -5]) == (-10, -1)"),
            (
                "unpacks into two names",
                "low, high = min_max([5, 3, 8])\nassert (low, high) == (3, 8)",
            ),
            (
                "empty list raises ValueError",
                """
                try:
                    min_max([])
                except ValueError:
                    pass
                else:
                    raise AssertionError("min_max([]) should raise ValueError")
                """,
            ),
        ),
        solution=code(
            """
            def min_max(numbers: list[float]) -> tuple[float, float]:
                if not numbers:
                    raise ValueError("min_max() needs at least one number")
                return min(numbers), max(numbers)
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="tuples-sort-people",
        title="Sort people by age",
        prompt=code(
            """
            Write `sort_people(people: list[tuple[str, int]]) -> list[tuple[str, int]]`.
            Each person is a `(name, age)` tuple. Return a **new** list sorted by age, youngest
            first; people of the same age are ordered by name.

            Do not change the list you are given. Hint: `sorted` takes a `key` that may
            return a tuple.
            """
        ),
        topic="tuples",
        difficulty="medium",
        starter_code=code(
            """
            def sort_people(people: list[tuple[str, int]]) -> list[tuple[str, int]]:
                # TODO
                pass
            """
        ),
        examples=examples(
            ("sort_people([('Bo', 30), ('Ana', 25)])", "[('Ana', 25), ('Bo', 30)]"),
            ("sort_people([('Cy', 20), ('Al', 20)])", "[('Al', 20), ('Cy', 20)]"),
        ),
        tests=tests(
            (
                "sorts by age",
                "assert sort_people([('Bo', 30), ('Ana', 25), ('Cy', 40)]) == "
                "[('Ana', 25), ('Bo', 30), ('Cy', 40)]",
            ),
            (
                "equal ages are sorted by name",
                "assert sort_people([('Dee', 20), ('Al', 20), ('Bo', 19)]) == "
                "[('Bo', 19), ('Al', 20), ('Dee', 20)]",
            ),
            ("handles empty list", "assert sort_people([]) == []"),
            ("single person", "assert sort_people([('Ana', 5)]) == [('Ana', 5)]"),
            (
                "does not change the input list",
                """
                people = [('Bo', 30), ('Ana', 25)]
                result = sort_people(people)
                assert result == [('Ana', 25), ('Bo', 30)]
                assert people == [('Bo', 30), ('Ana', 25)]
                assert result is not people
                """,
            ),
            (
                "keeps unicode names intact",
                "assert sort_people([('Zoë', 9), ('Åsa', 3)]) == [('Åsa', 3), ('Zoë', 9)]",
            ),
        ),
        solution=code(
            """
            def sort_people(people: list[tuple[str, int]]) -> list[tuple[str, int]]:
                return sorted(people, key=lambda person: (person[1], person[0]))
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="dicts-word-count",
        title="Count the words",
        prompt=code(
            """
            Write `word_counts(text: str) -> dict[str, int]` that maps each word of `text` to the
            number of times it appears.

            - Words are separated by whitespace and compared in lowercase.
            - Strip the punctuation `.,!?;:"'` from both ends of each word; a "word" made only of
              punctuation is skipped.
            - Words appear in the dict in the order they first occur. Empty text gives `{}`.
            """
        ),
        topic="dicts",
        difficulty="easy",
        starter_code=code(
            """
            def word_counts(text: str) -> dict[str, int]:
                counts = {}
                # TODO: count each cleaned-up word
                pass
            """
        ),
        examples=examples(
            ("word_counts('the cat and the hat')", "{'the': 2, 'cat': 1, 'and': 1, 'hat': 1}"),
            ("word_counts('')", "{}"),
        ),
        tests=tests(
            ("counts repeated words", "assert word_counts('a b a') == {'a': 2, 'b': 1}"),
            ("empty text gives empty dict", "assert word_counts('') == {}"),
            ("ignores case", "assert word_counts('Hello hello HELLO') == {'hello': 3}"),
            ("strips punctuation", "assert word_counts('Hi! hi, \"hi.\"') == {'hi': 3}"),
            (
                "any whitespace separates words",
                "assert word_counts('a\\tb\\n a') == {'a': 2, 'b': 1}",
            ),
            ("handles accented words", "assert word_counts('Café café CAFÉ') == {'café': 3}"),
            ("punctuation alone is not a word", "assert word_counts('!!! ... ok') == {'ok': 1}"),
        ),
        solution=code(
            """
            def word_counts(text: str) -> dict[str, int]:
                counts = {}
                for raw in text.lower().split():
                    word = raw.strip(".,!?;:\\"'")
                    if word:
                        counts[word] = counts.get(word, 0) + 1
                return counts
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="dicts-invert",
        title="Invert a dictionary",
        prompt=code(
            """
            Write `invert(mapping: dict) -> dict` that swaps keys and values. Several keys can
            share a value, so each value maps to the **list** of its keys, in the order the keys
            appear in `mapping`.

            An empty dict gives `{}`; do not change `mapping`.
            """
        ),
        topic="dicts",
        difficulty="medium",
        starter_code=code(
            """
            def invert(mapping: dict) -> dict:
                # TODO: dict.setdefault may help
                pass
            """
        ),
        examples=examples(
            ("invert({'a': 1, 'b': 2, 'c': 1})", "{1: ['a', 'c'], 2: ['b']}"),
            ("invert({})", "{}"),
        ),
        tests=tests(
            (
                "groups keys that share a value",
                "assert invert({'a': 1, 'b': 2, 'c': 1}) == {1: ['a', 'c'], 2: ['b']}",
            ),
            (
                "unique values give one-item lists",
                "assert invert({'x': 1, 'y': 2}) == {1: ['x'], 2: ['y']}",
            ),
            ("handles empty dict", "assert invert({}) == {}"),
            (
                "keys keep their original order",
                "assert invert({'z': 0, 'y': 0, 'x': 0}) == {0: ['z', 'y', 'x']}",
            ),
            (
                "works with string values",
                "assert invert({'ana': 'red', 'bo': 'blue', 'cy': 'red'}) == "
                "{'red': ['ana', 'cy'], 'blue': ['bo']}",
            ),
            (
                "does not change the input",
                """
                mapping = {'a': 1, 'b': 1}
                assert invert(mapping) == {1: ['a', 'b']}
                assert mapping == {'a': 1, 'b': 1}
                """,
            ),
        ),
        solution=code(
            """
            def invert(mapping: dict) -> dict:
                inverted = {}
                for key, value in mapping.items():
                    inverted.setdefault(value, []).append(key)
                return inverted
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="dicts-deep-get",
        title="Safe lookup in nested data",
        prompt=code(
            """
            Write `deep_get(data, path: str, default=None)` that follows a dotted `path` through
            nested dicts and lists, like JSON data:

            - each part of the path is a dict key, or — when the current value is a list or a
              tuple — a non-negative index written in digits (`"users.1.name"`);
            - if any step is missing (no such key, index out of range, not a number, or the
              current value is neither a dict nor a list/tuple), return `default`;
            - an empty path returns `data` itself;
            - stored falsy values (`0`, `""`, `None`) are real values, not "missing".
            """
        ),
        topic="dicts",
        difficulty="hard",
        starter_code=code(
            """
            def deep_get(data, path: str, default=None):
                # TODO: walk one path part at a time
                pass
            """
        ),
        examples=examples(
            ("deep_get({'a': {'b': [10, 20]}}, 'a.b.1')", "20"),
            ("deep_get({'a': 1}, 'a.b', 'missing')", "'missing'"),
        ),
        tests=tests(
            ("nested dicts", "assert deep_get({'a': {'b': {'c': 1}}}, 'a.b.c') == 1"),
            (
                "list index in the path",
                "assert deep_get({'users': [{'name': 'Ana'}, {'name': 'Bo'}]}, 'users.1.name') == 'Bo'",
            ),
            (
                "missing key returns the default",
                "assert deep_get({'a': 1}, 'b', '?') == '?'\nassert deep_get({'a': {}}, 'a.x', 0) == 0",
            ),
            (
                "index out of range returns the default",
                "assert deep_get({'xs': [1]}, 'xs.5', 'none') == 'none'",
            ),
            (
                "cannot step into a number or a string",
                "assert deep_get({'a': 5}, 'a.b', 'n/a') == 'n/a'\n"
                "assert deep_get({'s': 'text'}, 's.0', 'n/a') == 'n/a'",
            ),
            (
                "non-numeric index on a list returns the default",
                "assert deep_get({'xs': [1, 2]}, 'xs.first', 'd') == 'd'",
            ),
            (
                "empty path returns the data itself",
                "data = {'k': 1}\nassert deep_get(data, '') is data",
            ),
            (
                "falsy stored values are returned",
                "assert deep_get({'a': {'b': 0}}, 'a.b', 99) == 0\n"
                "assert deep_get({'a': ''}, 'a', 'x') == ''\n"
                "assert deep_get({'a': None}, 'a', 1) is None",
            ),
        ),
        solution=code(
            """
            def deep_get(data, path: str, default=None):
                if path == "":
                    return data
                current = data
                for part in path.split("."):
                    if isinstance(current, dict):
                        if part not in current:
                            return default
                        current = current[part]
                    elif isinstance(current, (list, tuple)) and part.isdecimal():
                        index = int(part)
                        if index >= len(current):
                            return default
                        current = current[index]
                    else:
                        return default
                return current
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="sets-common-letters",
        title="Letters in common",
        prompt=code(
            """
            Write `common_letters(first: str, second: str) -> set[str]` that returns the set of
            letters that appear in both strings.

            - Compare in lowercase and return lowercase letters.
            - Only letters count (`str.isalpha`): skip spaces, digits and punctuation.
            - Accented letters are letters: `"crème"` and `"brûlée"` share `{'r', 'e'}`.
            """
        ),
        topic="sets",
        difficulty="easy",
        starter_code=code(
            """
            def common_letters(first: str, second: str) -> set[str]:
                # TODO: build a set for each string, then intersect them
                pass
            """
        ),
        examples=examples(
            ("common_letters('apple', 'grape')", "{'a', 'e', 'p'}"),
            ("common_letters('abc', 'xyz')", "set()"),
        ),
        tests=tests(
            ("shared letters", "assert common_letters('apple', 'grape') == {'a', 'e', 'p'}"),
            ("no shared letters gives empty set", "assert common_letters('abc', 'xyz') == set()"),
            ("ignores case", "assert common_letters('ABC', 'cab') == {'a', 'b', 'c'}"),
            (
                "ignores spaces, digits and punctuation",
                "assert common_letters('a1 b!', 'b 1a?') == {'a', 'b'}",
            ),
            ("empty strings give empty set", "assert common_letters('', '') == set()"),
            ("handles accented letters", "assert common_letters('crème', 'brûlée') == {'r', 'e'}"),
            ("returns a set", "assert isinstance(common_letters('ab', 'ba'), set)"),
        ),
        solution=code(
            """
            def common_letters(first: str, second: str) -> set[str]:
                first_letters = {char for char in first.lower() if char.isalpha()}
                second_letters = {char for char in second.lower() if char.isalpha()}
                return first_letters & second_letters
            """
        ),
    ),
    ExerciseSpec(
        exercise_id="sets-dedupe",
        title="Remove duplicates, keep the order",
        prompt=code(
            """
            Write `dedupe(items, key=None) -> list` that returns the items of the iterable
            `items` without duplicates, keeping the **first** occurrence of each, in order.

            - With a `key` function, two items are duplicates when `key(item)` is equal:
              `dedupe(['a', 'A', 'b'], key=str.lower)` gives `['a', 'b']`.
            - Use a set to remember what you have seen, so long inputs stay fast.
            """
        ),
        topic="sets",
        difficulty="medium",
        starter_code=code(
            """
            def dedupe(items, key=None) -> list:
                seen = set()
                # TODO
                pass
            """
        ),
        examples=examples(
            ("dedupe([3, 1, 3, 2, 1])", "[3, 1, 2]"),
            ("dedupe(['a', 'A', 'b'], key=str.lower)", "['a', 'b']"),
        ),
        tests=tests(
            ("keeps the first occurrence in order", "assert dedupe([3, 1, 3, 2, 1]) == [3, 1, 2]"),
            ("handles empty list", "assert dedupe([]) == []"),
            ("list without duplicates is unchanged", "assert dedupe(['x', 'y']) == ['x', 'y']"),
            (
                "key function decides what is a duplicate",
                "assert dedupe(['Ana', 'ana', 'BO', 'bo', 'Cy'], key=str.casefold) == ['Ana', 'BO', 'Cy']",
            ),
            ("key by length", "assert dedupe(['hi', 'yo', 'hey'], key=len) == ['hi', 'hey']"),
            (
                "works with any iterable",
                "assert dedupe(x % 3 for x in range(10)) == [0, 1, 2]\n"
                "assert dedupe('mississippi') == ['m', 'i', 's', 'p']",
            ),
        ),
        solution=code(
            """
            def dedupe(items, key=None) -> list:
                seen = set()
                unique = []
                for item in items:
                    marker = item if key is None else key(item)
                    if marker not in seen:
                        seen.add(marker)
                        unique.append(item)
                return unique
            """
        ),
    ),
)
