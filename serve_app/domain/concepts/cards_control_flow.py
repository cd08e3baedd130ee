"""Cards for control flow: conditionals, truthiness, loops, range/enumerate/zip."""

from serve_app.domain.concepts.models import ConceptCard

CARDS: tuple[ConceptCard, ...] = (
    ConceptCard(
        concept_id="conditionals",
        title="if, elif and else",
        topic="conditionals",
        keywords=(
            "if statement",
            "if",
            "elif",
            "else",
            "if else",
            "condition",
            "conditional",
            "decision",
            "comparison operators",
            "nested if",
            "ternary operator",
            "conditional expression",
            "one line if",
            "switch",
            "match case",
        ),
        student_phrases=(
            "make a decision",
            "do something only when",
            "otherwise do something else",
            "several conditions",
            "if the user types yes",
            "choose between options",
            "greater than or less than",
            "grade from a score",
            "else if",
            "check a condition",
            "compare two numbers",
            "if else chain",
            "check a range of values",
            "when something is true",
        ),
        explanations={
            "beginner": (
                "An `if` statement lets your program make a decision: the indented code under it runs only when the condition is true.\n\n"
                "It works like everyday choices: *if it is raining, take an umbrella; otherwise, take sunglasses*. In Python:\n\n"
                '```python\nif raining:\n    print("Take an umbrella")\nelse:\n    print("Take sunglasses")\n```\n\n'
                'Add more choices with `elif` ("else if"). Conditions usually compare values with `==`, `!=`, `<`, `>`, `<=` and `>=`. '
                "Do not forget the colon at the end of the `if` line, and indent the code that belongs to it (4 spaces)."
            ),
            "intermediate": (
                "Python checks the branches from top to bottom and runs only the *first* one whose condition is true, so order matters: test `score >= 90` before `score >= 75`, or every A becomes a B.\n\n"
                "- Comparisons chain: `0 <= x < 10` means `0 <= x and x < 10`.\n"
                '- The conditional expression picks a value inline: `label = "even" if n % 2 == 0 else "odd"`.\n'
                "- Any value can be a condition: empty containers, `0` and `None` are false (see *truthiness*).\n"
                "- Early returns (guard clauses) keep nesting shallow: `if not items: return 0`.\n"
                "- `pass` is a placeholder for a branch you have not written yet.\n\n"
                'A classic bug is `if answer == "y" or "yes":`, which is always true because the non-empty string `"yes"` is truthy; write `if answer in ("y", "yes"):`.'
            ),
            "advanced": (
                "`if` evaluates `bool(condition)`, which calls `__bool__` or else `__len__`. Chained comparisons evaluate the middle operand once and short-circuit; "
                "the conditional expression is lazy and evaluates only the branch it picks.\n\n"
                "Python has no `switch`; long `elif` chains over constant keys are often better as a dict dispatch (`handlers[command]()`). "
                "Since 3.10 the `match` statement does *structural* pattern matching on sequences, mappings and class shapes with guards (`case Point(x=0, y=y) if y > 0:`). "
                "Beware that a bare name in a `case` is a capture pattern that always matches and binds: `case RED:` does not compare with a constant named `RED`; use a dotted name such as `case Color.RED:`.\n\n"
                "Deeply nested conditionals are a design smell: flatten with guard clauses, move branches into polymorphic methods, or use lookup tables."
            ),
        },
        example_code="""\
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 75:
        return "B"
    elif score >= 50:
        return "C"
    else:
        return "F"


for score in (95, 80, 50, 12):
    print(score, grade(score))
n = 7
print("even" if n % 2 == 0 else "odd")
print(0 <= n < 10)
""",
        example_output="""\
95 A
80 B
50 C
12 F
odd
True
""",
        check_question="In an `if`/`elif` chain where two conditions are both true, which branch runs?",
        check_answer="Only the first one whose condition is true; Python skips every later branch.",
        check_accepts=(r"\b(first|1st|earliest|top|topmost)\b",),
        check_rejects=(
            r"\b(both|all)\b(\s+of\s+them)?\s+(branches\s+)?(run|execute)",
            r"\b(last|second)\s+(one|branch)\b",
        ),
        common_mistakes=(
            "Writing `=` instead of `==` in a condition.",
            "Writing `if x == 1 or 2:`, which is always true; use `if x in (1, 2):`.",
            "Putting a broader condition before a narrower one, so the narrower branch can never run.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/controlflow.html#if-statements",
            "https://docs.python.org/3/reference/compound_stmts.html#the-if-statement",
            "https://docs.python.org/3/reference/expressions.html#conditional-expressions",
            "https://docs.python.org/3/reference/compound_stmts.html#the-match-statement",
        ),
    ),
    ConceptCard(
        concept_id="truthiness",
        title="Booleans, truthiness and logical operators",
        topic="conditionals",
        keywords=(
            "boolean",
            "True",
            "False",
            "truthy",
            "falsy",
            "truth value",
            "and operator",
            "or operator",
            "not operator",
            "logical operators",
            "boolean operators",
            "short-circuit",
            "empty list is false",
            "if not",
            "any",
            "all",
        ),
        student_phrases=(
            "true or false",
            "empty list counts as false",
            "if 0",
            "if my list",
            "combine conditions",
            "and versus or",
            "both conditions must be true",
            "either condition true",
            "opposite of a condition",
            "not operator",
            "what counts as true",
            "empty string is false",
            "short circuit evaluation",
            "check if a list is empty",
            "any or all",
            "empty means false",
            "zero is false",
            "and or not",
            "truth test on a list",
        ),
        explanations={
            "beginner": (
                "A boolean is one of two values: `True` or `False`. You combine conditions with three words:\n\n"
                "- `and`: true only if *both* sides are true\n"
                "- `or`: true if *at least one* side is true\n"
                "- `not`: flips true to false and false to true\n\n"
                'Python also lets you use other values as conditions. "Empty" or "zero" things count as false (*falsy*): `0`, `""`, `[]`, `{}` and `None`. '
                'Everything else counts as true (*truthy*). So `if names:` reads as "if the list of names is not empty". Think of it as asking "is there anything in here?"'
            ),
            "intermediate": (
                "`and` and `or` *short-circuit*: they stop as soon as the answer is known, and they return one of their operands rather than a strict `True`/`False`. "
                'That enables idioms such as `name = user_input or "guest"` (a default for empty input) and `user and user.name` (only touch `user.name` when `user` is not `None`).\n\n'
                "Precedence is `not` > `and` > `or`, so `a or b and c` means `a or (b and c)`. The falsy values of the built-in types are `False`, `None`, `0`, `0.0`, `0j`, "
                "empty strings, lists, tuples, dicts and sets, and `range(0)`.\n\n"
                "`any(iterable)` is true when some element is truthy, `all(iterable)` when every element is (and `all([])` is `True`). "
                'A common bug is `if x == "a" or "b":`; the right side is the truthy string `"b"`, so write `x in ("a", "b")`.'
            ),
            "advanced": (
                "Truth testing calls `type(x).__bool__`; if it is missing, `__len__` is used (non-zero means true); if both are missing the object is true. "
                "`__bool__` must return an actual `bool`, otherwise `TypeError`. `bool` is a subclass of `int`, so `True == 1` and `sum(map(bool, items))` counts truthy items.\n\n"
                "`and`, `or` and `not` cannot be overloaded (there is no dunder for them), which is why NumPy and pandas use `&`, `|` and `~` for element-wise logic and raise "
                "`ValueError: The truth value of an array ... is ambiguous` when you use an array in an `if`.\n\n"
                'The `x or default` idiom treats every falsy value as missing, so `0` or `""` are silently replaced; when only `None` means missing, write `x if x is not None else default`. '
                "`any()` and `all()` short-circuit, so on a generator they may consume only part of it."
            ),
        },
        example_code="""\
for value in [0, 42, "", "hi", [], [0], None]:
    print(repr(value), bool(value))
name = ""
print(name or "guest")
print(3 > 2 and 2 > 1, not True)
print(any(n > 10 for n in [3, 12]), all([]))
""",
        example_output="""\
0 False
42 True
'' False
'hi' True
[] False
[0] True
None False
guest
True False
True True
""",
        check_question="What does `[] or 'empty'` evaluate to, and why?",
        check_answer="`'empty'`: an empty list is falsy, so `or` returns its right-hand operand.",
        check_accepts=(
            r"'empty'|^\W*empty\W*$|string\s+empty|(returns?|gives?|evaluates\s+to|result\s+is|it's|is)\s+(the\s+string\s+)?empty\b(?!\s+(list|\[))",
        ),
        check_rejects=(r"\b(evaluates\s+to|returns?|gives?)\s+(false|true|\[\])",),
        common_mistakes=(
            "Writing `if x == 'a' or 'b':` instead of `if x in ('a', 'b'):`.",
            "Writing `if len(items) > 0:` where `if items:` is the idiomatic test.",
            "Using `value or default` when `0` or `''` are valid values that must be kept.",
        ),
        references=(
            "https://docs.python.org/3/library/stdtypes.html#truth-value-testing",
            "https://docs.python.org/3/library/stdtypes.html#boolean-operations-and-or-not",
            "https://docs.python.org/3/reference/expressions.html#boolean-operations",
            "https://docs.python.org/3/library/functions.html#any",
        ),
    ),
    ConceptCard(
        concept_id="loops",
        title="for and while loops",
        topic="loops",
        keywords=(
            "loop",
            "for loop",
            "while loop",
            "iterate",
            "iteration",
            "repeat",
            "break",
            "continue",
            "infinite loop",
            "while True",
            "loop else",
            "nested loops",
            "loop through a list",
            "stop a loop",
        ),
        student_phrases=(
            "repeat something",
            "do something many times",
            "go through each item",
            "stop early",
            "skip one round",
            "run forever",
            "repeat until the user quits",
            "loop that never ends",
            "count to 10",
            "nested loops",
            "exit a loop",
            "keep going while",
            "print each item",
            "repeat code",
            "repeat while a condition is true",
            "go through items one by one",
            "loop until done",
            "repeat forever until",
            "looping",
        ),
        explanations={
            "beginner": (
                "A loop repeats code so you do not have to write it many times.\n\n"
                "- A `for` loop goes through each item of a collection in turn: `for fruit in fruits: print(fruit)` prints every fruit.\n"
                '- A `while` loop keeps going *as long as* a condition is true, like "keep stirring while the sauce is lumpy".\n\n'
                "Inside either loop, `break` stops the loop straight away and `continue` skips to the next round. "
                "With a `while` loop, make sure something inside the loop eventually makes the condition false, or the loop runs forever (an *infinite loop*; press Ctrl+C to stop it)."
            ),
            "intermediate": (
                "Use `for` when you know *what* to go through (a list, a string's characters, a dict's keys, a file's lines, a `range`) and `while` when you repeat *until* something happens "
                "(valid input, a value converging, a queue becoming empty). `while True:` with a `break` in the middle is the standard loop-and-a-half for input validation.\n\n"
                'Loops can have an `else` block that runs only if the loop finished *without* `break`; it is handy for searches ("not found"). '
                "The loop variable still exists after the loop, holding the last value.\n\n"
                "Typical patterns are the accumulator (`total += x`), the counter, the search with `break`, and building a new list. "
                "Do not add or remove items of the list you are looping over; loop over a copy or build a new list."
            ),
            "advanced": (
                "`for x in obj` calls `iter(obj)` once and then `next()` until `StopIteration`; anything implementing `__iter__` (or the old `__getitem__` protocol) can be looped over. "
                "The target is an ordinary assignment target, so it can unpack (`for k, v in d.items()`) or even assign to attributes and subscripts.\n\n"
                "Loops do not create a scope: the loop variable leaks into the enclosing function, and closures created in a loop capture the *variable*, not its current value (late binding), "
                "so `[lambda: i for i in range(3)]` all return 2 unless you bind `i=i` as a default.\n\n"
                "Each Python-level iteration costs tens of nanoseconds of interpreter work. 3.11's specialising adaptive interpreter helps, but the big wins come from pushing the loop into C: "
                "built-ins like `sum`, `max`, `str.join`, comprehensions, `itertools`, or vectorised libraries. Mutating a dict or set while iterating raises `RuntimeError`; a list silently skips items."
            ),
        },
        example_code="""\
fruits = ["apple", "banana", "cherry"]
for fruit in fruits:
    print(fruit.upper())

count = 3
while count > 0:
    print("countdown", count)
    count -= 1

for n in range(10):
    if n % 2 == 0:
        continue
    if n > 5:
        break
    print("odd", n)

for n in [4, 6, 8]:
    if n % 2 == 1:
        print("found an odd number")
        break
else:
    print("no odd numbers")
""",
        example_output="""\
APPLE
BANANA
CHERRY
countdown 3
countdown 2
countdown 1
odd 1
odd 3
odd 5
no odd numbers
""",
        check_question="When does the `else` block of a `for` loop run?",
        check_answer="When the loop ends normally, having gone through every item; it is skipped if the loop was left with `break`.",
        check_accepts=(
            r"\b(without|no|not|never|unless)\b[^.;]{0,40}\bbreak|n't\b[^.;]{0,40}\bbreak|\bbreak\b[^.;]{0,40}(\bnot\b|\bnever\b|n't\b|skip)|normal|finish|complet|exhaust|every item|all (the )?items|runs? out|(gone|goes|went|iterat\w*) through",
        ),
        check_rejects=(
            r"^\W*(only\s+)?(when|if|after)\s+(the\s+loop\s+|it\s+)?(hits|reaches|encounters|executes|runs|uses|calls)?\s*(a\s+|the\s+)?break\b",
        ),
        common_mistakes=(
            "Forgetting to update the variable in a `while` condition, causing an infinite loop.",
            "Changing a list while looping over it.",
            "Using `range(len(items))` and indexing when `for item in items:` (or `enumerate`) is clearer.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/controlflow.html#for-statements",
            "https://docs.python.org/3/reference/compound_stmts.html#the-while-statement",
            "https://docs.python.org/3/reference/compound_stmts.html#the-for-statement",
            "https://docs.python.org/3/tutorial/datastructures.html#looping-techniques",
        ),
    ),
    ConceptCard(
        concept_id="range-enumerate-zip",
        title="range(), enumerate() and zip()",
        topic="loops",
        keywords=(
            "range",
            "range()",
            "enumerate",
            "zip",
            "index in a for loop",
            "loop with index",
            "loop over two lists at once",
            "parallel iteration",
            "count from 1",
            "count down",
            "zip strict",
            "transpose",
        ),
        student_phrases=(
            "numbers from 1 to 10",
            "count backwards",
            "get the index and the item",
            "position while looping",
            "two lists at the same time",
            "pair up items from two lists",
            "loop a number of times",
            "count by twos",
            "range with step",
            "numbering from 1",
            "combine two lists into pairs",
            "index of each item",
            "range does not include the end",
            "counter in a loop",
            "index and value",
            "loop through two lists",
        ),
        explanations={
            "beginner": (
                "Three helpers make `for` loops easier:\n\n"
                '- `range(5)` produces the numbers 0, 1, 2, 3, 4, so `for i in range(5):` means "do this 5 times". `range(1, 11)` counts from 1 to 10.\n'
                "- `enumerate(names)` gives you each item *together with its position*: `for i, name in enumerate(names):`.\n"
                "- `zip(names, scores)` walks through two lists side by side, like the two halves of a zipper meeting: `for name, score in zip(names, scores):`."
            ),
            "intermediate": (
                "`range(start, stop, step)` is half-open like slicing: `stop` is not included, and a negative step counts down, `range(10, 0, -1)`.\n\n"
                "Prefer `for i, item in enumerate(items, start=1):` over `for i in range(len(items)):` followed by `items[i]`; it is clearer and works on any iterable, not just lists.\n\n"
                "`zip` stops at the shortest input, which can hide bugs; `zip(a, b, strict=True)` (3.10+) raises `ValueError` when lengths differ, and `itertools.zip_longest` pads instead. "
                "Handy idioms: `dict(zip(keys, values))` builds a dict, and `names, scores = zip(*pairs)` unzips a list of pairs."
            ),
            "advanced": (
                "`range` is a lazy, immutable sequence: constant memory whatever its length, with `len()`, indexing, slicing (which returns another `range`), "
                "and O(1) membership tests for integers, computed arithmetically. Two ranges are equal when they produce the same sequence (`range(0) == range(2, 2)`).\n\n"
                "`enumerate` and `zip` return single-pass iterators: printing one shows `<zip object ...>`, and a second loop over the same object yields nothing. Wrap in `list()` when you need to reuse the result. "
                "`zip(*matrix)` transposes rows into columns. With `strict=True` the length check happens lazily, so the error is raised only when the shortest input runs out, after earlier pairs were already produced."
            ),
        },
        example_code="""\
for i in range(3):
    print("lap", i)
print(list(range(2, 11, 4)), list(range(3, 0, -1)))
names = ["ana", "ben", "cy"]
scores = [90, 72, 85]
for position, name in enumerate(names, start=1):
    print(position, name)
for name, score in zip(names, scores):
    print(f"{name}: {score}")
print(dict(zip(names, scores)))
print(list(zip([1, 2, 3], "ab")))
""",
        example_output="""\
lap 0
lap 1
lap 2
[2, 6, 10] [3, 2, 1]
1 ana
2 ben
3 cy
ana: 90
ben: 72
cy: 85
{'ana': 90, 'ben': 72, 'cy': 85}
[(1, 'a'), (2, 'b')]
""",
        check_question="What numbers does `range(2, 10, 3)` produce?",
        check_answer="2, 5 and 8: it starts at 2, steps by 3 and stops before 10.",
        check_accepts=(r"(?<![\w.])2(\W*\band\b)?\W+5(\W*\band\b)?\W+8(?![\w.])(?!\s*,\s*\d)",),
        common_mistakes=(
            "Expecting `range(1, 10)` to include 10.",
            "Looping twice over the same `zip` or `enumerate` object; the second loop sees nothing.",
            "Zipping lists of different lengths and silently losing the extra items.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/controlflow.html#the-range-function",
            "https://docs.python.org/3/library/stdtypes.html#ranges",
            "https://docs.python.org/3/library/functions.html#enumerate",
            "https://docs.python.org/3/library/functions.html#zip",
        ),
    ),
)
