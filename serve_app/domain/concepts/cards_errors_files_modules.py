"""Cards for exceptions, files and the with statement, modules and the __main__ guard."""

from serve_app.domain.concepts.models import ConceptCard

CARDS: tuple[ConceptCard, ...] = (
    ConceptCard(
        concept_id="exceptions",
        title="Handling exceptions with try and except",
        topic="exceptions",
        keywords=(
            "exception",
            "exceptions",
            "try",
            "except",
            "try except",
            "error handling",
            "catch an error",
            "handle errors",
            "finally",
            "try else",
            "ValueError",
            "ZeroDivisionError",
            "traceback",
            "program crashes",
            "EAFP",
            "bare except",
        ),
        student_phrases=(
            "stop the program from crashing",
            "handle an error",
            "catch a mistake",
            "try and except",
            "when the user types a letter instead of a number",
            "ask again after bad input",
            "the program crashed with an error",
            "error message",
            "ignore an error",
            "finally block",
            "divide by zero error",
            "what to do when something goes wrong",
            "recover from errors",
            "valueerror invalid literal",
            "red error text",
            "crash",
            "error handling",
            "catch errors",
            "try block",
        ),
        explanations={
            "beginner": (
                'When something goes wrong while a program runs (dividing by zero, turning `"abc"` into a number, opening a file that does not exist) Python *raises an exception*. '
                "If nothing handles it, the program stops and prints a *traceback*; the last line tells you the exception type and message, which is the first thing to read.\n\n"
                "`try`/`except` lets you handle it: put the risky code under `try`, and what to do instead under `except`.\n\n"
                '```python\ntry:\n    age = int(text)\nexcept ValueError:\n    print("Please type a whole number")\n```\n\n'
                "It works like the safety net under a trapeze: the act goes on normally, and the net only matters when someone falls."
            ),
            "intermediate": (
                "Catch *specific* exceptions: `except ValueError:`, several handlers in a row, or a tuple `except (KeyError, IndexError) as err:` to inspect the error object. "
                "The full statement has two more optional parts: `else` runs only if the `try` block raised nothing, and `finally` always runs, whether or not there was an exception (ideal for cleanup).\n\n"
                "An unhandled exception travels up the call stack, function by function, until some `try` catches it. Handlers are checked in order and the first matching one wins, "
                "so put specific classes before general ones (a `ZeroDivisionError` is also an `ArithmeticError` and an `Exception`).\n\n"
                "Keep `try` blocks small, and never write a bare `except:` or `except Exception: pass`: they hide real bugs (a bare `except` even catches Ctrl+C). "
                "Python style often prefers *EAFP* (try it and handle the failure) over *LBYL* (check every condition first)."
            ),
            "advanced": (
                "Exceptions are instances of classes derived from `BaseException`. Catch `Exception`, not `BaseException`, so that `SystemExit`, `KeyboardInterrupt` and `GeneratorExit` still work. "
                "An exception raised while handling another records it as `__context__`; `raise New(...) from err` sets `__cause__` explicitly, and `from None` hides the context.\n\n"
                "3.11 added `ExceptionGroup` with `except*` for several simultaneous errors (as raised by `asyncio.TaskGroup`), `BaseException.add_note()` for extra context, "
                'and tracebacks that point at the exact failing sub-expression. Its "zero-cost" exceptions make a `try` block free when nothing is raised, '
                "but raising and catching is still far more expensive than an `if`, so do not use exceptions as ordinary control flow in hot loops.\n\n"
                "The name bound by `except E as err` is deleted when the handler ends (to break a traceback reference cycle). Use `logging.exception()` or `traceback.format_exc()` to record the full traceback."
            ),
        },
        example_code="""\
def to_int(text):
    try:
        number = int(text)
    except ValueError as error:
        print("not a number:", error)
        return None
    else:
        print("converted", text)
        return number
    finally:
        print("checked", repr(text))


print(to_int("42"))
print(to_int("forty"))
try:
    print(10 / 0)
except (ZeroDivisionError, TypeError) as error:
    print(type(error).__name__, error)
""",
        example_output="""\
converted 42
checked '42'
42
not a number: invalid literal for int() with base 10: 'forty'
checked 'forty'
None
ZeroDivisionError division by zero
""",
        check_question="In a `try`/`except`/`else`/`finally` statement, which blocks run when the `try` block raises no exception?",
        check_answer="The `try` block, then `else`, then `finally`. The `except` handlers are skipped.",
        check_accepts=(
            r"\belse\b",
            r"\bfinally\b",
        ),
        check_rejects=(
            r"\bexcept\b\s*(block\s*|handlers?\s*|clauses?\s*)?(also\s+)?(runs|run|executes|too)\b",
            r"\b(try|else|finally)\W+(and\W+)?except\b(?![^.;]{0,30}(skip|\bnot\b|n't\b|never))",
        ),
        common_mistakes=(
            "Using a bare `except:` or `except Exception: pass`, which hides bugs.",
            "Wrapping a whole program in one `try` instead of just the line that can fail.",
            "Ordering handlers from general to specific, so the specific handler never runs.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/errors.html#handling-exceptions",
            "https://docs.python.org/3/reference/compound_stmts.html#the-try-statement",
            "https://docs.python.org/3/library/exceptions.html#exception-hierarchy",
            "https://docs.python.org/3/glossary.html#term-EAFP",
        ),
    ),
    ConceptCard(
        concept_id="raising-exceptions",
        title="Raising exceptions and custom exception classes",
        topic="exceptions",
        keywords=(
            "raise",
            "raise an exception",
            "throw an error",
            "throw",
            "custom exception",
            "define my own exception",
            "exception class",
            "raise from",
            "re-raise",
            "exception chaining",
            "input validation",
            "raise ValueError",
        ),
        student_phrases=(
            "throw my own error",
            "make my own error type",
            "stop the function with an error",
            "reject bad input",
            "raise",
            "custom error message",
            "complain when a value is negative",
            "raise an error on purpose",
            "error class",
            "pass an error up",
            "raise valueerror",
            "raise an exception",
            "my own exception class",
            "throw",
            "error on purpose",
            "tell the caller it failed",
        ),
        explanations={
            "beginner": (
                "You can raise exceptions yourself when your function is given something it cannot work with:\n\n"
                '```python\nif age < 0:\n    raise ValueError("age cannot be negative")\n```\n\n'
                "It is like a referee blowing the whistle: play stops straight away, and the message says what went wrong. "
                "This is better than returning a strange value such as `-1`, because the caller cannot accidentally ignore an exception."
            ),
            "intermediate": (
                "Choose the built-in exception that fits: `ValueError` (right type, unacceptable value), `TypeError` (wrong type), `KeyError`/`IndexError` (missing key or position), "
                "`NotImplementedError` (a method subclasses must provide), `RuntimeError` (anything else). Write messages that say what was wrong and with which value.\n\n"
                "For your own errors, subclass `Exception`: `class InsufficientFundsError(Exception): pass`. A small hierarchy (`class BankError(Exception)` with specific subclasses) lets callers catch all your errors at once.\n\n"
                'Inside an `except` block, a bare `raise` re-raises the current exception unchanged. To translate a low-level error into a meaningful one, use `raise ConfigError("bad port") from err`, which keeps the original as the cause.'
            ),
            "advanced": (
                '`raise` accepts a class (instantiated with no arguments) or an instance. `raise New from err` stores `err` in `__cause__` and the traceback shows *"The above exception was the direct cause of the following exception"*; '
                'without `from`, the earlier exception is still recorded as `__context__` (*"During handling of the above exception, another exception occurred"*), and `from None` suppresses it.\n\n'
                "Custom exceptions can carry structured data as attributes; call `super().__init__(message)` so `str(err)`, `err.args` and pickling behave. "
                'Never subclass `BaseException` for application errors. 3.11 adds `err.add_note("while loading config")` to enrich an exception without wrapping it, and `ExceptionGroup` to raise several at once.\n\n'
                "An exception holds its traceback (`__traceback__`), and through it every frame's locals; keeping exceptions around (in lists, caches) keeps those objects alive."
            ),
        },
        example_code="""\
class InsufficientFundsError(Exception):
    def __init__(self, balance, amount):
        super().__init__(f"cannot withdraw {amount}, balance is {balance}")
        self.shortfall = amount - balance


def withdraw(balance, amount):
    if amount <= 0:
        raise ValueError("amount must be positive")
    if amount > balance:
        raise InsufficientFundsError(balance, amount)
    return balance - amount


for amount in (30, -5, 500):
    try:
        print("left:", withdraw(100, amount))
    except InsufficientFundsError as error:
        print("Refused:", error, "| short by", error.shortfall)
    except ValueError as error:
        print("Invalid:", error)


def load_port(text):
    try:
        return int(text)
    except ValueError as error:
        raise RuntimeError(f"bad port setting {text!r}") from error


try:
    load_port("eighty")
except RuntimeError as error:
    print(error, "| caused by", type(error.__cause__).__name__)
""",
        example_output="""\
left: 70
Invalid: amount must be positive
Refused: cannot withdraw 500, balance is 100 | short by 400
bad port setting 'eighty' | caused by ValueError
""",
        check_question="How do you define your own exception type called `OutOfStockError`, and raise it with a message?",
        check_answer='`class OutOfStockError(Exception): pass`, then `raise OutOfStockError("no apples left")`.',
        check_accepts=(
            r"class\s+outofstockerror\s*\(\s*\w*(exception|error)\s*\)",
            r"raise\s+outofstockerror\s*\(",
        ),
        common_mistakes=(
            "Returning error codes or printing an error message instead of raising, so the caller carries on with bad data.",
            "Raising a plain `Exception(...)`, which forces callers to catch everything.",
            "Using `raise err` instead of a bare `raise` when re-raising, or losing the original cause when translating errors.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/errors.html#raising-exceptions",
            "https://docs.python.org/3/tutorial/errors.html#user-defined-exceptions",
            "https://docs.python.org/3/tutorial/errors.html#exception-chaining",
            "https://docs.python.org/3/reference/simple_stmts.html#the-raise-statement",
        ),
    ),
    ConceptCard(
        concept_id="files-and-with",
        title="Reading and writing files with open() and with",
        topic="files",
        keywords=(
            "file",
            "files",
            "open",
            "open()",
            "read a file",
            "write to a file",
            "with statement",
            "with open",
            "context manager",
            "readlines",
            "append to a file",
            "file mode",
            "encoding",
            "FileNotFoundError",
            "close a file",
            "pathlib",
            "__enter__",
            "__exit__",
        ),
        student_phrases=(
            "read a text file",
            "save to a file",
            "write lines to a file",
            "add to the end of a file",
            "open a file",
            "file modes",
            "close the file automatically",
            "file not found",
            "read a csv",
            "load data from a file",
            "line by line from a file",
            "save results",
            "with open as f",
            "read whole file",
            "write text file",
            "open and read",
            "append mode",
            "file handle",
            "text file",
        ),
        explanations={
            "beginner": (
                '`open()` connects your program to a file on disk. The *mode* says what you want to do: `"r"` read (the default), `"w"` write (this **erases** what was there), `"a"` append to the end.\n\n'
                "Always open files with a `with` block:\n\n"
                '```python\nwith open("notes.txt", encoding="utf-8") as f:\n    for line in f:\n        print(line.rstrip())\n```\n\n'
                "When the block ends, Python closes the file for you, even if an error happened inside. It is like borrowing a library book where `with` guarantees the book is returned. "
                'Read everything with `f.read()` or line by line with a `for` loop; write with `f.write("text\\n")` (it does not add the newline for you).'
            ),
            "intermediate": (
                'Pass `encoding="utf-8"` explicitly: the default depends on the operating system\'s locale, so the same program can fail on another machine. '
                "Modes combine: `x` creates a new file and fails if it exists, `b` is binary (bytes instead of str), `+` allows reading and writing.\n\n"
                'Looping over a file yields lines that still end in `"\\n"`; strip them with `line.rstrip("\\n")`. `readline()` reads one line and `readlines()` all of them into a list.\n\n'
                "Relative paths are resolved against the *current working directory*, not the folder of your script, which is the classic cause of `FileNotFoundError`. "
                '`pathlib.Path` makes paths easier: `Path("data") / "scores.txt"`, `.exists()`, `.read_text()`, `.write_text()`. '
                "For structured data use the `csv` and `json` modules. `with` works for anything that is a *context manager*: locks, database connections, temporary directories."
            ),
            "advanced": (
                "`with expr as x:` calls `expr.__enter__()` and binds its result, then guarantees `__exit__(exc_type, exc, traceback)` on the way out; "
                "if `__exit__` returns a true value the exception is suppressed. `contextlib.contextmanager` builds one from a generator, `ExitStack` manages a dynamic number of them, "
                "and several managers can share one `with` statement, with a parenthesised multi-line form officially supported since 3.10.\n\n"
                "Text mode decodes bytes and translates newlines; binary mode gives raw `bytes`. Writes are buffered, which is why data can be lost when a file is never closed; "
                "`flush()` pushes the buffer to the OS and `os.fsync()` asks the OS to reach the disk. For crash-safe updates, write to a temporary file in the same directory and `os.replace()` it over the original (atomic on POSIX).\n\n"
                "Iterate over large files line by line instead of `read()`, which loads everything into memory. PEP 686 plans to make UTF-8 the default encoding in 3.15."
            ),
        },
        example_code="""\
from pathlib import Path

path = Path("notes.txt")  # in the current folder; "w" below starts it afresh each run
with open(path, "w", encoding="utf-8") as f:
    f.write("first line\\n")
    f.write("second line\\n")
with open(path, "a", encoding="utf-8") as f:
    f.write("appended\\n")
with open(path, encoding="utf-8") as f:
    for number, line in enumerate(f, start=1):
        print(number, line.rstrip("\\n"))
print(f.closed)
print(path.read_text(encoding="utf-8").splitlines())
try:
    open("missing.txt", encoding="utf-8")
except FileNotFoundError as error:
    print("FileNotFoundError:", error.strerror)
""",
        example_output="""\
1 first line
2 second line
3 appended
True
['first line', 'second line', 'appended']
FileNotFoundError: No such file or directory
""",
        check_question='What happens to the existing contents of a file when you open it with mode `"w"`?',
        check_answer='They are erased: `"w"` truncates the file to zero length first. Use `"a"` to add to the end instead.',
        check_accepts=(
            r"eras|delet|truncat|\bwip|overwrit|\blost\b|\bgone\b|clear|remov|replac|empt|destroy",
        ),
        check_rejects=(r"\b(kept|preserved|appended)\b",),
        common_mistakes=(
            'Opening with `"w"` when you meant `"a"`, wiping the file.',
            'Forgetting `encoding="utf-8"`, so non-ASCII text breaks on another machine.',
            "Using a path relative to the script's folder while running from a different working directory.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/inputoutput.html#reading-and-writing-files",
            "https://docs.python.org/3/library/functions.html#open",
            "https://docs.python.org/3/reference/compound_stmts.html#the-with-statement",
            "https://docs.python.org/3/library/pathlib.html",
        ),
    ),
    ConceptCard(
        concept_id="modules-and-imports",
        title="Modules, packages and import",
        topic="modules",
        keywords=(
            "module",
            "modules",
            "import",
            "from import",
            "import as",
            "package",
            "standard library",
            "ModuleNotFoundError",
            "ImportError",
            "pip install",
            "import my own file",
            "__init__.py",
            "circular import",
            "sys.path",
        ),
        student_phrases=(
            "use code from another file",
            "import my own file",
            "use math functions",
            "random numbers library",
            "install a package",
            "no module named",
            "standard library",
            "from math import sqrt",
            "import as alias",
            "organise code into folders",
            "use someone else's code",
            "libraries",
            "import error",
            "import",
            "module",
            "package",
            "use another file",
            "library",
        ),
        explanations={
            "beginner": (
                "A module is simply a Python file whose code you can reuse somewhere else. `import math` loads the `math` module, and then you use its tools with a dot: `math.sqrt(16)`.\n\n"
                "Python comes with a large *standard library* of ready-made modules (`random`, `math`, `datetime`, `json`, ...), and you can import your own files too: "
                "code in `helpers.py` is available with `import helpers` from a file in the same folder. Extra libraries from the internet are installed with `pip`.\n\n"
                "Think of modules as toolboxes on a shelf: `import math` takes the whole toolbox, and `from math import sqrt` takes one tool out of it."
            ),
            "intermediate": (
                "The common forms are `import math`, `from math import sqrt, pi` and `import numpy as np`. Avoid `from module import *`: it dumps unknown names into your namespace and hides where they came from.\n\n"
                "A *package* is a folder of modules (traditionally with an `__init__.py`), imported with dots: `from shop.cart import Cart`. "
                "Python looks for modules along `sys.path`, starting with the script's own folder, so a file of yours called `random.py` *shadows* the standard library and gives errors like "
                "`AttributeError: module 'random' has no attribute 'randint'`.\n\n"
                "`ModuleNotFoundError` usually means the package is not installed for the interpreter you are running; `python -m pip install name` installs it for exactly that interpreter. "
                "A module's code runs once, on first import; later imports reuse the same module object."
            ),
            "advanced": (
                "`import x` first checks the `sys.modules` cache, then asks the finders on `sys.meta_path` for a spec, lets a loader create the module, caches it in `sys.modules` *before* running it, and then executes its code top to bottom. "
                "Compiled bytecode is cached in `__pycache__`. `importlib.reload` re-executes a module but does not update objects that were already imported with `from`.\n\n"
                "Relative imports (`from . import utils`) only work inside packages; running such a file directly (`python pkg/mod.py`) breaks them, while `python -m pkg.mod` works. "
                "Circular imports fail because the second module sees a partially initialised first module; break the cycle by moving shared code or importing inside a function. "
                "Folders without `__init__.py` can still be *namespace packages* (PEP 420). `python -X importtime` shows what slows start-up."
            ),
        },
        example_code="""\
import math
import random as rnd
import sys
from collections import Counter
from datetime import date

print(math.sqrt(16), math.pi > 3)
rnd.seed(42)
print(rnd.randint(1, 6))
print(Counter("hello").most_common(1))
print(date(2024, 2, 29).isoformat())
print(math.__name__, Counter.__module__)
print("math" in sys.modules)
""",
        example_output="""\
4.0 True
6
[('l', 2)]
2024-02-29
math collections
True
""",
        check_question="You saved your script as `random.py` and now `import random; random.randint(1, 6)` fails. Why?",
        check_answer="Your own `random.py` is found first on `sys.path` and shadows the standard library module, which has no `randint`. Rename your file (and delete any `__pycache__`).",
        check_accepts=(
            r"shadow|your (own )?(file|module|script)|same name|own random|named random|first on (the )?(sys\.)?path|instead of the (standard|real|built)|\bhides?\b|overrid|mask|conflict|rename",
        ),
        common_mistakes=(
            "Naming your own file after a standard module (`random.py`, `math.py`, `json.py`).",
            "Installing a package with a `pip` that belongs to a different Python than the one running your code.",
            "Using `from module import *` and losing track of where names come from.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/modules.html",
            "https://docs.python.org/3/tutorial/modules.html#the-module-search-path",
            "https://docs.python.org/3/tutorial/modules.html#packages",
            "https://docs.python.org/3/reference/import.html",
        ),
    ),
    ConceptCard(
        concept_id="main-guard",
        title='if __name__ == "__main__"',
        topic="modules",
        keywords=(
            "__name__",
            "__main__",
            "if __name__ == '__main__'",
            "name main",
            "main function",
            "script vs module",
            "run as a script",
            "entry point",
            "code runs when imported",
            "python -m",
        ),
        student_phrases=(
            "if __name__ == '__main__'",
            "code runs when i import the file",
            "stop code running on import",
            "script or module",
            "run only when executed directly",
            "main function",
            "double underscore name main",
            "entry point of a program",
            "code at the bottom of a file",
            "importing runs my whole script",
            "what is __name__",
            "__main__",
            "name equals main",
            "run as program",
            "only when run directly",
            "imported module runs code",
        ),
        explanations={
            "beginner": (
                "Every Python file can be used in two ways: *run directly* (`python game.py`) or *imported* by another file (`import game`). The line\n\n"
                '```python\nif __name__ == "__main__":\n    main()\n```\n\n'
                'means "only do this when this file is the one being run directly". Put the code that starts your program there, '
                "so another file can import your functions without the whole program starting up. "
                "It is like a recipe book whose demo dinner is only cooked when you open that book yourself, not when a friend just copies one recipe out of it."
            ),
            "intermediate": (
                'Python gives every module a global variable `__name__`. For the file being executed (via `python file.py` or `python -m package.module`) it is `"__main__"`; '
                'for an imported module it is the module\'s import name, such as `"game"`.\n\n'
                "Without the guard, importing a file runs all its top-level code: prints, `input()` prompts, test calls. The usual layout is a `def main():` function plus the guard, "
                "or `raise SystemExit(main())` to turn `main`'s return value into the exit code. This keeps modules importable and testable. "
                "It is also required for `multiprocessing` on Windows and macOS, where child processes import your main module."
            ),
            "advanced": (
                '`python -m pkg` runs `pkg/__main__.py`, and `runpy` implements both `-m` and `run_path`. The executed module is registered as `sys.modules["__main__"]`; '
                "if the same file is later imported under its real name you get a *second* module object: classes exist twice, `isinstance` checks fail and module-level state is duplicated.\n\n"
                "With the `spawn` start method, `multiprocessing` re-imports the parent's main module in each child under the name `__mp_main__`; unguarded process-starting code would recurse, "
                "and Python stops it with a `RuntimeError` about starting a new process before bootstrapping finished. "
                "Console entry points declared in `pyproject.toml` (`[project.scripts]`) call a function directly and bypass the guard entirely."
            ),
        },
        example_code="""\
import importlib
import runpy
import sys
from pathlib import Path

print("this file runs as", __name__)
source = '''
def add(a, b):
    return a + b

print("module body runs, __name__ =", __name__)

if __name__ == "__main__":
    print("main block runs")
'''
Path("calc.py").write_text(source, encoding="utf-8")  # in the current folder
sys.path.insert(0, ".")  # let import look there too
importlib.invalidate_caches()  # calc.py is newer than Python's cached folder listing
import calc

print(calc.add(2, 3))
runpy.run_path("calc.py", run_name="__main__")
""",
        example_output="""\
this file runs as __main__
module body runs, __name__ = calc
5
module body runs, __name__ = __main__
main block runs
""",
        check_question='File `tools.py` ends with `if __name__ == "__main__": print("hi")`. Does `import tools` print `hi`?',
        check_answer='No. When imported, `tools.__name__` is `"tools"`, so the guarded block is skipped; it runs only for `python tools.py`.',
        check_accepts=(
            r"^\W*no\b|does\s*n[o']t|won't|will not|not print|nothing|skipped|only (when|if) (it is |it's )?run",
        ),
        check_rejects=(r"^\W*yes\b",),
        common_mistakes=(
            'Misspelling it as `if __name__ == "main":` or `if name == "__main__":`.',
            "Leaving test calls and `input()` prompts at module level, so importing the file runs them.",
            "Starting `multiprocessing` workers without the guard on Windows or macOS.",
        ),
        references=(
            "https://docs.python.org/3/library/__main__.html",
            "https://docs.python.org/3/tutorial/modules.html#executing-modules-as-scripts",
            "https://docs.python.org/3/library/runpy.html",
        ),
    ),
)
