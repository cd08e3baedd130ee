"""Cards for the built-in collections: lists, slicing, sorting, tuples, dicts and sets."""

from serve_app.domain.concepts.models import ConceptCard

CARDS: tuple[ConceptCard, ...] = (
    ConceptCard(
        concept_id="lists",
        title="Lists",
        topic="lists",
        keywords=(
            "list",
            "array",
            "append",
            "insert",
            "remove",
            "pop",
            "extend",
            "list methods",
            "add an item to a list",
            "delete from a list",
            "nested list",
            "2d list",
            "IndexError",
            "list index out of range",
        ),
        student_phrases=(
            "a bunch of values",
            "store many items",
            "collection of things in order",
            "shopping list",
            "add to the end",
            "take something out",
            "how many items",
            "list inside a list",
            "grid of values",
            "change an item at a position",
            "index out of range",
            "keep a list of names",
            "grow a list",
            "put things in square brackets",
            "put items together in a list",
        ),
        explanations={
            "beginner": (
                "A list is an ordered collection of values written in square brackets: `scores = [90, 75, 82]`. Think of a numbered shopping list that you can keep editing.\n\n"
                "Each item has a position called an *index*, starting at 0: `scores[0]` is `90`, and negative indexes count from the end, so `scores[-1]` is the last item. "
                "You can change an item (`scores[0] = 95`), add one at the end (`scores.append(68)`), remove one by value (`scores.remove(75)`) or take the last one off (`scores.pop()`). "
                "`len(scores)` tells you how many items there are.\n\n"
                "Asking for a position that does not exist, like `scores[10]` on a three-item list, stops the program with `IndexError: list index out of range`."
            ),
            "intermediate": (
                "Lists are mutable, can hold any mix of types and grow or shrink as needed. The methods to know:\n\n"
                "- `append(x)` adds one item; `extend(iterable)` adds each item of another iterable; `insert(i, x)` adds at a position\n"
                "- `remove(x)` deletes the first equal item (`ValueError` if absent); `pop(i)` removes and returns (default: the last)\n"
                "- `index(x)`, `count(x)`, `reverse()`, `sort()`; `x in lst` tests membership\n\n"
                "`lst.sort()` sorts in place and returns `None`, while `sorted(lst)` returns a new list. `+` builds a new list and `*` repeats one. "
                "Avoid adding or removing items while looping over the same list: items get skipped. Loop over a copy (`for x in lst[:]`) or build a new list with a comprehension."
            ),
            "advanced": (
                "A CPython list is a dynamic array of pointers to objects with over-allocation, so `append` and `pop()` are amortised O(1), indexing is O(1), "
                "but `insert(0, x)`, `pop(0)`, `x in lst` and `lst.index(x)` are O(n). For queues use `collections.deque`; for frequent membership tests use a `set`.\n\n"
                "Lists hold references, not values: `[obj] * 3` repeats one reference three times, and `sys.getsizeof(lst)` measures only the pointer array. "
                "`list.sort` is a stable, adaptive merge sort (Timsort; 3.11 switched its merge policy to Powersort): O(n log n) in general and close to O(n) on already-ordered runs.\n\n"
                "Slice assignment (`lst[1:3] = items`) can resize the list in place, and during `sort()` the list is temporarily empty: a key function that inspects it sees `[]`, and one that mutates it causes `ValueError: list modified during sort`."
            ),
        },
        example_code="""\
scores = [90, 75, 82]
scores.append(68)
scores.insert(0, 100)
print(scores)
print(scores[0], scores[-1], len(scores))
removed = scores.pop()
scores.remove(75)
print(removed, scores)
scores.extend([50, 60])
print(sorted(scores), scores)
print(82 in scores, scores.index(82))
""",
        example_output="""\
[100, 90, 75, 82, 68]
100 68 5
68 [100, 90, 82]
[50, 60, 82, 90, 100] [100, 90, 82, 50, 60]
True 2
""",
        check_question="What is the difference between `nums.append([4, 5])` and `nums.extend([4, 5])`?",
        check_answer="`append` adds the whole list as a single item (`[..., [4, 5]]`); `extend` adds 4 and 5 as two separate items.",
        check_accepts=(
            r"\bappend\w*\b[^.;]{0,80}?\b(one|single|whole|nested|sub-?list|inside|as (a|an|one) (item|element)|itself)\b",
            r"\bextend\w*\b[^.;]{0,80}?\b(each|separate\w*|individual\w*|two|one by one|4 and 5|unpack\w*|all the|every)\b",
        ),
        check_rejects=(
            r"\bappend\w*\b[^.;,]{0,40}?\b(each|separate\w*|individual\w*|two (items|elements))\b",
        ),
        common_mistakes=(
            "Writing `nums = nums.sort()`; `sort()` returns `None`. Use `nums.sort()` or `nums = sorted(nums)`.",
            "Looping with `for i in range(len(nums) + 1)` and hitting `IndexError` on the last step.",
            "Removing items from a list while iterating over it, which skips elements.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/datastructures.html#more-on-lists",
            "https://docs.python.org/3/library/stdtypes.html#lists",
            "https://docs.python.org/3/library/stdtypes.html#mutable-sequence-types",
        ),
    ),
    ConceptCard(
        concept_id="slicing",
        title="Indexing and slicing",
        topic="lists",
        keywords=(
            "slice",
            "slicing",
            "[start:stop]",
            "[::-1]",
            "reverse a list",
            "reverse a string",
            "step",
            "negative index",
            "negative indexing",
            "sublist",
            "substring",
            "part of a string",
            "first or last characters",
            "first n items",
            "last n items",
            "colon in brackets",
        ),
        student_phrases=(
            "part of a list",
            "first few items",
            "last item",
            "everything except the last",
            "skip every other item",
            "reverse with colons",
            "negative numbers in brackets",
            "get characters from a string",
            "cut out a piece",
            "copy a list with colon",
            "what is [1:3]",
            "from the end",
            "start stop step",
            "take a piece of a list",
            "last three",
            "every second item",
        ),
        explanations={
            "beginner": (
                'Slicing takes a piece out of a sequence (a list, a string, a tuple). `word[start:stop]` gives the items from `start` up to, *but not including*, `stop`: `"python"[0:2]` is `"py"`.\n\n'
                "Leave out `start` to begin at the front (`word[:3]`), leave out `stop` to go to the end (`word[3:]`). Negative numbers count from the end, so `word[-3:]` is the last three characters. "
                "An optional third number is the step: `word[::2]` takes every second item and `word[::-1]` walks backwards, which reverses it.\n\n"
                'Imagine the indexes as the cuts *between* slices of a loaf of bread: `[1:4]` means "from cut 1 to cut 4", which is three slices.'
            ),
            "intermediate": (
                "The full form is `seq[start:stop:step]`, and it works on lists, strings, tuples, `range` objects and any sequence. Slices are half-open, so `len(s[i:j]) == j - i` "
                "(for in-range indexes) and `s[:i] + s[i:] == s` always holds.\n\n"
                "Unlike indexing, slicing never raises `IndexError`: out-of-range bounds are clamped, so `nums[10:]` is just `[]`. A slice is a new object (a shallow copy); `lst[:]` is a common way to copy a list. "
                "With a negative step the defaults flip: `s[::-1]` starts at the end and stops past the beginning.\n\n"
                'On lists you can assign to a slice to replace, insert or delete several items at once: `lst[1:3] = ["a"]` replaces two items with one, `lst[:0] = [x, y]` inserts at the front.'
            ),
            "advanced": (
                "`a[i:j:k]` is sugar for `a.__getitem__(slice(i, j, k))`; `slice(i, j, k).indices(len(a))` shows the normalised `(start, stop, step)`. "
                "Your own classes support slicing by checking `isinstance(key, slice)` in `__getitem__`.\n\n"
                "Slicing built-in sequences copies: O(k) time and memory for a slice of k items, which adds up inside loops (e.g. recursive binary search that slices the list each call is O(n) per call). "
                "Pass indexes instead, use `itertools.islice` for iterators, or `memoryview` for zero-copy slices of bytes. NumPy slices are views rather than copies, a frequent source of confusion.\n\n"
                "Extended slice assignment with a step requires matching lengths: `lst[::2] = [1]` raises `ValueError` unless the slice has exactly one element. "
                "`s[::-1]` reverses code points, so a string with combining characters or emoji sequences can come out visually scrambled."
            ),
        },
        example_code="""\
word = "python"
print(word[0:2], word[2:], word[:-2])
print(word[::-1], word[::2])
nums = [0, 1, 2, 3, 4, 5]
print(nums[1:4], nums[-3:], nums[10:])
nums[1:3] = ["a"]
print(nums)
duplicate = nums[:]
print(duplicate == nums, duplicate is nums)
""",
        example_output="""\
py thon pyth
nohtyp pto
[1, 2, 3] [3, 4, 5] []
[0, 'a', 3, 4, 5]
True False
""",
        check_question="For `letters = ['a', 'b', 'c', 'd', 'e']`, what is `letters[1:4]` and what is `letters[-2:]`?",
        check_answer="`['b', 'c', 'd']` (index 4 is excluded) and `['d', 'e']` (the last two items).",
        check_accepts=(
            r"(?<![a-z])'?b'?\s*,\s*'?c'?\s*,\s*'?d(?![a-z])(?!'?\s*,\s*'?e).*(?<![a-z])'?d'?\s*,\s*'?e(?![a-z])",
        ),
        common_mistakes=(
            "Expecting the stop index to be included: `s[0:3]` has three items, indexes 0, 1 and 2.",
            "Thinking a slice of a list is a view; changing the slice does not change the original list.",
            "Writing `s[-1:0]` to reverse; with a positive default step that is empty. Use `s[::-1]`.",
        ),
        references=(
            "https://docs.python.org/3/library/stdtypes.html#common-sequence-operations",
            "https://docs.python.org/3/reference/expressions.html#slicings",
            "https://docs.python.org/3/glossary.html#term-slice",
        ),
    ),
    ConceptCard(
        concept_id="sorting-with-key",
        title="Sorting with sorted(), list.sort() and key functions",
        topic="lists",
        keywords=(
            "sort",
            "sorted",
            "sort()",
            "key function",
            "key=",
            "sort by",
            "sort by second element",
            "sort dictionary by value",
            "reverse=True",
            "descending order",
            "custom sort order",
            "itemgetter",
            "max with key",
            "stable sort",
        ),
        student_phrases=(
            "put in order",
            "alphabetical order",
            "biggest to smallest",
            "smallest to largest",
            "order by age",
            "sort by length",
            "sort by the second thing",
            "sort a list of dictionaries",
            "rank the scores",
            "order by a field",
            "highest score first",
            "sort without changing the original",
            "sort returns none",
            "order names ignoring case",
            "find the longest word",
            "order a list",
            "sort in reverse",
            "sort by a custom rule",
            "sorted vs sort",
        ),
        explanations={
            "beginner": (
                "`sorted(items)` gives you a new list in order, leaving the original alone; `items.sort()` puts the list itself in order. Add `reverse=True` for largest first.\n\n"
                "To sort by something other than the items themselves, give a `key`: a function that says *what to measure* for each item. "
                "`sorted(words, key=len)` puts the shortest word first, because it measures each word's length.\n\n"
                'It is like lining up a class by height: the students are the items, and "height" is the key you compare.'
            ),
            "intermediate": (
                "The key function is called once per item, and items are ordered by the values it returns. Common keys:\n\n"
                "- `key=len`, `key=str.lower` (case-insensitive), `key=abs`\n"
                "- `key=lambda pair: pair[1]` or `operator.itemgetter(1)` to sort tuples by their second element\n"
                "- `sorted(d.items(), key=lambda kv: kv[1])` to sort a dict by value\n"
                "- return a tuple for several criteria: `key=lambda s: (-s.score, s.name)` is score descending, then name ascending\n\n"
                "`list.sort()` returns `None`, and it only exists on lists; `sorted()` accepts any iterable. `min()` and `max()` take a `key` too. "
                "Python's sort is *stable*: items with equal keys keep their original order, so you can sort by a secondary key first and then by the primary key."
            ),
            "advanced": (
                "The sort is an adaptive, stable merge sort (Timsort, with Powersort merging since 3.11): O(n log n) comparisons in the worst case and near O(n) on data with existing runs. "
                "Keys are computed exactly once per element and cached (decorate-sort-undecorate), so an expensive key is fine.\n\n"
                "Python 3 removed `cmp=`; wrap an old two-argument comparator with `functools.cmp_to_key`. Sorting values that cannot be compared (say `int` and `str`) raises `TypeError`, "
                "and NaN breaks the ordering silently because every comparison with it is `False`.\n\n"
                "For the k largest of n items, `heapq.nlargest(k, items, key=...)` is O(n log k). To keep a list sorted as you insert, use `bisect.insort` (which accepts `key=` since 3.10). "
                "For human-language order use `key=locale.strxfrm` after setting a locale."
            ),
        },
        example_code="""\
words = ["banana", "Cherry", "apple", "fig"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
ages = {"ana": 31, "ben": 25, "cy": 31}
by_age = sorted(ages.items(), key=lambda pair: (-pair[1], pair[0]))
print(by_age)
print(max(words, key=len))
words.sort(key=len)
print(words)
""",
        example_output="""\
['Cherry', 'apple', 'banana', 'fig']
['apple', 'banana', 'Cherry', 'fig']
['banana', 'Cherry', 'apple', 'fig']
[('ana', 31), ('cy', 31), ('ben', 25)]
banana
['fig', 'apple', 'banana', 'Cherry']
""",
        check_question="How do you sort a list of `(name, score)` tuples from highest score to lowest?",
        check_answer="`sorted(pairs, key=lambda pair: pair[1], reverse=True)` (or `key=operator.itemgetter(1)`).",
        check_accepts=(
            r"\bkey\s*=",
            r"\[\s*1\s*\]|itemgetter\(\s*1\s*\)",
            r"reverse\s*=\s*true|-\s*\w+\s*\[\s*1\s*\]",
        ),
        common_mistakes=(
            "Assigning the result of `list.sort()`, which is `None`.",
            "Calling the key function instead of passing it: `key=len()` instead of `key=len`.",
            "Expecting uppercase and lowercase words to interleave; plain sorting puts all capitals first. Use `key=str.lower`.",
        ),
        references=(
            "https://docs.python.org/3/howto/sorting.html",
            "https://docs.python.org/3/library/functions.html#sorted",
            "https://docs.python.org/3/library/stdtypes.html#list.sort",
            "https://docs.python.org/3/library/operator.html#operator.itemgetter",
        ),
    ),
    ConceptCard(
        concept_id="tuples-and-unpacking",
        title="Tuples and unpacking",
        topic="tuples",
        keywords=(
            "tuple",
            "tuples",
            "unpacking",
            "tuple unpacking",
            "packing",
            "return multiple values",
            "return two values",
            "immutable list",
            "namedtuple",
            "single element tuple",
            "tuple vs list",
            "star unpacking",
            "too many values to unpack",
        ),
        student_phrases=(
            "a list you can't change",
            "fixed group of values",
            "return two things from a function",
            "split a pair into two variables",
            "coordinates x and y",
            "a, b = b, a",
            "first, *rest",
            "pair of values",
            "unpack a list into variables",
            "values in parentheses",
            "comma makes a tuple",
            "use as a dictionary key",
            "record of fields",
            "give many names at once",
            "parentheses with commas",
            "star to collect the rest",
            "two values at once",
        ),
        explanations={
            "beginner": (
                "A tuple is like a list in round brackets that cannot be changed once it is made: `point = (3, 4)`. Use a tuple for a small, fixed group of values that belong together, "
                "such as coordinates, a colour `(255, 0, 0)` or a date.\n\n"
                "If a list is a shopping list you keep editing, a tuple is a printed ticket: you can read it, but not change it. You read items by index (`point[0]`) or *unpack* them into names in one go: `x, y = point`.\n\n"
                "Functions use tuples to give back several results at once: `return smallest, largest`, and the caller writes `low, high = min_max(numbers)`."
            ),
            "intermediate": (
                "The comma makes a tuple, not the parentheses: `t = 1, 2` is a tuple, and a one-item tuple needs a trailing comma, `(5,)`; `(5)` is just the number 5.\n\n"
                'Tuples are immutable, and if all their items are hashable so is the tuple, which lets you use them as dict keys or set members: `{(0, 0): "origin"}`.\n\n'
                "Unpacking works with any iterable and in many places: `a, b = b, a` swaps, `for name, score in pairs:` unpacks in loops, `first, *rest = items` collects the remainder in a list, "
                "and nested patterns like `(x, y), label = item` work too. A count mismatch raises `ValueError: too many values to unpack` (or *not enough*).\n\n"
                "Use tuples for records of different things (name, age), lists for many things of the same kind; `collections.namedtuple` or `typing.NamedTuple` give tuple fields names."
            ),
            "advanced": (
                "A tuple is a fixed-size array of references, a little smaller and faster to create than a list; tuples of constants are folded into the code object at compile time, and CPython keeps free lists for small tuples.\n\n"
                "A tuple's hash combines its items' hashes (an xxHash-based scheme since 3.8), so a tuple containing a list is unhashable and raises `TypeError` when used as a key. "
                "Immutability is shallow: the list inside `([],)` can still be mutated.\n\n"
                "`a, b = b, a` compiles to a stack swap without building a tuple. Starred assignment always produces a list, even from a tuple. "
                "`namedtuple` generates a class with `_fields`, `_replace()` and `_asdict()`; when you need mutability, defaults with logic or methods, a dataclass (optionally `frozen=True`) is the better record type."
            ),
        },
        example_code="""\
point = (3, 4)
x, y = point
print(x, y)


def min_max(numbers):
    return min(numbers), max(numbers)


low, high = min_max([4, 9, 1, 7])
print(low, high)
first, *rest = [10, 20, 30, 40]
print(first, rest)
single = (5,)
print(type(single).__name__, type((5)).__name__)
labels = {(0, 0): "origin", (1, 0): "east"}
print(labels[(1, 0)])
""",
        example_output="""\
3 4
1 9
10 [20, 30, 40]
tuple int
east
""",
        check_question="What is the type of `(7)` and of `(7,)`?",
        check_answer="`(7)` is the `int` 7 (parentheses only group); `(7,)` is a one-element `tuple`, because the comma creates the tuple.",
        check_accepts=(r"\bint(eger)?\b.*\btuple\b",),
        check_rejects=(r"\bboth\b[^.;]{0,20}\b(tuples?|ints?|integers?)\b",),
        common_mistakes=(
            "Forgetting the trailing comma in a one-element tuple.",
            "Trying to change an item with `t[0] = ...` (`TypeError: 'tuple' object does not support item assignment`).",
            "Unpacking into the wrong number of names (`ValueError: too many values to unpack`).",
        ),
        references=(
            "https://docs.python.org/3/tutorial/datastructures.html#tuples-and-sequences",
            "https://docs.python.org/3/library/stdtypes.html#tuples",
            "https://docs.python.org/3/library/collections.html#collections.namedtuple",
        ),
    ),
    ConceptCard(
        concept_id="dicts",
        title="Dictionaries",
        topic="dicts",
        keywords=(
            "dict",
            "dictionary",
            "key value pair",
            "hash map",
            "hashmap",
            "lookup table",
            "keys",
            "values",
            "items",
            "get",
            "KeyError",
            "setdefault",
            "defaultdict",
            "Counter",
            "count occurrences",
            "iterate over a dictionary",
            "merge dictionaries",
        ),
        student_phrases=(
            "look up by name",
            "phone book",
            "pairs of key and value",
            "count how many times each word",
            "store info about a person",
            "map names to scores",
            "look something up fast",
            "add a new entry",
            "key not found error",
            "loop over keys and values",
            "curly braces with colons",
            "word counts",
            "translate words like a dictionary",
            "default when key is missing",
            "store things by name",
            "find a value by its key",
            "count each item",
            "keys and values",
            "a label for each value",
        ),
        explanations={
            "beginner": (
                'A dictionary stores pairs: a *key* and its *value*, like a real dictionary (word to definition) or a phone book (name to number). `ages = {"ana": 31, "ben": 25}`.\n\n'
                'Look a value up by its key with `ages["ana"]`, and add or change one with `ages["cy"] = 40`. '
                'Asking for a key that is not there with square brackets stops the program with `KeyError`; `ages.get("dan")` returns `None` instead (or a default: `ages.get("dan", 0)`).\n\n'
                "Loop over the pairs with `for name, age in ages.items():`."
            ),
            "intermediate": (
                "Keys must be hashable (strings, numbers, tuples of immutables); values can be anything. `key in d` checks keys, not values. "
                "`d.keys()`, `d.values()` and `d.items()` return live *views* that reflect later changes. Since Python 3.7 dicts keep insertion order.\n\n"
                "Everyday idioms:\n\n"
                "- counting: `counts[w] = counts.get(w, 0) + 1`, or `collections.Counter(words)`\n"
                "- grouping: `groups.setdefault(key, []).append(item)`, or `collections.defaultdict(list)`\n"
                "- merging: `merged = defaults | overrides` (3.9+) or `d.update(other)`\n"
                "- removing: `del d[k]`, or `d.pop(k, None)` when the key may be missing\n\n"
                "Adding or removing keys while iterating over a dict raises `RuntimeError: dictionary changed size during iteration`; iterate over `list(d)` instead."
            ),
            "advanced": (
                "A dict is a hash table: lookup, insertion and deletion are O(1) on average and O(n) in the pathological all-collisions case. "
                "Since 3.6 CPython uses a *compact* layout: a dense array of entries in insertion order plus a sparse index table, which saves memory and gives ordering for free. "
                "Instance `__dict__`s of the same class can share their keys (key-sharing dicts).\n\n"
                "The hash contract: equal keys must have equal hashes, and a key's hash must not change while it is in a dict. Hence `1`, `1.0` and `True` are the *same* key, "
                "and mutable objects are not allowed as keys. String hashes are randomised per process, which changes set iteration order between runs but not dict order.\n\n"
                "Subclasses can define `__missing__` to handle absent keys (this is how `defaultdict` and `Counter` work). The table resizes when it is about two-thirds full, so a single insertion is occasionally O(n)."
            ),
        },
        example_code="""\
ages = {"ana": 31, "ben": 25}
ages["cy"] = 40
print(ages["ana"], ages.get("dan"), ages.get("dan", 0))
for name, age in ages.items():
    print(f"{name} is {age}")
counts = {}
for word in "the cat and the hat".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print("ben" in ages, 25 in ages)
print({1: "int", True: "bool"})
""",
        example_output="""\
31 None 0
ana is 31
ben is 25
cy is 40
{'the': 2, 'cat': 1, 'and': 1, 'hat': 1}
True False
{1: 'bool'}
""",
        check_question="What is the difference between `d['x']` and `d.get('x')` when `'x'` is not a key?",
        check_answer="`d['x']` raises `KeyError`; `d.get('x')` returns `None` (or the default you pass as the second argument).",
        check_accepts=(
            r"key\s*error|\braises?\b|\berror\b|exception|crash",
            r"\b(none|default)\b",
        ),
        check_rejects=(
            r"\bget\b[^.;,]{0,40}?(key\s*error|\braises?\b|\berror\b)",
            r"\bboth\b[^.;]{0,30}(none|error|raise)",
        ),
        common_mistakes=(
            "Checking `value in d` and expecting it to search the values; it searches keys. Use `value in d.values()`.",
            "Using a list as a key (`TypeError: unhashable type: 'list'`); use a tuple.",
            "Deleting keys while looping over the dict itself.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/datastructures.html#dictionaries",
            "https://docs.python.org/3/library/stdtypes.html#mapping-types-dict",
            "https://docs.python.org/3/library/collections.html#collections.defaultdict",
            "https://docs.python.org/3/library/collections.html#collections.Counter",
        ),
    ),
    ConceptCard(
        concept_id="sets",
        title="Sets",
        topic="sets",
        keywords=(
            "set",
            "sets",
            "unique values",
            "remove duplicates",
            "deduplicate",
            "union",
            "intersection",
            "difference",
            "symmetric difference",
            "frozenset",
            "membership test",
            "distinct values",
            "empty set",
            "subset",
        ),
        student_phrases=(
            "no duplicates",
            "unique items",
            "remove repeats",
            "items in both lists",
            "combine without repeats",
            "check membership fast",
            "collection without order",
            "compare two groups",
            "what two lists have in common",
            "distinct values",
            "curly braces without colons",
            "venn diagram",
            "what two groups share",
            "difference of two lists",
            "unique words",
        ),
        explanations={
            "beginner": (
                'A set is a collection with no duplicates and no particular order: `colours = {"red", "green"}`. Think of a bag of unique stickers: adding a sticker you already have changes nothing.\n\n'
                'Sets are perfect for two jobs: removing duplicates (`set(my_list)`) and quickly asking "is this in here?" (`"red" in colours`). '
                "You can also combine sets: `a | b` (everything in either), `a & b` (only what both have) and `a - b` (in `a` but not in `b`).\n\n"
                "Careful: `{}` is an empty *dictionary*; an empty set is written `set()`."
            ),
            "intermediate": (
                "Set elements must be hashable. Useful methods: `add(x)`, `update(iterable)`, `discard(x)` (no error if missing) versus `remove(x)` (raises `KeyError`), and `pop()` (removes an arbitrary element).\n\n"
                "Operators `|`, `&`, `-`, `^` (symmetric difference) need sets on both sides; the method forms `union()`, `intersection()` and so on accept any iterable. "
                "`<=` and `<` test subset and proper subset.\n\n"
                "Membership is O(1) on average versus O(n) for a list, so convert a list you search many times into a set. Sets have no indexes and their iteration order is arbitrary: use `sorted(s)` for display. "
                "To deduplicate while keeping the original order use `list(dict.fromkeys(items))`. `frozenset` is the immutable, hashable variant that can itself go in a set or be a dict key."
            ),
            "advanced": (
                "A set is a hash table that stores only keys (open addressing with a mix of linear probing and perturbation). "
                "Iteration order depends on hash values and insertion/deletion history. String hashes are randomised per process, so a set of strings can print in a different order on each run; "
                "small ints only *look* sorted because their hash is the value itself. Never rely on set order in output or tests.\n\n"
                "The hash/equality contract applies: `{1, 1.0, True}` has one element. Operation costs: `x in s` O(1) average, `a & b` O(min(len(a), len(b))), `a | b` O(len(a) + len(b)). "
                "In-place operators (`|=`, `&=`, `-=`) avoid building a new set. Sets use noticeably more memory per element than lists, the price of constant-time lookup."
            ),
        },
        example_code="""\
colours = ["red", "blue", "red", "green", "blue"]
unique = set(colours)
print(sorted(unique), len(unique))
print(list(dict.fromkeys(colours)))
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b)
print({1, 2} <= a, "red" in unique)
empty = set()
print(type({}).__name__, type(empty).__name__)
""",
        example_output="""\
['blue', 'green', 'red'] 3
['red', 'blue', 'green']
{1, 2, 3, 4, 5} {3, 4} {1, 2} {1, 2, 5}
True True
dict set
""",
        check_question="How can you find the items that appear in both `list_a` and `list_b`?",
        check_answer="Convert them to sets and intersect: `set(list_a) & set(list_b)` (or `set(list_a).intersection(list_b)`).",
        check_accepts=(r"&|intersect|\bin\s+(list_b|list_a|the other)",),
        common_mistakes=(
            "Writing `{}` for an empty set; that is an empty dict.",
            "Expecting a set to keep insertion order or support indexing (`s[0]` raises `TypeError`).",
            "Putting lists into a set (`TypeError: unhashable type: 'list'`); use tuples.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/datastructures.html#sets",
            "https://docs.python.org/3/library/stdtypes.html#set-types-set-frozenset",
            "https://docs.python.org/3/glossary.html#term-hashable",
        ),
    ),
)
