"""Cards for the first weeks: values, variables, numbers, mutability, identity, strings."""

from serve_app.domain.concepts.models import ConceptCard

CARDS: tuple[ConceptCard, ...] = (
    ConceptCard(
        concept_id="values-and-types",
        title="Values and types",
        topic="variables",
        keywords=(
            "data types",
            "type",
            "type()",
            "int",
            "float",
            "str",
            "bool",
            "None",
            "NoneType",
            "integer",
            "decimal number",
            "boolean",
            "dynamic typing",
            "type conversion",
            "casting",
            "convert string to int",
            "isinstance",
        ),
        student_phrases=(
            "what kind of thing is this value",
            "text versus number",
            "quotes around a number",
            "number stored as text",
            "turn text into a number",
            "whole number or decimal",
            "true and false values",
            "the value nothing",
            "convert between kinds of data",
            "int() on a string",
            "can't add text and a number",
            "is this a string or a number",
            "type of a variable",
            "is it a whole number or text",
            "numbers versus strings",
            "what kind is my variable",
        ),
        explanations={
            "beginner": (
                "Every piece of data in Python is a *value*, and every value has a *type* that says what kind of thing it is and what you can do with it.\n\n"
                "- `42` is an `int` (a whole number)\n"
                "- `3.5` is a `float` (a number with a decimal point)\n"
                '- `"hello"` is a `str` (text)\n'
                "- `True` and `False` are `bool` values (yes/no)\n"
                '- `None` means "no value here"\n\n'
                'Think of types like the shapes of puzzle pieces: two numbers fit together with `+`, but a number and a word do not, so `"age" + 5` stops with a `TypeError`. '
                'Ask Python for a value\'s type with `type(value)`, and convert between types with `int()`, `float()` and `str()`: `int("7")` turns the text `"7"` into the number `7`.'
            ),
            "intermediate": (
                'Python is *dynamically* and *strongly* typed. Dynamic: a name has no fixed type; the type belongs to the object the name currently refers to, so `x = 1` followed by `x = "one"` is legal. '
                'Strong: Python will not silently mix types. `"3" + 4` raises `TypeError` instead of guessing; you convert explicitly with `int("3") + 4` or `"3" + str(4)`.\n\n'
                "The core built-in types are `int` (unlimited size), `float` (a 64-bit binary floating-point number), `complex`, `bool`, `str`, and `None`, the single value of type `NoneType`. "
                "`input()` always returns a `str`, which is the most common source of type bugs for beginners.\n\n"
                "Check types with `isinstance(x, int)` rather than `type(x) == int`: `isinstance` also accepts subclasses and tuples of types (`isinstance(x, (int, float))`). "
                'Conversions can fail or lose information: `int("3.5")` raises `ValueError`, and `int(3.9)` truncates towards zero to `3`.'
            ),
            "advanced": (
                "Everything is an object: each value carries a reference to its type object and, in CPython, a reference count, so even `1` has methods (`(255).bit_length()` is `8`). "
                "`type(x)` returns the exact class; `isinstance` honours inheritance and abstract base classes (`isinstance([], collections.abc.Sequence)` is `True`).\n\n"
                "`bool` is a subclass of `int`, which is why `True + True == 2`, `isinstance(True, int)` is `True`, and `sum(flags)` counts the true values. "
                "`int` has arbitrary precision: the cost of arithmetic grows with the number of digits, and since 3.11 converting a decimal string of more than 4300 digits raises `ValueError` "
                '(a denial-of-service guard you can change with `sys.set_int_max_str_digits()`). `float` is IEEE 754 binary64, so `0.1 + 0.2 != 0.3` and `float("nan") != float("nan")`.\n\n'
                "Type hints such as `count: int = 0` are not enforced at run time; they are metadata for static checkers like mypy. Values are typed, names are not."
            ),
        },
        example_code="""\
values = [42, 3.5, "hello", True, None]
for value in values:
    print(repr(value), "->", type(value).__name__)
print(int("7") + 1)
print(isinstance(True, int), True + True)
""",
        example_output="""\
42 -> int
3.5 -> float
'hello' -> str
True -> bool
None -> NoneType
8
True 2
""",
        check_question="What does `type(6 / 3)` return, and why?",
        check_answer="`<class 'float'>`: the `/` operator always produces a float in Python 3, even when the division is exact (`6 / 3` is `2.0`).",
        check_accepts=(r"\bfloat\b",),
        check_rejects=(r"\bint\b\W+or\W+(a\s+)?float|\bfloat\W+or\W+(an\s+)?\bint\b",),
        common_mistakes=(
            "Comparing user input with a number: `input()` returns a `str`, so `input() == 5` is always `False` until you convert with `int()`.",
            'Joining text and numbers with `+` (`"Age: " + 30`); use an f-string or `str(30)`.',
            "Checking types with `type(x) == int`, which rejects subclasses; prefer `isinstance(x, int)`.",
        ),
        references=(
            "https://docs.python.org/3/library/stdtypes.html#numeric-types-int-float-complex",
            "https://docs.python.org/3/library/functions.html#isinstance",
            "https://docs.python.org/3/reference/datamodel.html#objects-values-and-types",
        ),
    ),
    ConceptCard(
        concept_id="variables-and-assignment",
        title="Variables and assignment",
        topic="variables",
        keywords=(
            "variable",
            "variables",
            "assignment",
            "assign",
            "=",
            "name",
            "variable names",
            "naming rules",
            "multiple assignment",
            "swap two variables",
            "augmented assignment",
            "+=",
            "reassign",
            "constant",
            "snake_case",
            "walrus",
            ":=",
            "NameError",
        ),
        student_phrases=(
            "store a value with a name",
            "give a name to a value",
            "equals sign sets a value",
            "keep a running total",
            "change what a variable holds",
            "assign several names in one line",
            "exchange the values of two names",
            "name is not defined",
            "rules for naming things",
            "a box that holds a value",
            "update a score",
            "reuse a value later",
            "set a variable",
            "keep track of a number",
            "plus equals",
            "value goes into a name",
        ),
        explanations={
            "beginner": (
                'A variable is a name you give to a value so you can use it later. `age = 15` means "let the name `age` refer to the value `15`".\n\n'
                "Think of a name tag: the value is a thing, and the variable is a tag you stick on it. Later you can move the tag to a different thing: `age = age + 1` works out `15 + 1` first and then moves the tag `age` to `16`.\n\n"
                'The single `=` does not mean "is equal to" like in maths; it means "make this name refer to this value". To *compare* two values use `==`.\n\n'
                "Names may contain letters, digits and underscores, cannot start with a digit, and are case-sensitive (`Age` and `age` are different). Python style is `snake_case`: `total_score`."
            ),
            "intermediate": (
                "Assignment *binds* a name to an object; it never copies the object. The right-hand side is evaluated first, then the name is bound, which is why `x = x + 1` works.\n\n"
                "- Unpacking: `a, b = 1, 2`, and the classic swap `a, b = b, a` (no temporary variable needed).\n"
                "- Chained: `x = y = 0` binds both names to the same object.\n"
                "- Augmented: `total += price` is shorthand for `total = total + price` (but see the advanced notes for lists).\n"
                "- Assignment expression (the walrus, 3.8+): `if (n := len(items)) > 10:` assigns and tests in one go.\n\n"
                'Using a name before anything was assigned to it raises `NameError`. Python has no real constants; `UPPER_CASE` names are a convention that says "do not reassign this".'
            ),
            "advanced": (
                "Names live in namespaces: a module's globals are a dict, while a function's locals are decided *at compile time*. If a function assigns to a name anywhere in its body, "
                "that name is local for the whole body, so reading it before the assignment raises `UnboundLocalError` even when a global of the same name exists.\n\n"
                "`x += y` calls `x.__iadd__(y)` when it exists. For lists this mutates in place, so `a += [1]` is visible through every alias of `a`, while `a = a + [1]` builds a new list and rebinds only `a`. "
                "For immutable types there is no `__iadd__`, so `+=` falls back to `__add__` and rebinds.\n\n"
                "Chained assignment assigns targets left to right with one object: `x = y = []` shares a single list. Annotated assignment `x: int = 0` at module or class level records the hint in `__annotations__`. "
                "Rebinding or deleting a name only drops a reference; CPython frees the object when its reference count reaches zero (cycles are left to the cyclic garbage collector)."
            ),
        },
        example_code="""\
score = 10
score += 5
print(score)
a, b = 1, 2
a, b = b, a
print(a, b)
first = [1, 2]
second = first
second.append(3)
print(first)
""",
        example_output="""\
15
2 1
[1, 2, 3]
""",
        check_question="After `x = 5`, `y = x` and then `x = 7`, what is the value of `y`?",
        check_answer="`5`. `y = x` bound `y` to the object `5`; rebinding `x` to `7` afterwards does not change what `y` refers to.",
        check_accepts=(r"(?<![\w.])5(?![\w.])|\bfive\b",),
        common_mistakes=(
            "Writing `=` in a condition where `==` was meant (`if x = 3:` is a `SyntaxError`).",
            "Expecting `b = a` to copy a list; both names then refer to the same list.",
            "Shadowing built-in names such as `list`, `str` or `sum` with your own variables, which breaks later calls to them.",
        ),
        references=(
            "https://docs.python.org/3/reference/simple_stmts.html#assignment-statements",
            "https://docs.python.org/3/reference/simple_stmts.html#augmented-assignment-statements",
            "https://docs.python.org/3/reference/expressions.html#assignment-expressions",
            "https://docs.python.org/3/faq/programming.html#why-am-i-getting-an-unboundlocalerror-when-the-variable-has-a-value",
        ),
    ),
    ConceptCard(
        concept_id="numbers-and-arithmetic",
        title="Numbers and arithmetic operators",
        topic="variables",
        keywords=(
            "arithmetic",
            "math operators",
            "division",
            "integer division",
            "floor division",
            "//",
            "modulo",
            "modulus",
            "%",
            "remainder",
            "exponent",
            "power",
            "**",
            "operator precedence",
            "floating point precision",
            "0.1 + 0.2",
            "round",
            "even or odd",
        ),
        student_phrases=(
            "do math",
            "adding subtracting multiplying dividing",
            "divide and drop the decimals",
            "what is left over after dividing",
            "check if a number is even",
            "square a number",
            "raise to a power",
            "order of operations",
            "0.1 + 0.2 is not 0.3",
            "decimal numbers are inaccurate",
            "round a number",
            "calculator",
            "whole number division",
            "average of numbers",
            "percent sign between numbers",
            "leftover after division",
            "double slash",
            "how many times one number fits into another",
            "math with decimals",
            "integer result",
        ),
        explanations={
            "beginner": (
                "Python can be used like a calculator: `+`, `-`, `*` and `/` work as you expect, and there are three more operators worth knowing:\n\n"
                "- `//` *floor division*: how many whole times one number fits in another, `7 // 2` is `3`.\n"
                "- `%` *remainder* (modulo): what is left over, `7 % 2` is `1`. `n % 2 == 0` tells you whether `n` is even.\n"
                "- `**` *power*: `2 ** 10` is `1024`.\n\n"
                "Picture sharing 7 sweets between 2 friends: each gets `7 // 2 == 3` and `7 % 2 == 1` is left over. "
                "Note that `/` always gives a decimal number: `6 / 3` is `2.0`. Decimal numbers are approximate, so `0.1 + 0.2` shows `0.30000000000000004`; that is normal, not a bug in your code."
            ),
            "intermediate": (
                "Precedence from high to low: `**`, then unary minus, then `*`, `/`, `//`, `%`, then `+`, `-`. So `-2 ** 2` is `-4` and `2 ** 3 ** 2` is `512` (`**` groups right to left). Use parentheses when in doubt.\n\n"
                "`//` and `%` round towards negative infinity, keeping the identity `(a // b) * b + a % b == a`: `-7 // 2` is `-4` and `-7 % 2` is `1`. `divmod(a, b)` returns both at once.\n\n"
                "Mixing `int` and `float` gives a `float`. `round()` rounds halves to the nearest *even* number (`round(2.5)` is `2`, `round(3.5)` is `4`). "
                "Never compare floats with `==` after arithmetic; use `math.isclose(a, b)`. For money use `decimal.Decimal`, for exact ratios `fractions.Fraction`."
            ),
            "advanced": (
                "`int` has arbitrary precision (CPython stores 30-bit digits and switches to Karatsuba multiplication for large operands), so `2 ** 1000` is exact but arithmetic cost grows with size. "
                "`float` is IEEE 754 binary64 with a 53-bit significand: `0.1` has no exact binary representation, and `repr` prints the shortest string that round-trips. "
                "That also explains `round(2.675, 2) == 2.67`: the stored value is slightly below 2.675.\n\n"
                "Integer and float division by zero both raise `ZeroDivisionError` (no `inf`, unlike NumPy); true division of huge ints can raise `OverflowError` because the result must fit in a float. "
                "`math.fsum` compensates rounding error in sums, `pow(base, exp, mod)` does fast modular exponentiation and `pow(x, -1, m)` computes a modular inverse (3.8+).\n\n"
                "Operators dispatch to special methods: `a + b` tries `a.__add__(b)`, then `b.__radd__(a)` if the first returns `NotImplemented`."
            ),
        },
        example_code="""\
import math

print(7 / 2, 7 // 2, 7 % 2)
print(2 ** 10, -2 ** 2)
print(-7 // 2, -7 % 2)
print(0.1 + 0.2)
print(round(2.5), round(3.5))
print(math.isclose(0.1 + 0.2, 0.3))
""",
        example_output="""\
3.5 3 1
1024 -4
-4 1
0.30000000000000004
2 4
True
""",
        check_question="What do `17 // 5` and `17 % 5` evaluate to?",
        check_answer="`3` and `2`: 5 fits into 17 three whole times with 2 left over.",
        check_accepts=(r"(?<![\w./])(3|three)(?![\w.]).*?(?<![\w./])(2|two)(?![\w.])",),
        common_mistakes=(
            "Expecting `/` to return an int; use `//` when you need a whole-number result.",
            "Comparing floats with `==` after arithmetic; use `math.isclose`.",
            "Writing `x^2` for a power: `^` is bitwise XOR, the power operator is `**`.",
        ),
        references=(
            "https://docs.python.org/3/library/stdtypes.html#numeric-types-int-float-complex",
            "https://docs.python.org/3/reference/expressions.html#operator-precedence",
            "https://docs.python.org/3/tutorial/floatingpoint.html",
            "https://docs.python.org/3/library/math.html#math.isclose",
        ),
    ),
    ConceptCard(
        concept_id="mutability",
        title="Mutable and immutable objects",
        topic="variables",
        keywords=(
            "mutable",
            "immutable",
            "mutability",
            "mutation",
            "aliasing",
            "alias",
            "copy",
            "copy a list",
            "shallow copy",
            "deep copy",
            "deepcopy",
            "changed both lists",
            "both variables change",
            "list changed unexpectedly",
            "two names for the same list",
            "reference",
            "in place",
            "modify in place",
        ),
        student_phrases=(
            "can this be changed after it is made",
            "list changed in two places",
            "copy a list so the original stays the same",
            "edit a copy without touching the original",
            "b = a then changing b changes a",
            "independent copy",
            "strings cannot be changed",
            "tuple cannot be modified",
            "object changed in place",
            "both names point to the same list",
            "nested list copy still linked",
            "item assignment not supported",
            "copy instead of the same list",
            "unexpected change in another variable",
            "why did my original change",
        ),
        explanations={
            "beginner": (
                "Some objects can be changed after they are created (*mutable*: lists, dictionaries, sets) and some cannot (*immutable*: numbers, strings, tuples).\n\n"
                'Think of a whiteboard and a printed page. You can rub out and add to a whiteboard (a list: `items.append(4)`), but to "change" a printed page you have to print a new one '
                "(a string: `name.upper()` gives you a new string and leaves `name` as it was).\n\n"
                "This matters when two names refer to the same list: `b = a` does not make a second list, it gives the same list a second name, so changing it through `b` also changes what you see through `a`. "
                "When you want an independent list, copy it: `b = a.copy()`."
            ),
            "intermediate": (
                "Operations on immutable objects build new objects (`s.replace(...)`, `n + 1`); mutating methods on lists, dicts and sets change the object in place and return `None` (`append`, `sort`, `update`, `add`).\n\n"
                "Aliasing happens whenever a reference is shared: assignment, passing an argument to a function, and storing an object in a container. "
                "Copies made with `lst.copy()`, `lst[:]`, `list(lst)` or `dict(d)` are *shallow*: the outer container is new but the items inside are shared. "
                "Use `copy.deepcopy()` when the items are mutable too (a list of lists).\n\n"
                "A classic trap: `grid = [[0] * 3] * 3` creates three references to one inner list, so `grid[0][0] = 1` changes every row. Build it with `[[0] * 3 for _ in range(3)]` instead. "
                "Only hashable (in practice, immutable) objects can be dict keys or set members."
            ),
            "advanced": (
                "Immutability is shallow. A tuple holding a list cannot be resized or re-pointed, but `t[0].append(1)` still works, and such a tuple is unhashable. "
                "The famous puzzle `t = ([],); t[0] += [1]` both extends the list *and* raises `TypeError`, because `+=` first calls `list.__iadd__` and then tries to store the result back into the tuple.\n\n"
                "Default argument values are evaluated once at function definition time, so a mutable default is shared between calls. "
                "`copy.deepcopy` tracks already-copied objects in a memo dict (so cycles work) and can be customised with `__deepcopy__`; `copy.copy` uses `__copy__` or the pickle protocol.\n\n"
                "CPython can share immutable objects freely (small-int cache, interned strings, constant folding) precisely because nobody can change them. "
                'Repeated `s += piece` on strings may be quadratic because each step can allocate a new string; `"".join(parts)` is linear.'
            ),
        },
        example_code="""\
import copy

original = [[1, 2], [3, 4]]
alias = original
shallow = original.copy()
deep = copy.deepcopy(original)
original[0].append(99)
original.append([5])
print(alias)
print(shallow)
print(deep)
word = "hi"
louder = word.upper()
print(word, louder)
""",
        example_output="""\
[[1, 2, 99], [3, 4], [5]]
[[1, 2, 99], [3, 4]]
[[1, 2], [3, 4]]
hi HI
""",
        check_question="`a = [1, 2]`, then `b = a`, then `b.append(3)`. What is `a` now, and why?",
        check_answer="`[1, 2, 3]`: `b = a` does not copy; both names refer to the same list object, so the append is visible through both.",
        check_accepts=(r"(?<![\w.])1\s*,\s*2\s*,\s*3(?![\w.])",),
        check_rejects=(r"(?<![\w.])1\s*,\s*2\s*,\s*3\s*,\s*3",),
        common_mistakes=(
            "Writing `items = items.append(x)`: `append` returns `None`, so the list is lost.",
            "Building a 2-D grid with `[[0] * n] * n`, which repeats one inner list.",
            "Using a shallow copy of nested lists and being surprised that inner lists still change together.",
        ),
        references=(
            "https://docs.python.org/3/reference/datamodel.html#objects-values-and-types",
            "https://docs.python.org/3/library/copy.html",
            "https://docs.python.org/3/faq/programming.html#why-did-changing-list-y-also-change-list-x",
            "https://docs.python.org/3/faq/programming.html#how-do-i-create-a-multidimensional-list",
        ),
    ),
    ConceptCard(
        concept_id="equality-vs-identity",
        title="== versus is (equality and identity)",
        topic="variables",
        keywords=(
            "==",
            "is operator",
            "is vs ==",
            "== vs is",
            "is keyword",
            "identity",
            "equality",
            "is not",
            "!=",
            "id()",
            "same object",
            "is None",
            "compare objects",
            "interning",
        ),
        student_phrases=(
            "same value or same object",
            "is versus double equals",
            "compare with is",
            "check for None properly",
            "same thing in memory",
            "id of an object",
            "is gives a different result than ==",
            "when to use is",
            "identical objects",
            "compare two lists",
            "is for small numbers",
            "object identity check",
            "is operator",
            "== or is",
            "same object or just equal",
            "checking identity",
            "two variables point to one object",
        ),
        explanations={
            "beginner": (
                "`==` asks: *do these two have the same value?* `is` asks: *are these the very same object?*\n\n"
                "Think of identical twins: they look equal (`==`), but they are not the same person (`is`). Two lists created separately with the same items are equal, `[1, 2] == [1, 2]` is `True`, "
                "but they are two different lists, so `is` says `False`.\n\n"
                "Rule of thumb: use `==` to compare values (numbers, strings, lists). Use `is` only to check for `None`: `if result is None:`."
            ),
            "intermediate": (
                "`a == b` calls `a.__eq__(b)`, which each type defines: lists compare element by element, and for your own classes the default `__eq__` falls back to identity unless you override it. "
                "`a is b` is `True` only when both names refer to the same object (the same `id()` while both are alive). The negations are `!=` and `is not`.\n\n"
                "`None` is a singleton, and `is None` cannot be fooled by a custom `__eq__`, which is why style guides require `is None` / `is not None`.\n\n"
                'Do not use `is` with numbers or strings: `x is 1000` may be `False` even when `x == 1000`. Since Python 3.8 comparing with a literal via `is` triggers `SyntaxWarning: "is" with a literal`.'
            ),
            "advanced": (
                "CPython caches small ints (-5 to 256) and interns many strings (identifier-like literals, compile-time constants, `sys.intern` results), so `is` may appear to work for equal small values. "
                "That is an implementation detail, not a language guarantee, and it differs between interpreters and even between the REPL and a script.\n\n"
                'Containers compare items with identity first and equality second, so `nan = float("nan")` gives `nan == nan` as `False` but `[nan] == [nan]` and `nan in [nan]` as `True`. '
                "`id()` is the object's address in CPython and can be reused once the object is freed, so stored ids are not stable identities.\n\n"
                "Defining `__eq__` without `__hash__` makes a class unhashable (Python sets `__hash__ = None`), because equal objects must have equal hashes. "
                "`!=` calls `__ne__`, which by default inverts `__eq__` unless that returns `NotImplemented`."
            ),
        },
        example_code="""\
a = [1, 2, 3]
b = [1, 2, 3]
c = a
print(a == b, a is b)
print(a == c, a is c)
result = None
print(result is None)
nan = float("nan")
print(nan == nan, [nan] == [nan])
""",
        example_output="""\
True False
True True
True
False True
""",
        check_question="Two variables hold equal lists that were created separately. What do `x == y` and `x is y` give?",
        check_answer="`True` and `False`: the values are equal, but they are two distinct list objects.",
        check_accepts=(r"\btrue\b.*\bfalse\b",),
        check_rejects=(r"\bboth\b[^.;]{0,20}\b(true|false)\b",),
        common_mistakes=(
            "Comparing strings or numbers with `is`; it sometimes works by accident and then fails on other values.",
            "Writing `if x == None:` instead of `if x is None:`.",
            "Defining `__eq__` on a class and then being surprised that its instances can no longer go into a set.",
        ),
        references=(
            "https://docs.python.org/3/reference/expressions.html#identity-comparisons",
            "https://docs.python.org/3/reference/expressions.html#value-comparisons",
            "https://docs.python.org/3/library/functions.html#id",
        ),
    ),
    ConceptCard(
        concept_id="strings",
        title="Strings and string methods",
        topic="strings",
        keywords=(
            "string",
            "str",
            "text",
            "string methods",
            "split",
            "join",
            "strip",
            "replace",
            "upper",
            "lower",
            "find",
            "concatenate",
            "concatenation",
            "escape characters",
            "newline",
            "multiline string",
            "character",
            "string indexing",
            "immutable string",
        ),
        student_phrases=(
            "text",
            "work with text",
            "words and letters",
            "split a sentence into words",
            "join words together",
            "remove spaces at the ends",
            "make text uppercase",
            "replace a word in text",
            "count letters in a word",
            "length of a string",
            "glue strings together",
            "new line in text",
            "single or double quotes",
            "loop over each character",
            "letters in a word",
            "sentence",
            "lowercase a word",
            "cut text at commas",
            "is a substring in",
        ),
        explanations={
            "beginner": (
                'A string is a piece of text inside quotes: `\'hi\'` or `"hi"` (both kinds of quote work). A string is a sequence of characters, and each character has a position called an *index*, starting at 0: `"cat"[0]` is `"c"`.\n\n'
                'You can glue strings together with `+` (`"snow" + "man"`), repeat them with `*` (`"ha" * 3`) and find their length with `len()`. '
                "Strings also come with built-in tools called *methods*: `.upper()`, `.lower()`, `.strip()` (remove spaces at the ends), `.replace(old, new)` and `.split()` (cut into a list of words).\n\n"
                "Think of a string as a necklace of letter beads: you can look at any bead by its position, but you cannot swap one bead; instead you make a new necklace."
            ),
            "intermediate": (
                "Strings are immutable sequences of Unicode characters, so they support indexing, slicing, `in`, `len()` and iteration, and every method returns a *new* string.\n\n"
                '- `split()` with no argument splits on runs of whitespace and drops empty parts; `",".join(words)` is the inverse and needs an iterable of strings.\n'
                "- `find()` returns `-1` when the text is missing, `index()` raises `ValueError`.\n"
                "- `startswith`, `endswith`, `count`, `isdigit`, `title` cover most everyday needs.\n\n"
                'Escape sequences such as `\\n` (newline) and `\\t` (tab) write special characters; raw strings `r"C:\\new"` keep backslashes literally (useful for regular expressions and Windows paths); '
                'triple quotes span several lines. Comparisons are by character code, so `"Z" < "a"` is `True`.'
            ),
            "advanced": (
                "CPython stores strings with the flexible representation of PEP 393: 1, 2 or 4 bytes per character depending on the widest character, so indexing is O(1). "
                '`len()` counts code points, not bytes and not user-perceived characters: `"é"` can be one code point or two (`e` plus a combining accent); normalise with `unicodedata.normalize` before comparing. '
                'Convert to bytes with `.encode("utf-8")`.\n\n'
                '`strip("ab")` removes any of the *characters* `a` and `b` from both ends, which surprises people who meant a prefix; `removeprefix`/`removesuffix` (3.9+) remove an exact substring. '
                '`split()` and `split(" ")` differ on repeated spaces. For caseless matching `casefold()` beats `lower()` (`"ß".casefold()` is `"ss"`).\n\n'
                'Building a string with `+=` in a loop can be quadratic because each step may copy; collect parts in a list and `"".join()` them.'
            ),
        },
        example_code="""\
sentence = "  Python is fun  "
clean = sentence.strip()
print(clean.upper())
words = clean.split()
print(words)
print("-".join(words))
print(clean[0], clean[-1], len(clean))
print("fun" in clean, clean.find("java"))
print("banana".strip("ab"), "banana".removeprefix("ba"))
""",
        example_output="""\
PYTHON IS FUN
['Python', 'is', 'fun']
Python-is-fun
P n 13
True -1
nan nana
""",
        check_question="What does `'a,b,,c'.split(',')` return?",
        check_answer="`['a', 'b', '', 'c']`: with an explicit separator, empty fields between two commas are kept.",
        check_accepts=(r"(?<![a-z])'?a'?\s*,\s*'?b'?\s*,\s*''\s*,\s*'?c(?![a-z])",),
        common_mistakes=(
            "Calling `name.upper()` and expecting `name` itself to change; strings are immutable, so assign the result.",
            "Trying to change one character with `s[0] = 'X'` (`TypeError`); build a new string instead.",
            "Using `strip('abc')` to remove a prefix; it removes a set of characters. Use `removeprefix`.",
        ),
        references=(
            "https://docs.python.org/3/library/stdtypes.html#text-sequence-type-str",
            "https://docs.python.org/3/library/stdtypes.html#string-methods",
            "https://docs.python.org/3/reference/lexical_analysis.html#string-and-bytes-literals",
        ),
    ),
    ConceptCard(
        concept_id="f-strings",
        title="f-strings and string formatting",
        topic="strings",
        keywords=(
            "f-string",
            "fstring",
            "formatted string literal",
            "string formatting",
            "format",
            "str.format",
            "interpolation",
            "put a variable in a string",
            "decimal places",
            "format specifier",
            "padding",
            "align text",
            ".2f",
            "percent formatting",
        ),
        student_phrases=(
            "put a variable inside text",
            "show two decimal places",
            "money format",
            "print a table neatly",
            "insert values into a message",
            "curly braces in a print",
            "format a number with commas",
            "percentage format",
            "print name and age in one sentence",
            "combine text and numbers when printing",
            "round when printing",
            "format a float",
            "decimals when printing",
            "make output look nice",
        ),
        explanations={
            "beginner": (
                "An f-string lets you put values straight into text. Write an `f` just before the opening quote and put variable names inside curly braces:\n\n"
                '`f"Hi {name}, you are {age} years old"`\n\n'
                "It works like a form letter with blanks that Python fills in for you. You can put any expression in the braces, such as `{age + 1}` or `{name.upper()}`. "
                "After a colon you can say *how* to show the value: `{price:.2f}` shows exactly two decimal places, so `3.14159` becomes `3.14`."
            ),
            "intermediate": (
                "The expressions in braces are evaluated at run time in the current scope. After the colon comes the *format specification* mini-language:\n\n"
                "- width and alignment: `{name:>10}` (right), `{name:<10}` (left), `{name:^10}` (centre), with a fill character: `{n:*^10}`\n"
                "- numbers: `.2f` (fixed decimals), `,` (thousands separator), `.1%` (percentage), `e` (exponent), `x`/`b` (hex/binary), `03d` (zero-padded)\n"
                "- conversions: `{value!r}` uses `repr()`, handy for showing quotes around strings\n"
                "- debugging: `{total=}` (3.8+) prints `total=42`\n\n"
                'Literal braces are doubled: `f"{{"`. `str.format()` does the same job when the template is data (for example loaded from a file), and the old `%` operator still appears in older code and in `logging`.'
            ),
            "advanced": (
                "An f-string compiles to bytecode that evaluates each expression and calls `format(value, spec)`, which dispatches to `type(value).__format__(spec)`. "
                'That is why `f"{today:%Y-%m-%d}"` works for `datetime` objects and why your own classes can define their own format specs. '
                'Specs can nest: `f"{value:{width}.{precision}f}"`. f-strings are faster than `str.format()` because there is no method lookup or template parsing at run time.\n\n'
                "Python 3.11 still has the pre-PEP 701 restrictions: inside the braces you cannot reuse the enclosing quote character, use a backslash, or write a comment (3.12 lifted these). "
                'In `logging`, pass arguments separately (`log.info("user %s", user)`) so formatting only happens if the record is emitted, and never build SQL or shell commands with f-strings: use parameters.'
            ),
        },
        example_code="""\
name = "Ada"
score = 0.92
items = 1234567
print(f"{name} scored {score:.1%}")
print(f"{items:,} items")
print(f"|{name:>6}|{name:<6}|{name:^7}|")
print(f"{score=:.3f}")
print(f"{{braces}} and {name!r}")
print(f"{255:x} {5:03d}")
""",
        example_output="""\
Ada scored 92.0%
1,234,567 items
|   Ada|Ada   |  Ada  |
score=0.920
{braces} and 'Ada'
ff 005
""",
        check_question="How would you display `price = 3.14159` with exactly two decimal places using an f-string?",
        check_answer='`f"{price:.2f}"`, which produces `3.14`.',
        check_accepts=(r":\s*\.2f",),
        common_mistakes=(
            "Forgetting the `f` prefix, so the braces are printed literally.",
            "Rounding with `round()` and then printing, which drops trailing zeros (`2.5` instead of `2.50`); use a format spec such as `.2f`.",
            "Building SQL queries or shell commands with f-strings instead of parameters.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/inputoutput.html#formatted-string-literals",
            "https://docs.python.org/3/reference/lexical_analysis.html#formatted-string-literals",
            "https://docs.python.org/3/library/string.html#format-specification-mini-language",
        ),
    ),
)
