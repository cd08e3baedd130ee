"""Cards for recursion, comprehensions, iterators and generators."""

from serve_app.domain.concepts.models import ConceptCard

CARDS: tuple[ConceptCard, ...] = (
    ConceptCard(
        concept_id="recursion",
        title="Recursion",
        topic="recursion",
        keywords=(
            "recursion",
            "recursive function",
            "recursive",
            "base case",
            "recursive case",
            "call stack",
            "RecursionError",
            "maximum recursion depth exceeded",
            "factorial",
            "fibonacci",
            "function calls itself",
            "memoization",
            "divide and conquer",
        ),
        student_phrases=(
            "function calls itself",
            "stop condition",
            "factorial",
            "fibonacci",
            "maximum depth error",
            "tree of folders",
            "break a problem into smaller copies",
            "base case missing",
            "crashes after too many calls",
            "walk through nested data",
            "solve by calling the same function",
            "towers of hanoi",
            "calls itself again",
            "recursive",
            "smaller version of the same problem",
            "sum nested lists",
            "stack overflow",
        ),
        explanations={
            "beginner": (
                "A recursive function solves a problem by calling *itself* on a smaller version of the same problem. Every recursive function needs two parts:\n\n"
                "- a **base case**: a version so small you can answer it directly (this is where it stops), and\n"
                "- a **recursive case**: shrink the problem a little and call the function again.\n\n"
                "Think of Russian nesting dolls: to reach the smallest doll you open a doll, find a smaller doll inside, and repeat until one does not open. "
                "For example, `5!` (factorial) is `5 * 4!`, `4!` is `4 * 3!`, and so on down to the base case `1! = 1`."
            ),
            "intermediate": (
                "Each call gets its own *frame* on the call stack with its own local variables. The calls pile up until a base case is reached; then the results are passed back as the calls return, in reverse order.\n\n"
                "Every recursive call must move closer to a base case. If it never gets there, Python stops with `RecursionError: maximum recursion depth exceeded` (the default limit is about 1000 frames).\n\n"
                "Recursion fits self-similar data naturally: nested lists, trees, directory structures, and divide-and-conquer algorithms such as merge sort and binary search. "
                "Beware of repeated work: naive recursive Fibonacci takes exponential time because it recomputes the same values; caching results with `@functools.cache` makes it linear. "
                "When a loop is just as clear, prefer the loop."
            ),
            "advanced": (
                "CPython deliberately has no tail-call optimisation (it would erase traceback frames), so recursion depth is bounded by `sys.getrecursionlimit()`. "
                "Raising the limit with `sys.setrecursionlimit` trades the `RecursionError` for the risk of exhausting the real stack. "
                "3.11 runs Python-to-Python calls without nesting C calls, which makes deep pure-Python recursion safer, but the limit still applies and every frame costs memory and time.\n\n"
                "Deep or unbounded recursion (long linked structures, graph DFS) should become iteration with an explicit stack. "
                "Analyse running time with recurrences: `T(n) = 2T(n/2) + O(n)` gives O(n log n) for merge sort, while `T(n) = T(n-1) + T(n-2)` grows like φⁿ. "
                "Memoisation turns that into O(n) time at the cost of O(n) memory; cached functions need hashable arguments."
            ),
        },
        example_code="""\
import functools


def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def flatten(items):
    result = []
    for item in items:
        if isinstance(item, list):
            result.extend(flatten(item))
        else:
            result.append(item)
    return result


@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def no_base_case(n):
    return no_base_case(n - 1)


print(factorial(5))
print(flatten([1, [2, [3, 4]], 5]))
print(fib(50))
try:
    no_base_case(3)
except RecursionError as error:
    print("RecursionError:", error)
""",
        example_output="""\
120
[1, 2, 3, 4, 5]
12586269025
RecursionError: maximum recursion depth exceeded
""",
        check_question="What are the base case and the recursive case of `factorial(n)`?",
        check_answer="Base case: `n <= 1` returns `1`. Recursive case: `n * factorial(n - 1)`, which moves towards the base case.",
        check_accepts=(
            r"\bn\s*(<=|==|<|=|is|equals)\s*[01]\b|\b(0|1|zero|one)\b[^.;]{0,20}(return|->)|base case[^.;]{0,40}\b(0|1|zero|one)\b",
            r"\bn\s*\*\s*factorial\s*\(\s*n\s*-\s*1\s*\)|factorial\s*\(\s*n\s*-\s*1\s*\)\s*\*\s*n\b",
        ),
        check_rejects=(r"base case\W+(is\s+)?(returns?\s+)?n\s*\*",),
        common_mistakes=(
            "Forgetting the base case, or writing one that is never reached, which ends in `RecursionError`.",
            "Calling the function recursively but not returning its result (`factorial(n - 1)` instead of `return n * factorial(n - 1)`).",
            "Using naive recursion for overlapping subproblems (like Fibonacci) without memoisation.",
        ),
        references=(
            "https://docs.python.org/3/library/sys.html#sys.setrecursionlimit",
            "https://docs.python.org/3/library/exceptions.html#RecursionError",
            "https://docs.python.org/3/library/functools.html#functools.cache",
        ),
    ),
    ConceptCard(
        concept_id="list-comprehensions",
        title="List comprehensions",
        topic="comprehensions",
        keywords=(
            "list comprehension",
            "comprehension",
            "listcomp",
            "one-line for loop",
            "for loop in one line",
            "[x for x in",
            "if in a comprehension",
            "nested comprehension",
            "if else in a list comprehension",
            "build a new list",
            "flatten a list of lists",
        ),
        student_phrases=(
            "make a list in one line",
            "square brackets with for inside",
            "build a list from another list",
            "shorter way to write a loop that appends",
            "filter a list in one line",
            "transform every item into a new list",
            "[x*2 for x in",
            "loop inside brackets",
            "flatten a list of lists",
            "new list with an if",
            "list of squares",
            "list comprehension",
            "one-line list",
            "new list with only some items",
            "for inside a list",
            "quick way to make a list",
        ),
        explanations={
            "beginner": (
                "A list comprehension builds a new list from another collection in a single line:\n\n"
                "`squares = [n * n for n in numbers]`\n\n"
                'Read it as: *"n times n, for each n in numbers"*. You can add a filter at the end: `[n for n in numbers if n > 0]` keeps only the positive numbers.\n\n'
                'It is like telling a helper "give me a slice of every apple in the basket" instead of describing each step (pick an apple, slice it, put the slice on the plate, repeat). '
                "It does the same job as a `for` loop that appends to an empty list, just shorter."
            ),
            "intermediate": (
                "The general form is `[expression for item in iterable if condition]`, equivalent to:\n\n"
                "```python\nresult = []\nfor item in iterable:\n    if condition:\n        result.append(expression)\n```\n\n"
                '- To choose *between two values*, put a conditional expression in front: `["even" if n % 2 == 0 else "odd" for n in nums]`. (An `if` at the end filters; an `if ... else` at the front transforms.)\n'
                "- Several `for` clauses nest left to right, as in the equivalent loops: `[x for row in grid for x in row]` flattens a grid.\n"
                "- The loop variable does not leak out of the comprehension.\n\n"
                "Use comprehensions to transform or filter data; use a regular loop when you need side effects (printing, writing files) or the logic no longer fits comfortably on one line."
            ),
            "advanced": (
                "In 3.11 a comprehension is compiled into a hidden nested function that is called immediately (3.12's PEP 709 inlines list, dict and set comprehensions). "
                "That gives it its own scope, which is why a comprehension in a class body cannot see class attributes, except in the outermost iterable, which is evaluated in the enclosing scope.\n\n"
                "Comprehensions beat an explicit `append` loop because the `LIST_APPEND` opcode skips the attribute lookup and method call on each iteration, though the difference is modest. "
                "The whole list is materialised: for large or streaming data, a generator expression keeps memory constant.\n\n"
                "An assignment expression inside a comprehension binds in the *containing* scope: `[y for x in data if (y := f(x)) is not None]` calls `f` once per item. "
                "More than two nested `for` clauses, or nested comprehensions, usually read better as plain loops or helper functions."
            ),
        },
        example_code="""\
numbers = [3, -1, 4, -5, 9]
squares = [n * n for n in numbers]
positives = [n for n in numbers if n > 0]
labels = ["even" if n % 2 == 0 else "odd" for n in numbers]
print(squares)
print(positives)
print(labels)
grid = [[1, 2], [3, 4], [5, 6]]
print([value for row in grid for value in row])
print([[row[i] for row in grid] for i in range(2)])
loop_result = []
for n in numbers:
    if n > 0:
        loop_result.append(n * 10)
print(loop_result == [n * 10 for n in numbers if n > 0])
""",
        example_output="""\
[9, 1, 16, 25, 81]
[3, 4, 9]
['odd', 'odd', 'even', 'odd', 'odd']
[1, 2, 3, 4, 5, 6]
[[1, 3, 5], [2, 4, 6]]
True
""",
        check_question="Write a list comprehension that gives the lengths of the words in `words` that are longer than 3 letters.",
        check_answer="`[len(w) for w in words if len(w) > 3]`",
        check_accepts=(
            r"\[\s*len\(\s*(\w+)\s*\)\s+for\s+\1\s+in\s+words\s+if\s+len\(\s*\1\s*\)\s*(>\s*3|>=\s*4)\s*\]",
        ),
        common_mistakes=(
            "Putting `if ... else` at the end (`[x for x in xs if x > 0 else 0]` is a `SyntaxError`); a conditional expression goes before `for`.",
            "Using a comprehension only for its side effects (`[print(x) for x in xs]`), which builds a useless list of `None`.",
            "Writing nested `for` clauses in the wrong order.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/datastructures.html#list-comprehensions",
            "https://docs.python.org/3/tutorial/datastructures.html#nested-list-comprehensions",
            "https://docs.python.org/3/reference/expressions.html#displays-for-lists-sets-and-dictionaries",
        ),
    ),
    ConceptCard(
        concept_id="dict-set-comprehensions",
        title="Dict and set comprehensions and generator expressions",
        topic="comprehensions",
        keywords=(
            "dict comprehension",
            "dictionary comprehension",
            "set comprehension",
            "generator expression",
            "genexp",
            "{k: v for",
            "invert a dictionary",
            "swap keys and values",
            "filter a dictionary",
            "sum with a generator",
            "tuple comprehension",
        ),
        student_phrases=(
            "make a dict in one line",
            "swap keys and values",
            "build a dictionary from a list",
            "sum without making a list",
            "comprehension without brackets in sum",
            "filter a dictionary in one line",
            "(x for x in",
            "dictionary from two lists in one line",
            "generator expression",
            "dict comprehension",
            "set comprehension",
            "generator expression versus list comprehension",
            "comprehension for a dictionary",
        ),
        explanations={
            "beginner": (
                "The comprehension idea works for other collections too:\n\n"
                "- `{name: len(name) for name in names}` builds a **dictionary** (note the `key: value` part)\n"
                "- `{word[0] for word in words}` builds a **set**, so duplicates disappear\n"
                "- `sum(n * n for n in numbers)` uses a **generator expression**: the values are produced one at a time and handed straight to `sum`, without building a list first\n\n"
                "Think of a generator expression as a tap that pours one value at a time, where a list comprehension fills a whole bucket first."
            ),
            "intermediate": (
                "A dict comprehension has the form `{key_expr: value_expr for item in iterable if condition}`; if two items produce the same key, the later one wins. "
                "Typical uses: filtering (`{k: v for k, v in prices.items() if v < 10}`), transforming values, and inverting a mapping (`{v: k for k, v in d.items()}`, which loses entries if values repeat).\n\n"
                "A set comprehension uses braces without a colon. A generator expression uses parentheses, which may be dropped when it is the sole argument of a call: `max(len(w) for w in words)`. "
                "It is lazy and single-use: once consumed it is empty. There is no tuple comprehension; `(x for x in xs)` is a generator, so write `tuple(x for x in xs)`."
            ),
            "advanced": (
                "A generator expression evaluates its outermost iterable immediately (so `(x for x in 5)` fails at once) but everything else lazily, as values are requested. "
                "Memory is O(1) versus O(n) for a list: `sum(x * x for x in range(10**7))` never holds ten million ints. "
                "Per item, though, resuming a generator costs more than appending to a list, so for small inputs `sum([...])` can be slightly faster.\n\n"
                "Since 3.8 a dict comprehension evaluates the key before the value. In 3.11 each comprehension runs in its own hidden function scope (PEP 709 inlined dict, list and set comprehensions in 3.12; generator expressions remain real generators). "
                "`any()` and `all()` with a generator expression short-circuit, stopping at the first decisive item, which can save a lot of work."
            ),
        },
        example_code="""\
names = ["ada", "grace", "linus", "guido"]
lengths = {name: len(name) for name in names}
print(lengths)
initials = {name[0] for name in names}
print(sorted(initials))
prices = {"tea": 3, "cake": 12, "juice": 5}
cheap = {item: price for item, price in prices.items() if price < 10}
print(cheap)
by_price = {price: item for item, price in prices.items()}
print(by_price[12])
print(sum(n * n for n in range(5)))
squares = (n * n for n in range(3))
print(list(squares), list(squares))
""",
        example_output="""\
{'ada': 3, 'grace': 5, 'linus': 5, 'guido': 5}
['a', 'g', 'l']
{'tea': 3, 'juice': 5}
cake
30
[0, 1, 4] []
""",
        check_question="Given `scores = {'ana': 81, 'ben': 47}`, write a dict comprehension that keeps only the scores of 50 or more.",
        check_answer="`{name: s for name, s in scores.items() if s >= 50}`, which gives `{'ana': 81}`.",
        check_accepts=(
            r"\{\s*(\w+)\s*:\s*(\w+)\s+for\s+\1\s*,\s*\2\s+in\s+scores\.items\(\s*\)\s+if\s+\2\s*(>=\s*50|>\s*49)\s*\}|\{\s*(\w+)\s*:\s*scores\[\s*\4\s*\]\s+for\s+\4\s+in\s+scores(\.keys\(\s*\))?\s+if\s+scores\[\s*\4\s*\]\s*(>=\s*50|>\s*49)\s*\}",
        ),
        common_mistakes=(
            "Expecting `(x for x in xs)` to be a tuple; it is a generator.",
            "Iterating over a generator expression twice; the second pass is empty.",
            "Inverting a dict whose values are not unique and silently losing entries.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/datastructures.html#dictionaries",
            "https://docs.python.org/3/reference/expressions.html#dictionary-displays",
            "https://docs.python.org/3/reference/expressions.html#generator-expressions",
            "https://docs.python.org/3/howto/functional.html#generator-expressions-and-list-comprehensions",
        ),
    ),
    ConceptCard(
        concept_id="iterators",
        title="Iterables and iterators",
        topic="iterators",
        keywords=(
            "iterator",
            "iterable",
            "iter()",
            "next()",
            "StopIteration",
            "__iter__",
            "__next__",
            "iterator protocol",
            "exhausted iterator",
            "lazy evaluation",
            "itertools",
            "iterable vs iterator",
            "object is not iterable",
        ),
        student_phrases=(
            "can only loop once",
            "second loop gives nothing",
            "next() function",
            "what can be looped over",
            "make my class loopable",
            "for loop behind the scenes",
            "not iterable error",
            "used up",
            "get the next item",
            "stopiteration",
            "iter function",
            "lazy values",
            "exhausted",
            "iterable",
            "iterator",
            "next item",
        ),
        explanations={
            "beginner": (
                "An *iterable* is anything you can loop over with `for`: lists, strings, dictionaries, files, `range(...)`. "
                "Behind the scenes, `for` asks the iterable for an *iterator*, a helper that remembers where you are and hands out the next item each time it is asked.\n\n"
                "Think of a book (the iterable) and a bookmark (the iterator). Many bookmarks can sit in the same book, and a bookmark only moves forward. "
                "You can move it by hand: `it = iter(letters)` makes a bookmark and `next(it)` gives the next item."
            ),
            "intermediate": (
                "`iter(obj)` returns an iterator; `next(it)` returns the next item or raises `StopIteration` when there are none left (`next(it, default)` returns the default instead). "
                "A `for` loop simply does this for you and stops quietly at `StopIteration`.\n\n"
                "Iterators are single-pass: once exhausted they stay empty. `zip`, `map`, `filter`, `enumerate`, file objects and generators are iterators, "
                "whereas lists, tuples, strings, dicts and ranges are reusable iterables that hand out a fresh iterator each time. "
                "`TypeError: 'int' object is not iterable` means you tried to loop over something that is not iterable (often `for i in len(items)` instead of `range(len(items))`).\n\n"
                "The `itertools` module has building blocks for lazy pipelines: `count`, `cycle`, `chain`, `islice`, `groupby`, `accumulate`, `pairwise`, `product`, `permutations` and `combinations`."
            ),
            "advanced": (
                "The protocol: an iterable's `__iter__` returns an iterator; an iterator implements `__next__` and an `__iter__` that returns itself. "
                "`for`, unpacking, `in`, `list()`, `sum()`, `dict()`, `str.join` and `yield from` all drive this protocol. "
                "Two fallbacks exist: objects with a `__getitem__` that accepts 0, 1, 2... until `IndexError` (the legacy sequence protocol), and `iter(callable, sentinel)`, which calls until the sentinel appears.\n\n"
                "Do not make a container its own iterator: nested loops over it would share one position. Return a new iterator (or write `__iter__` as a generator) instead. "
                "A well-behaved iterator keeps raising `StopIteration` once exhausted. Lazy pipelines process items one at a time in O(1) memory, but they cannot be rewound; use `itertools.tee` or materialise a list when you need several passes."
            ),
        },
        example_code="""\
import itertools

letters = ["a", "b", "c"]
it = iter(letters)
print(next(it), next(it), next(it))
print(next(it, "done"))


class Countdown:
    def __init__(self, start):
        self.current = start

    def __iter__(self):
        return self

    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1


print(list(Countdown(3)))
squares = map(lambda n: n * n, [1, 2, 3])
print(list(squares), list(squares))
print(list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.chain("ab", [1, 2])))
""",
        example_output="""\
a b c
done
[3, 2, 1]
[1, 4, 9] []
[10, 15, 20, 25]
['a', 'b', 1, 2]
""",
        check_question="Is a list an iterator? What does `iter([1, 2])` give you?",
        check_answer="No: a list is an iterable. `iter([1, 2])` returns a new list iterator, which `next()` advances and which can be used only once.",
        check_accepts=(
            r"^\W*no\b|not an iterator|isn't an iterator|\biterable\b",
            r"iterator",
        ),
        check_rejects=(
            r"^\W*yes\b",
            r"list\s+is\s+an\s+iterator",
        ),
        common_mistakes=(
            "Looping twice over the same iterator (a `map`, `zip` or file object) and getting nothing the second time.",
            "Writing `for i in len(items):` (`TypeError: 'int' object is not iterable`).",
            "Calling `next()` without handling `StopIteration` or passing a default.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/classes.html#iterators",
            "https://docs.python.org/3/library/stdtypes.html#iterator-types",
            "https://docs.python.org/3/glossary.html#term-iterator",
            "https://docs.python.org/3/library/itertools.html",
        ),
    ),
    ConceptCard(
        concept_id="generators",
        title="Generators and yield",
        topic="iterators",
        keywords=(
            "generator",
            "generators",
            "yield",
            "yield from",
            "generator function",
            "lazy sequence",
            "infinite sequence",
            "generator vs list",
            "memory efficient",
            "send",
            "yield vs return",
        ),
        student_phrases=(
            "yield",
            "produce values lazily",
            "infinite sequence of numbers",
            "function that pauses",
            "save memory with big data",
            "return many values over time",
            "values on demand",
            "resume where it left off",
            "stream of values",
            "generator versus list",
            "generate numbers forever",
            "lazy",
            "one value at a time",
            "generator function",
            "memory friendly",
        ),
        explanations={
            "beginner": (
                "A generator function looks like a normal function but uses `yield` instead of `return`. "
                "Each time a loop asks it for the next value, it runs until the next `yield`, hands that value over and *pauses right there*, remembering all its variables until it is asked again.\n\n"
                "Think of a storyteller who tells one chapter each night and picks up exactly where they stopped, instead of printing the whole book at once. "
                "Because values are made only when needed, generators can produce very long, or even endless, sequences without filling up memory."
            ),
            "intermediate": (
                "Calling a generator function does not run its body: it returns a *generator object*, which is an iterator. "
                "The body runs on each `next()` (or loop step) up to the next `yield`; when the function ends, the generator raises `StopIteration` and the loop stops. Like any iterator it can be consumed only once.\n\n"
                "Use generators to stream large files line by line, to model infinite sequences, and to build pipelines (`read lines → filter → parse → aggregate`) that keep only one item in memory at a time. "
                "`yield from other_iterable` yields every item of another iterable (or sub-generator).\n\n"
                "`return` ends a function once with one result; `yield` can produce many results over time. A generator expression `(x * 2 for x in xs)` is the one-line form of a simple generator."
            ),
            "advanced": (
                "A generator object owns a suspended frame (`gi_frame`, `gi_running`). `gen.send(value)` resumes it and makes `value` the result of the paused `yield` expression; "
                "`gen.throw(exc)` raises inside it and `gen.close()` raises `GeneratorExit` at the pause point so `finally` blocks and context managers clean up.\n\n"
                "`return value` in a generator becomes `StopIteration(value)`, which is also what a `yield from` expression evaluates to. "
                "Since PEP 479 (3.7), a `StopIteration` that escapes inside a generator body is converted to `RuntimeError`, preventing it from silently ending an outer loop.\n\n"
                "`contextlib.contextmanager` turns a one-`yield` generator into a context manager, and generators were the basis of coroutines before `async def`. "
                "Resuming a generator is cheaper than a fresh function call, but a pipeline of many small generators still pays per-item overhead compared with one C-level built-in."
            ),
        },
        example_code="""\
def countdown(n):
    print("starting")
    while n > 0:
        yield n
        n -= 1


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def chain_all(*iterables):
    for iterable in iterables:
        yield from iterable


gen = countdown(3)
print(type(gen).__name__)
print(next(gen))
print(list(gen))
fib = fibonacci()
print([next(fib) for _ in range(10)])
print(list(chain_all("ab", range(2))))
print(sum(n for n in range(100) if n % 3 == 0))
""",
        example_output="""\
generator
starting
3
[2, 1]
[0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
['a', 'b', 0, 1]
1683
""",
        check_question="When does the code inside a generator function start running?",
        check_answer="Not when you call the function; only when the first value is requested with `next()` or a loop. The call just creates the generator object.",
        check_accepts=(r"next|first (value|item|iteration)|iterat|loop|request|asked|consum",),
        check_rejects=(
            r"^\W*(immediately|right away|as soon as|when (you )?call|when (it is|it's) called)",
        ),
        common_mistakes=(
            "Expecting a generator function to run (and print) as soon as it is called.",
            "Iterating over the same generator twice and getting nothing the second time.",
            "Using `return some_list` where `yield` was intended, or mixing up `yield` with `yield from`.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/classes.html#generators",
            "https://docs.python.org/3/reference/expressions.html#yield-expressions",
            "https://docs.python.org/3/howto/functional.html#generators",
            "https://docs.python.org/3/glossary.html#term-generator",
        ),
    ),
)
