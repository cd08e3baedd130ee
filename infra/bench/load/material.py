"""What simulated students say and paste: questions and broken programs a beginner writes.

Kept varied on purpose: the classifier, the knowledge base and the debugger each do
different work per input, and a load test that repeats one request measures a cache.
"""

CONCEPT_QUESTIONS: tuple[str, ...] = (
    "what is a list comprehension?",
    "explain recursion with an example",
    "how do dictionaries work in python",
    "what is the difference between a list and a tuple",
    "when should I use a set?",
    "what does the return statement do",
    "how does a for loop work over a string",
    "explain try and except",
    "what is a class and what is self",
    "how do I read a file line by line",
    "what is an iterator",
    "how do default arguments work in functions",
    "what is the difference between == and is",
    "how does slicing work",
    "what are *args and **kwargs",
    "how do while loops stop",
    "what is a module and how do I import one",
    "explain f-strings",
    "what is binary search",
    "why are variables in a function local",
)

LEVELS: tuple[str, ...] = ("beginner", "intermediate", "advanced")

# Each runs in the sandbox and fails fast: a crash the debugger can diagnose, never a hang.
BROKEN_PROGRAMS: tuple[str, ...] = (
    "numbers = [1, 2, 3]\nprint(numbers[3])\n",
    "total = 0\nfor n in range(5):\n    total += n\nprint(totl)\n",
    'age = input_age = "12"\nprint(age + 1)\n',
    "def average(xs):\n    return sum(xs) / len(xs)\n\nprint(average([]))\n",
    'scores = {"ana": 3}\nprint(scores["bob"])\n',
    "def greet(name)\n    print('hi', name)\n",
    "items = [3, 1, 2]\nitems = items.sort()\nprint(items[0])\n",
    "word = 'python'\nword[0] = 'P'\nprint(word)\n",
    "count = int('three')\nprint(count)\n",
    "def square(x):\n    x * x\n\nprint(square(4) + 1)\n",
)

ERROR_MESSAGES: tuple[str | None, ...] = (None, None, "it crashes and I don't know why")

# Students ask for practice on what they are learning.
EXERCISE_TOPICS: tuple[str, ...] = (
    "variables",
    "strings",
    "conditionals",
    "loops",
    "lists",
    "dicts",
    "functions",
)
