"""Cards for functions: definitions, parameters, *args/**kwargs, return, scope, lambda, decorators."""

from serve_app.domain.concepts.models import ConceptCard

CARDS: tuple[ConceptCard, ...] = (
    ConceptCard(
        concept_id="functions",
        title="Defining and calling functions",
        topic="functions",
        keywords=(
            "function",
            "def",
            "define a function",
            "call a function",
            "function call",
            "docstring",
            "reusable code",
            "why use functions",
            "type hints",
            "function annotations",
            "first-class functions",
        ),
        student_phrases=(
            "reuse code",
            "write my own command",
            "give a block of code a name",
            "call my code again",
            "def keyword",
            "forgot to call it",
            "function with inputs",
            "organise code into pieces",
            "define something i can call",
            "create a function",
            "avoid repeating code",
            "function body",
            "return and call",
            "my own function",
            "why write a function",
        ),
        explanations={
            "beginner": (
                "A function is a named, reusable block of code. You *define* it once with `def` and *call* it as many times as you like by writing its name followed by parentheses.\n\n"
                '```python\ndef greet(name):\n    return f"Hello, {name}!"\n\nprint(greet("Ada"))\n```\n\n'
                "A function is like a recipe: written down once, it can be cooked whenever you need it, and the ingredients you hand it (here `name`) can change each time. "
                'Defining a function does not run it; nothing happens until you call it, and calling needs the parentheses: `greet` on its own is just the recipe, `greet("Ada")` cooks it.'
            ),
            "intermediate": (
                "Functions let you name an idea, avoid repeating code and test pieces separately. The names in the `def` line are *parameters*; the values you pass in a call are *arguments*. "
                "A function sends a result back with `return`; without one it returns `None`.\n\n"
                'Good habits: a docstring as the first statement (`"""Return the area of a rectangle."""`), type hints (`def area(w: float, h: float) -> float:`), '
                "one job per function, and no hidden dependence on global variables: pass inputs in and return outputs.\n\n"
                "Functions are values: you can assign them to another name, store them in a list or dict, and pass them to other functions (`sorted(words, key=len)`)."
            ),
            "advanced": (
                "`def` is an executable statement: each time it runs it creates a new function object that bundles a code object, a reference to the module globals, default values and any closure cells. "
                "Introspect it with `__name__`, `__qualname__`, `__doc__`, `__defaults__`, `__annotations__` and `__code__`.\n\n"
                'Arguments are passed by assignment ("call by sharing"): the parameter is a new name for the caller\'s object, so mutating a list argument is visible to the caller, but rebinding the parameter is not.\n\n'
                "Calls have overhead (frame setup, argument binding). 3.11 made frames lazily materialised and lets the interpreter run Python-to-Python calls without recursing in C, so calls got noticeably cheaper, "
                "but the recursion limit still applies. `functools.partial` pre-binds arguments, and annotations are just metadata unless a tool or library reads them."
            ),
        },
        example_code="""\
def greet(name):
    \"\"\"Return a friendly greeting for name.\"\"\"
    return f"Hello, {name}!"


def area(width: float, height: float) -> float:
    return width * height


def nothing():
    pass


print(greet("Ada"))
print(area(3, 4.5))
print(greet.__doc__)
say = greet
print(say("Linus"))
print(nothing())
""",
        example_output="""\
Hello, Ada!
13.5
Return a friendly greeting for name.
Hello, Linus!
None
""",
        check_question="What is the difference between `greet` and `greet()`?",
        check_answer="`greet` is the function object itself (nothing runs); `greet()` calls it and evaluates to its return value.",
        check_accepts=(
            r"\bcall|invok|\bruns?\b|execut",
            r"object|itself|reference|refer|\bname\b|not (call|run|execut)|doesn't|does not|without|\bvalue\b",
        ),
        check_rejects=(
            r"greet\s*\(\s*\)\s*(is|=)\s*(just\s+)?(the\s+|a\s+)?(function\s+)?(object|reference|name)",
            r"greet\b(?!\s*\()\s*(calls|runs|executes|invokes)",
        ),
        common_mistakes=(
            "Defining a function but never calling it, then wondering why nothing happens.",
            "Forgetting the parentheses when calling (`total = compute` instead of `compute()`).",
            "Calling a function before the `def` statement has run (`NameError`).",
        ),
        references=(
            "https://docs.python.org/3/tutorial/controlflow.html#defining-functions",
            "https://docs.python.org/3/reference/compound_stmts.html#function-definitions",
            "https://docs.python.org/3/tutorial/controlflow.html#documentation-strings",
        ),
    ),
    ConceptCard(
        concept_id="parameters-and-defaults",
        title="Parameters, arguments and default values",
        topic="functions",
        keywords=(
            "parameter",
            "argument",
            "default argument",
            "default value",
            "optional parameter",
            "keyword argument",
            "positional argument",
            "named arguments",
            "mutable default argument",
            "keyword-only arguments",
            "positional-only parameters",
            "missing required positional argument",
            "passing arguments to a function",
        ),
        student_phrases=(
            "inputs to a function",
            "optional input",
            "default value for an input",
            "call with name=value",
            "missing argument error",
            "arguments in a different order",
            "list as a default argument keeps growing",
            "how many arguments",
            "positional versus keyword",
            "make an argument optional",
            "pass values to a function",
            "default that remembers old values",
            "required argument",
            "name=value when calling",
            "default parameter",
            "keyword argument",
            "argument order",
            "arguments names",
        ),
        explanations={
            "beginner": (
                "*Parameters* are the input slots a function declares; *arguments* are the values you put into those slots when you call it.\n\n"
                '```python\ndef order(item, size="medium"):\n    ...\n```\n\n'
                'Here `size` has a *default value*, so `order("tea")` works and means a medium tea, while `order("tea", "large")` overrides it. '
                'You can also name the slot you are filling: `order(size="large", item="coffee")`; with names, the order does not matter.\n\n'
                "Think of a coffee order form where some boxes come pre-filled: you only write in the ones you want to change."
            ),
            "intermediate": (
                "In a call, positional arguments fill parameters left to right, then keyword arguments fill them by name. In a definition, parameters with defaults must come after those without. "
                "Mistakes give clear errors: `missing 1 required positional argument`, `got multiple values for argument 'x'`, `unexpected keyword argument`.\n\n"
                "- Parameters after a bare `*` are *keyword-only*: `def connect(host, *, timeout=10)` forces callers to write `timeout=`, which keeps calls readable.\n"
                "- Parameters before `/` (3.8+) are *positional-only*: `def clamp(x, /, low, high)`.\n\n"
                "Default values are evaluated **once**, when the `def` runs, not on every call. A mutable default such as `bucket=[]` is therefore shared by all calls and keeps growing. "
                "Use `None` and create the list inside: `if bucket is None: bucket = []`."
            ),
            "advanced": (
                "Defaults live on the function object in `__defaults__` and `__kwdefaults__`; since they are evaluated at definition time, `def log(at=datetime.now())` freezes one timestamp forever. "
                'When `None` is itself a meaningful input, use a private sentinel (`_MISSING = object()`) to detect "not passed".\n\n'
                "Binding follows a fixed algorithm: positional arguments go to positional parameters, the overflow goes to `*args` if present, keywords are matched by name, "
                "leftover keywords go to `**kwargs`, and defaults fill whatever is still empty; anything unfilled is a `TypeError`. `inspect.signature(f).bind(*args, **kwargs)` runs the same algorithm for you.\n\n"
                "Positional-only parameters let a library rename parameters without breaking callers and let `**kwargs` accept a key with the same name (as `dict.update` does). "
                "Passing is by object reference, so a function that mutates an argument changes the caller's object; document that or copy first."
            ),
        },
        example_code="""\
def order(item, size="medium", *, sugar=0):
    return f"{size} {item} with {sugar} sugar"


print(order("tea"))
print(order("coffee", "large", sugar=2))
print(order(size="small", item="cocoa"))


def add_bad(item, bucket=[]):
    bucket.append(item)
    return bucket


def add_good(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket


print(add_bad(1), add_bad(2))
print(add_good(1), add_good(2))
""",
        example_output="""\
medium tea with 0 sugar
large coffee with 2 sugar
small cocoa with 0 sugar
[1, 2] [1, 2]
[1] [2]
""",
        check_question="Why is `def add(item, items=[])` a bug, and how do you fix it?",
        check_answer="The default list is created once and shared by every call, so items pile up between calls. Use `items=None` and create a new list inside the function when it is `None`.",
        check_accepts=(
            r"shar|once|same list|persist|remember|reuse|keeps|accumulat|pile|mutable",
            r"\bnone\b",
        ),
        common_mistakes=(
            "Using a mutable default value (`[]`, `{}`) and sharing it across calls.",
            "Putting a parameter without a default after one with a default (`SyntaxError`).",
            "Passing arguments in the wrong order; use keyword arguments for clarity.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/controlflow.html#default-argument-values",
            "https://docs.python.org/3/tutorial/controlflow.html#keyword-arguments",
            "https://docs.python.org/3/tutorial/controlflow.html#special-parameters",
            "https://docs.python.org/3/faq/programming.html#why-are-default-values-shared-between-objects",
        ),
    ),
    ConceptCard(
        concept_id="args-kwargs",
        title="*args and **kwargs",
        topic="functions",
        keywords=(
            "*args",
            "**kwargs",
            "args",
            "kwargs",
            "variable number of arguments",
            "arbitrary arguments",
            "star args",
            "double star",
            "unpack arguments",
            "splat",
            "varargs",
            "any number of arguments",
            "asterisk",
        ),
        student_phrases=(
            "any number of inputs",
            "unlimited arguments",
            "star before a parameter",
            "two stars before a parameter",
            "spread a list into a function call",
            "collect extra arguments",
            "function like print that takes many values",
            "variable number of inputs",
            "unpack into a call",
            "forward arguments to another function",
            "star in a function definition",
            "asterisk in def",
            "double asterisk parameter",
            "variable argument count",
        ),
        explanations={
            "beginner": (
                "Sometimes you do not know how many values someone will pass to your function. A parameter written with one star, `*numbers`, collects *all* the extra positional values into a tuple; "
                "a parameter with two stars, `**options`, collects all the extra named values into a dictionary.\n\n"
                "```python\ndef total(*numbers):\n    return sum(numbers)\n\ntotal(1, 2, 3)  # numbers is (1, 2, 3)\n```\n\n"
                "Think of a bag that holds however many items you are handed. The names `args` and `kwargs` are only a convention; the stars do the work."
            ),
            "intermediate": (
                "Parameter order in a definition: regular parameters, `*args`, keyword-only parameters, then `**kwargs`. Inside the function, `args` is a tuple and `kwargs` is a dict.\n\n"
                "The stars also work the other way round, in *calls*: `f(*values)` spreads a list into positional arguments and `f(**settings)` spreads a dict into keyword arguments. "
                "The same syntax builds containers: `[*a, *b]` and `{**defaults, **overrides}`.\n\n"
                "The most common real use is forwarding: a wrapper accepts `(*args, **kwargs)` and calls `func(*args, **kwargs)`, which is how decorators work with any function. "
                "Do not reach for them by default: explicit parameters give better error messages, autocompletion and documentation."
            ),
            "advanced": (
                "Every call that uses `*args`/`**kwargs` allocates a fresh tuple and dict; `kwargs` preserves the order the caller wrote (guaranteed since 3.6, PEP 468). "
                "Unpacking the same key twice, e.g. `f(x=1, **{\"x\": 2})`, raises `TypeError: got multiple values for keyword argument 'x'`, and `**` requires string keys.\n\n"
                "For type hints, `*args: int` means *each* positional argument is an `int`, and `**kwargs: str` means each value is a `str`; "
                "precise per-key typing of kwargs arrived with `Unpack[TypedDict]` (PEP 692, 3.12). "
                "Wrappers built with `(*args, **kwargs)` hide the real signature; `functools.wraps` sets `__wrapped__`, which `inspect.signature` follows to recover it."
            ),
        },
        example_code="""\
def total(*numbers):
    print(type(numbers).__name__, numbers)
    return sum(numbers)


def describe(name, **details):
    parts = [f"{key}={value}" for key, value in details.items()]
    return name + ": " + ", ".join(parts)


print(total(1, 2, 3))
print(describe("Ada", born=1815, field="maths"))
values = [4, 5]
options = {"born": 1906, "field": "computing"}
print(total(*values), describe("Grace", **options))


def log_call(func, *args, **kwargs):
    print("calling", func.__name__, args, kwargs)
    return func(*args, **kwargs)


print(log_call(max, 3, -9, key=abs))
""",
        example_output="""\
tuple (1, 2, 3)
6
Ada: born=1815, field=maths
tuple (4, 5)
9 Grace: born=1906, field=computing
calling max (3, -9) {'key': <built-in function abs>}
-9
""",
        check_question="Inside `def f(*args, **kwargs)`, what are the types of `args` and `kwargs` after the call `f(1, 2, x=3)`?",
        check_answer="`args` is the tuple `(1, 2)` and `kwargs` is the dict `{'x': 3}`.",
        check_accepts=(
            r"tuple.*dict|\(\s*1\s*,\s*2\s*\)[^{]*\{\s*'x'\s*:\s*3\s*\}|kwargs\W+(is\s+)?(a\s+)?dict\w*\b[^.;]*\bargs\W+(is\s+)?(a\s+)?tuple",
        ),
        check_rejects=(r"\bargs\W+(is\s+)?(a\s+)?(list|dict)",),
        common_mistakes=(
            "Passing a list without unpacking (`total(values)` instead of `total(*values)`), so `args` becomes a one-item tuple containing the list.",
            "Putting `**kwargs` before `*args` in the definition (`SyntaxError`).",
            "Forwarding only `*args` from a wrapper and silently dropping keyword arguments.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/controlflow.html#arbitrary-argument-lists",
            "https://docs.python.org/3/tutorial/controlflow.html#unpacking-argument-lists",
            "https://docs.python.org/3/reference/expressions.html#calls",
        ),
    ),
    ConceptCard(
        concept_id="return-vs-print",
        title="return versus print",
        topic="functions",
        keywords=(
            "return",
            "print",
            "return vs print",
            "return value",
            "function returns None",
            "None printed",
            "why does my function print None",
            "output vs result",
            "return statement",
            "print()",
            "get a value out of a function",
        ),
        student_phrases=(
            "get the answer out of a function",
            "use the result later",
            "function result is None",
            "shows on screen but not saved",
            "send back a value",
            "function gives back",
            "output versus result",
            "save what a function calculates",
            "none appears after my output",
            "why store the result",
            "give a value back to the caller",
            "print inside a function",
            "return ends the function",
            "result of a function",
            "value out of a function",
            "return or print",
            "printing is not returning",
            "got none back",
        ),
        explanations={
            "beginner": (
                "`print` and `return` look similar in small programs but do very different jobs.\n\n"
                "- `print(x)` *shows* something on the screen for a person to read. The program cannot use what was shown.\n"
                "- `return x` *hands a value back* to the code that called the function, which can store it, calculate with it or pass it on.\n\n"
                "A calculator's display shows you a number (like `print`), but a vending machine gives you the can itself (like `return`): you can take it away and use it. "
                'If your function only prints, then `answer = my_function()` stores `None`, Python\'s "nothing" value. Also, `return` ends the function immediately.'
            ),
            "intermediate": (
                "Every call produces a value: a function without `return` (or with a bare `return`) returns `None`. "
                "That is why `print(f())` on a function that prints shows its text and then `None`: the inner `print` writes the text, and the outer `print` shows `f`'s return value.\n\n"
                "`return` can hand back any object, including several values as a tuple (`return low, high`), and any code after it in the same block never runs.\n\n"
                "Prefer functions that *return* results and do the printing at the edge of your program (for example in a `main()` function): returned values can be tested (`assert add(2, 2) == 4`), reused and combined. "
                "The interactive prompt echoes the value of each expression, which makes returned values look as if they were printed."
            ),
            "advanced": (
                "`print(*objects, sep=' ', end='\\n', file=sys.stdout, flush=False)` converts each object with `str()` and writes to a text stream; it is a side effect and itself returns `None`. "
                "The REPL displays results through `sys.displayhook`, which skips `None`, so the two get confused in interactive sessions.\n\n"
                "`return` ends the frame. In a generator, `return value` raises `StopIteration(value)` (this is how `yield from` receives a result). "
                "A `return` inside `finally` overrides the `try` block's return value and silently swallows any exception in flight, so avoid it.\n\n"
                "Separating pure computation from I/O is the core of testable design: a returning function needs only an `assert`, while a printing one forces you to capture `stdout` (pytest's `capsys`)."
            ),
        },
        example_code="""\
def shout_print(word):
    print(word.upper() + "!")


def shout_return(word):
    return word.upper() + "!"


result_a = shout_print("hi")
result_b = shout_return("hi")
print(result_a, result_b)
print(shout_return("hey") * 2)
""",
        example_output="""\
HI!
None HI!
HEY!HEY!
""",
        check_question="A function prints `5` but has no `return`. What does `x = f()` store in `x`?",
        check_answer="`None`. Printing only shows the value on screen; without `return` the function returns `None`.",
        check_accepts=(r"\bnone\b",),
        common_mistakes=(
            "Printing inside a function and then trying to use the result in a calculation (`TypeError` involving `NoneType`).",
            "Writing code after `return` and expecting it to run.",
            "Returning inside a loop too early, so only the first item is processed.",
        ),
        references=(
            "https://docs.python.org/3/reference/simple_stmts.html#the-return-statement",
            "https://docs.python.org/3/library/functions.html#print",
            "https://docs.python.org/3/tutorial/controlflow.html#defining-functions",
        ),
    ),
    ConceptCard(
        concept_id="scope",
        title="Variable scope: local, global and nonlocal",
        topic="functions",
        keywords=(
            "scope",
            "local variable",
            "global variable",
            "global",
            "nonlocal",
            "LEGB",
            "UnboundLocalError",
            "namespace",
            "variable not defined outside function",
            "closure",
            "enclosing scope",
            "variable inside a function",
        ),
        student_phrases=(
            "variable not seen outside the function",
            "change a global variable inside a function",
            "where a variable exists",
            "local versus global",
            "variable from inside a function",
            "variable disappears after the function",
            "can't see the variable",
            "referenced before assignment",
            "inner function changes outer variable",
            "same name inside and outside",
            "variable visibility",
            "counter inside function not updating",
            "global keyword",
            "which variable is used",
            "global variable",
            "variable inside function",
            "outside the function",
            "local variable",
            "nonlocal",
        ),
        explanations={
            "beginner": (
                "A variable created inside a function is *local*: it exists only while the function runs and cannot be seen from outside. Variables created at the top level of a file are *global*: every function can read them.\n\n"
                "Think of a hotel: what you write on the notepad in your room (local) stays in your room, while the notice board in the lobby (global) is visible to every guest. "
                "If you want a value to leave a function, `return` it; if a function needs a value, pass it in as an argument. Changing global variables from inside functions makes programs hard to follow."
            ),
            "intermediate": (
                "Python looks names up in **LEGB** order: **L**ocal, **E**nclosing functions, **G**lobal (the module), **B**uilt-ins. Reading a global from a function just works.\n\n"
                "Assigning to a name anywhere in a function makes it local for the *whole* function, so reading it before that assignment raises `UnboundLocalError`. "
                "To rebind a module-level name, declare `global name`; to rebind a variable of an enclosing function (for example a counter in a closure), declare `nonlocal name`. "
                "Mutating a global object (`cache.append(x)`) needs no declaration, because the name is not rebound.\n\n"
                "`if`, `for` and `while` blocks do not create a new scope; functions, classes, modules and comprehensions do."
            ),
            "advanced": (
                "Scopes are decided at compile time by the symbol table. Locals live in fast array slots (`LOAD_FAST`); globals and built-ins are dict lookups (`LOAD_GLOBAL`, cached inline since 3.11). "
                "Variables captured by inner functions become *cells*, visible as `func.__closure__`; closures see the variable, not a snapshot, which causes the late-binding surprise with lambdas in loops.\n\n"
                "Class bodies are not enclosing scopes for the functions defined in them: a method must use `self.x` or `ClassName.x`, and a comprehension in a class body cannot see class variables except in its outermost iterable. "
                "The name bound by `except E as err` is deleted at the end of the handler. "
                "In a function, `locals()` returns a snapshot, and writing to it does not change the real local variables."
            ),
        },
        example_code="""\
counter = 0


def increment():
    global counter
    counter += 1


def make_counter():
    count = 0

    def step():
        nonlocal count
        count += 1
        return count

    return step


def broken():
    try:
        print(counter)
        counter = 5
    except UnboundLocalError as error:
        print("UnboundLocalError:", error)


increment()
increment()
print(counter)
tick = make_counter()
print(tick(), tick(), tick())
broken()
""",
        example_output="""\
2
1 2 3
UnboundLocalError: cannot access local variable 'counter' where it is not associated with a value
""",
        check_question="A function does `total = total + 1` where `total` is a global and there is no `global` statement. What happens and why?",
        check_answer="`UnboundLocalError`: the assignment makes `total` local to the whole function, so reading it on the right-hand side happens before the local has a value.",
        check_accepts=(
            r"unbound\s*local|local\w*\b[^.;]{0,60}\b(before|no value|not\s+(yet\s+)?(assigned|defined|set)|unassigned)|referenced before assignment",
        ),
        common_mistakes=(
            "Expecting a variable created inside a function to exist after the function returns.",
            "Using `global` to pass data between functions instead of parameters and return values.",
            "Assigning to a global name inside a function without `global`, which creates a separate local variable.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/classes.html#python-scopes-and-namespaces",
            "https://docs.python.org/3/reference/executionmodel.html#resolution-of-names",
            "https://docs.python.org/3/reference/simple_stmts.html#the-global-statement",
            "https://docs.python.org/3/reference/simple_stmts.html#the-nonlocal-statement",
            "https://docs.python.org/3/faq/programming.html#what-are-the-rules-for-local-and-global-variables-in-python",
        ),
    ),
    ConceptCard(
        concept_id="lambda-map-filter",
        title="lambda, map() and filter()",
        topic="functions",
        keywords=(
            "lambda",
            "lambda function",
            "anonymous function",
            "map",
            "filter",
            "reduce",
            "functools.reduce",
            "inline function",
            "functional programming",
            "higher-order function",
            "passing a function as an argument",
            "lambda vs def",
        ),
        student_phrases=(
            "small function in one line",
            "function without a name",
            "apply a function to every item",
            "keep only some items with a function",
            "map object",
            "filter a list",
            "convert every element",
            "quick throwaway function",
            "pass a function to another function",
            "combine all items into one value",
            "functional style",
            "one-line anonymous function",
            "map a function over a list",
            "filter with a condition function",
            "function without def",
            "key=lambda",
        ),
        explanations={
            "beginner": (
                "A `lambda` is a tiny function without a name, written on one line: `lambda x: x * 2` takes `x` and gives back `x * 2`. "
                "It is handy when another function asks you for a function, for example `sorted(words, key=lambda w: w[-1])` sorts words by their last letter.\n\n"
                "`map(func, items)` applies a function to every item, and `filter(func, items)` keeps only the items for which the function says `True`. "
                "Picture a conveyor belt: `map` is a machine that stamps every box, `filter` is a sieve that lets only some boxes through. Wrap them in `list()` to see the results."
            ),
            "intermediate": (
                "A lambda's body is a single expression whose value is returned automatically; it cannot contain statements such as `if` blocks, loops or `return`. "
                "Use it for short throwaway functions (sort keys, callbacks) and use `def` for anything you would name: PEP 8 discourages `f = lambda x: ...`.\n\n"
                "`map` and `filter` return lazy iterators. List comprehensions usually read better: `[x * 2 for x in xs if x > 0]` instead of `list(map(lambda x: x * 2, filter(lambda x: x > 0, xs)))`. "
                '`map` shines with an existing function: `list(map(int, "1 2 3".split()))`. `filter(None, items)` drops falsy items. '
                "`functools.reduce(func, items)` folds a sequence into one value, though `sum`, `max`, `math.prod`, `any` and `all` are clearer when they fit."
            ),
            "advanced": (
                "A lambda creates an ordinary function object whose `__name__` is `'<lambda>'`, which makes tracebacks and profiles harder to read. "
                "Lambdas (like any closure) bind variables late: `[lambda: i for i in range(3)]` produces functions that all return `2`; bind the current value with a default, `lambda i=i: i`.\n\n"
                "`map` accepts several iterables (`map(pow, bases, exponents)`) and stops at the shortest. Performance: `map` with a built-in runs entirely in C, "
                "but `map` with a lambda pays a Python call per item and is typically slower than the equivalent comprehension. "
                "The `operator` module (`itemgetter`, `attrgetter`, `methodcaller`, `add`, `mul`) provides C-implemented replacements for many lambdas."
            ),
        },
        example_code="""\
from functools import reduce

numbers = [3, 8, 1, 6]
print(list(map(lambda n: n * 10, numbers)))
print(list(filter(lambda n: n % 2 == 0, numbers)))
print([n * 10 for n in numbers if n > 2])
print(list(map(int, "4 5 6".split())))
print(reduce(lambda a, b: a * b, numbers))
pairs = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(pairs, key=lambda pair: pair[1]))
late = [lambda: i for i in range(3)]
bound = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in bound])
""",
        example_output="""\
[30, 80, 10, 60]
[8, 6]
[30, 80, 60]
[4, 5, 6]
144
[('c', 1), ('b', 2), ('a', 3)]
[2, 2, 2] [0, 1, 2]
""",
        check_question="Rewrite `list(map(lambda s: s.upper(), words))` as a list comprehension.",
        check_answer="`[s.upper() for s in words]` (or `list(map(str.upper, words))`).",
        check_accepts=(r"\[\s*(\w+)\.upper\(\s*\)\s+for\s+\1\s+in\s+words\s*\]",),
        common_mistakes=(
            "Printing a `map` or `filter` object directly and seeing `<map object at ...>`; wrap it in `list()`.",
            "Trying to write statements (assignments, `return`, multi-line `if`) inside a lambda.",
            "Creating lambdas in a loop that all use the final value of the loop variable.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/controlflow.html#lambda-expressions",
            "https://docs.python.org/3/library/functions.html#map",
            "https://docs.python.org/3/library/functions.html#filter",
            "https://docs.python.org/3/library/functools.html#functools.reduce",
            "https://docs.python.org/3/faq/programming.html#why-do-lambdas-defined-in-a-loop-with-different-values-all-return-the-same-result",
        ),
    ),
    ConceptCard(
        concept_id="decorators",
        title="Decorators",
        topic="functions",
        keywords=(
            "decorator",
            "decorators",
            "@",
            "@decorator",
            "at sign above function",
            "wrapper function",
            "functools.wraps",
            "decorator with arguments",
            "timing decorator",
            "lru_cache",
            "memoize",
            "function that returns a function",
        ),
        student_phrases=(
            "at sign above a def",
            "wrap a function",
            "add behaviour to a function",
            "time how long a function takes",
            "log every call",
            "function inside a function returned",
            "run code before and after a function",
            "cache results of a function",
            "the @ line",
            "modify a function without changing it",
            "decorator that takes arguments",
            "reuse extra behaviour on many functions",
            "check permissions before running",
            "@something above a function",
            "wrapper",
            "decorate",
            "extra code around a function",
            "function that wraps another",
        ),
        explanations={
            "beginner": (
                "A decorator adds extra behaviour to a function without changing the function's own code. You apply it by writing `@name` on the line above `def`.\n\n"
                "Think of gift wrapping: the present inside (your function) stays the same, but the wrapping adds something around it, such as printing a log line, timing the call or checking a password first.\n\n"
                '```python\n@shout\ndef greet(name):\n    return f"hello {name}"\n```\n\n'
                "is just a shorter way of writing `greet = shout(greet)`: the decorator receives your function and gives back an improved version."
            ),
            "intermediate": (
                "A decorator is a function that takes a function and returns a function, usually an inner `wrapper(*args, **kwargs)` that does something before and/or after calling the original. "
                "Decorate the wrapper with `@functools.wraps(func)` so the result keeps the original `__name__` and docstring.\n\n"
                "A decorator that takes arguments, such as `@repeat(3)`, needs one more level: `repeat(3)` is called first and must *return* the actual decorator. "
                "Stacked decorators apply from the bottom up.\n\n"
                "Built-in examples you will meet: `@property`, `@staticmethod`, `@classmethod`, `@functools.cache` / `@functools.lru_cache` (memoisation) and the class decorator `@dataclass`."
            ),
            "advanced": (
                "Decorators run once, at definition time (usually import time), which is why they are used for registration (web routes, plugin registries, pytest fixtures). "
                "Since 3.9 (PEP 614) any expression can follow `@`. `functools.wraps` copies `__module__`, `__name__`, `__qualname__`, `__doc__` and `__dict__`, and sets `__wrapped__`, "
                "which `inspect.signature` and tools follow to find the original.\n\n"
                "Class-based decorators implement `__call__`; to work on methods they also need `__get__`, because plain functions are descriptors that bind `self` and arbitrary callables are not. "
                "Each wrapper layer adds a call per invocation. `lru_cache` needs hashable arguments, and using it on methods keeps every `self` alive in the cache; "
                "prefer `functools.cached_property` or a per-instance cache there."
            ),
        },
        example_code="""\
import functools


def shout(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs).upper() + "!"

    return wrapper


def repeat(times):
    def decorator(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            return [func(*args, **kwargs) for _ in range(times)]

        return wrapper

    return decorator


@shout
def greet(name):
    \"\"\"Say hello.\"\"\"
    return f"hello {name}"


@repeat(3)
def roll():
    return 4


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(greet("ada"))
print(greet.__name__, greet.__doc__)
print(roll())
print(fib(80))
""",
        example_output="""\
HELLO ADA!
greet Say hello.
[4, 4, 4]
23416728348467685
""",
        check_question="What plain assignment is equivalent to putting `@timer` above `def work(): ...`?",
        check_answer="`work = timer(work)`: the decorator is called with the function and its return value replaces the name.",
        check_accepts=(r"\bwork\s*=\s*timer\s*\(\s*work\s*\)",),
        common_mistakes=(
            "Forgetting to return the wrapper from the decorator, so the decorated name becomes `None`.",
            "Forgetting `functools.wraps`, which loses the function's name and docstring.",
            "Calling the function inside the decorator instead of wrapping it, so it runs at import time.",
        ),
        references=(
            "https://docs.python.org/3/glossary.html#term-decorator",
            "https://docs.python.org/3/reference/compound_stmts.html#function-definitions",
            "https://docs.python.org/3/library/functools.html#functools.wraps",
            "https://docs.python.org/3/library/functools.html#functools.lru_cache",
        ),
    ),
)
