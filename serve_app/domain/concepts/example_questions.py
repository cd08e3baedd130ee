"""Student questions the ranker learns from: the TUNING set, never the benchmark's held-out one.

Each card's questions, as students phrase them (typos, informal, describing behaviour instead of
naming the concept). `KnowledgeBase.load()` indexes them as examples of what each card answers,
so a new question close to one of them finds that card. Ranking weights were tuned against these
and the unit tests only.

Two sources: the questions written here, and tuning_questions.jsonl (177 questions that were
once the held-out benchmark; their misses were studied, so they are tuning data now). The
held-out benchmark file (infra/bench/data/concept_questions_blind.jsonl) must never be copied
here.
"""

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Final

TUNING_FILE: Final = Path(__file__).with_name("tuning_questions.jsonl")


def load_tuning_file(path: Path = TUNING_FILE) -> dict[str, tuple[str, ...]]:
    """Concept id -> questions, from a JSON-lines file of {"question", "expected"} rows."""
    questions: dict[str, list[str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        question, expected = row.get("question"), row.get("expected")
        if not isinstance(question, str) or not isinstance(expected, str):
            raise ValueError(f"{path.name}:{number}: needs string 'question' and 'expected'")
        questions.setdefault(expected, []).append(question)
    return {concept_id: tuple(texts) for concept_id, texts in questions.items()}


def _merged(*sources: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    merged: dict[str, tuple[str, ...]] = {}
    for source in sources:
        for concept_id, texts in source.items():
            merged[concept_id] = merged.get(concept_id, ()) + texts
    return merged


WRITTEN_QUESTIONS: Final[Mapping[str, tuple[str, ...]]] = {
    "values-and-types": (
        "what types of data are there in python",
        "how do I convert a string to an integer",
        "how do i know what type my variable is",
        "why cant i add a number to a string?? TypeError",
        "whats the differnce between int and float",
        "what type is 3.0",
        "how to turn a number into text",
    ),
    "variables-and-assignment": (
        "how do variables work",
        "how to swap two variables",
        "what is the walrus operator",
        "how do u make a variable in python",
        "how to swap 2 variables without a temp one",
        "what does += do",
        "how do i store a value so i can use it later",
        "i get NameError name is not defined",
    ),
    "numbers-and-arithmetic": (
        "what is the difference between / and //",
        "what does the % operator do",
        "what does 5 // 2 give",
        "why is 0.1 + 0.2 not equal to 0.3",
        "how do I check whether a number is even",
        "why does 7 / 2 give 3.5 but 7 // 2 gives 3",
        "why is 0.1 + 0.2 not exactly 0.3",
        "how do i get the leftover when one number goes into another",
        "what is floor division",
    ),
    "mutability": (
        "why does changing one list change the other one too",
        "how do I copy a nested list properly",
        "is a string mutable",
        "i changed b and a changed too, what is going on",
        "which types are immutable in pyhton",
        "i appended to one list and my other list got the item too",
        "whats the difference between a copy and a deepcopy",
    ),
    "equality-vs-identity": (
        "what is the difference between == and is",
        "why should I use is None instead of == None",
        "when should i use is and when ==",
        "does == check if its the same object",
    ),
    "strings": (
        "how do I split a string into words",
        "how do i make a string all uppercase",
        "how do I join a list of strings with commas",
        "how to split a sentence into words",
        "how do i glue two strings together",
        "how to get rid of the newline at the end of a line",
    ),
    "f-strings": (
        "how do I format a number to 2 decimal places",
        "how do f strings work",
        "how do I put a variable inside a string",
        "how to round a number to 2 decimals when printing it",
        "what are f strings",
        "how do i print a float with only one digit after the point",
        "whats the cleanest way to build a message with variables in it",
    ),
    "lists": (
        "how do i add something to the end of a list",
        "why do I get list index out of range",
        "what's the diffrence between append and extend",
        "how do i remove an item from a list",
        "how to make an empty list and add stuff to it",
        "how do i make a list with numbers in it",
        "how to delete the last thing in a list",
    ),
    "slicing": (
        "how do I get the last 3 characters of a string",
        "how can i reverse a string in python",
        "how do I take every second element of a list",
        "what does [::-1] mean",
        "how to get the first 5 items of a list",
        "negative index what does it mean",
        "how do i take the first half of a list",
        "what do the numbers in square brackets with colons mean",
    ),
    "sorting-with-key": (
        "how do I sort a list of tuples by the second value",
        "sort a dict by its values",
        "how do I sort strings by length",
        "what is the difference between sort and sorted",
        "how do i sort a list backwards, biggest first",
        "what does the key= thing in sorted do",
        "how to sort names by their last letter",
        "how do i find the longest word in a list",
    ),
    "tuples-and-unpacking": (
        "whats the difference between a list and a tuple",
        "wat is a tupel",
        "how do I return more than one value from a function",
        "what's the point of tuples if lists exist",
        "what is a tupel",
        "how can a function return two values",
        "why cant i change a tuple",
        "how do i assign several variables from a list in one go",
        "ValueError too many values to unpack",
    ),
    "dicts": (
        "explain dictonaries",
        "wht is a dictionry",
        "how to count how many times each word appears",
        "how do I check if a key exists in a dict",
        "how do I get both the key and value when looping through a dict",
        "how do I get a value from a dict without crashing if the key is missing",
        "how do i loop over a dictionary",
        "im getting a KeyError what does it mean",
        "how do i look up a word and get its meaning like a real dictionary",
        "how do i add a new key",
    ),
    "sets": (
        "how do I remove duplicates from a list",
        "what is a set in python",
        "how do i find items common to two lists",
        "how to remove duplicates from a list",
        "what is a set used for",
        "how to check if two lists share any elements",
        "why is {} not an empty set",
    ),
    "conditionals": (
        "how do if elif else statements work",
        "what is elif",
        "how does elif work",
        "how do i check two conditions at once in an if",
        "how do i run different code depending on the users answer",
        "is there a switch statement in python",
    ),
    "truthiness": (
        "why is an empty list false",
        "what counts as true or false in an if",
        "what counts as False in python",
        "why does if my_list: work without comparing to anything",
        "what does or return when both sides are false",
        "what is short circuiting",
    ),
    "loops": (
        "how do while loops work",
        "how do I stop a loop early",
        "why does my while loop never end",
        "whats the difference between a for loop and a while loop",
        "my while loop never ends help",
        "how do i skip one item in a loop and keep going",
        "how to do something for every item in a list",
    ),
    "range-enumerate-zip": (
        "how do I loop over two lists at the same time",
        "how do I get the index while looping",
        "what does enumerate do",
        "how do I get the index while looping through a list",
        "how to loop over two lists at the same time",
        "why does range(5) stop at 4",
        "how do i loop with a counter starting at 1",
        "how to go through the numbers 0 to 9",
    ),
    "functions": (
        "what is a fucntion",
        "how do i make a function",
        "what does def mean",
        "why do i need parentheses to call a function",
        "how do i reuse the same code in several places",
    ),
    "parameters-and-defaults": (
        "how do default parameter values work",
        "why does my default list argument keep growing",
        "what's the difference between an argument and a parameter",
        "what is a keyword argument",
        "what are default arguments",
        "how do i call a function with named arguments",
        "TypeError missing 1 required positional argument",
        "can a parameter have a value if the caller leaves it out",
    ),
    "args-kwargs": (
        "what are *args and **kwargs",
        "how can a function accept any number of arguments",
        "what does the star in front of a parameter do",
        "what does ** mean in a function definition",
        "what does a single asterisk before args mean",
    ),
    "return-vs-print": (
        "my function prints None, why?",
        "what is the point of return if I can just print",
        "my function returns None instead of the value",
        "should my function print the result or return it",
        "why does my function give back nothing when i use the result",
        "what comes back from a function with no return",
    ),
    "scope": (
        "what is the difference between a local and a global variable",
        "UnboundLocalError when I change a variable in a function",
        "can I change a global variable inside a function",
        "what is nonlocal",
        "why is my variable undefined outside the function",
        "what does the global keyword do",
        "UnboundLocalError local variable referenced before assignment",
        "can a function change a variable that lives outside it",
        "what is a closure",
    ),
    "lambda-map-filter": (
        "what is a lambda",
        "how do I apply a function to every item in a list with map",
        "how to filter a list with a lambda",
        "how do I use map and filter",
        "what is a lamda function",
        "how does the filter function work",
        "how do i add up a list with reduce",
        "a tiny function written on one line without def",
    ),
    "decorators": (
        "what is a decorator and what does the @ symbol do",
        "how do I write a decorator that times a function",
        "what does the @ symbol above a function do",
        "how to write my own decorater",
        "what does @lru_cache do",
        "how do i run some code before and after a function without changing it",
    ),
    "recursion": (
        "what is recusion",
        "how do I write a recursive fibonacci",
        "what is a base case",
        "how does a recursive function know when to stop",
        "a function that calls itself, how does that work",
        "i got RecursionError maximum recursion depth exceeded",
        "how do i walk a folder tree where folders contain folders",
        "what is the call stack",
    ),
    "list-comprehensions": (
        "whats a list comprehention",
        "can I write a for loop in one line",
        "how to make a list of squares in one line",
        "can i put an if inside a list comprehension",
        "how to flatten a list of lists",
        "make a new list with only the positive numbers",
    ),
    "dict-set-comprehensions": (
        "how do I make a dictionary with a comprehension",
        "what is a generator expression",
        "what is a set comprehension",
        "how to build a dict in one line from two lists",
        "how to swap keys and values in a dict",
        "sum of squares without building a list",
    ),
    "iterators": (
        "what is an iterator",
        "how do i use next() on an iterator",
        "whats the difference between an iterable and an iterator",
        "what does next() do",
        "TypeError int object is not iterable",
        "what makes something iterable",
    ),
    "generators": (
        "what is a generator and how is yield different from return",
        "how does the yeild keyword work",
        "what does yield do",
        "what is a generater and why use one",
        "what is the difference between a generator and a list",
        "how does a function pause and continue later",
    ),
    "exceptions": (
        "how do I catch an error so my program doesnt crash",
        "whats the use of finally",
        "how does try except work",
        "whats an exeption",
        "how do i handle a ValueError when the user types letters",
        "what does try do in python",
        "how do i stop ZeroDivisionError crashing my program",
        "what code always runs even when there is an error",
    ),
    "raising-exceptions": (
        "how do i throw my own exception",
        "how do i make my own error class",
        "what does raise do",
        "how to stop a function with an error message for bad input",
        "how do i re-raise an exception after logging it",
    ),
    "files-and-with": (
        "how do I read a text file line by line",
        "what does with open do",
        "how do i write to a csv file",
        "how do I open a file and read it",
        "how to save text to a file",
        "why do people use with when opening files",
        "how to load all the lines of a text file into a list",
        "what is a context manager",
    ),
    "modules-and-imports": (
        "how do I import a function from another file",
        "how do I use code from another python file",
        "what is a package in python",
        "what is the difference between a module and a package",
        "ModuleNotFoundError when i import my own file",
        "whats the difference between import x and from x import y",
        "how do i use a library",
        "ImportError cannot import name",
    ),
    "main-guard": (
        "what does if __name__ == '__main__' mean",
        "what is __name__",
        "how do i make a file work both as a script and as a module",
        "what is an entry point in a python script",
    ),
    "classes-and-objects": (
        "what is a class and an object",
        "what does __init__ do",
        "what is an instance variable",
        "how do i make a class",
        "what is an object in programming",
        "what is __init__ for",
        "how do i create a new object from my class",
        "what is a constructor",
    ),
    "self": (
        "what does self mean in a class",
        "why do methods need self as the first parameter",
        "how do classmethod and staticmethod differ",
        "why do i get missing 1 required positional argument self",
        "how does a method know which object it belongs to",
        "what is a static method",
    ),
    "inheritance": (
        "how does inheritence work",
        "what's super() for",
        "how do I call the parent class constructor",
        "can you explain inheritance with super",
        "how do i make a class that extends another class",
        "how does a subclass get the methods of its parent",
        "what is polymorphism",
    ),
    "dunder-methods": (
        "what's the difference between __str__ and __repr__",
        "what are magic methods like __str__",
        "how to overload the + operator for my class",
        "how do i make a class print nicely with __repr__",
        "how do i make print show my object nicely instead of <__main__.Dog object>",
        "what are magic methods",
        "how to make my object work with square brackets like a list",
        "what does __eq__ do",
    ),
    "dataclasses": (
        "what is a dataclass",
        "how do I make an immutable dataclass",
        "what does @dataclass do",
        "how to make a simple class that just holds data",
        "what does field(default_factory=list) do",
    ),
    "big-o": (
        "what is big o notation",
        "is checking if an item is in a list slow? whats the time complexity",
        "what is the time complexity of looking up a key in a dictionary",
        "why is my code so slow with nested loops",
        "why does my program take forever when the input gets bigger",
        "what is linear time",
    ),
}

EXAMPLE_QUESTIONS: Final[Mapping[str, tuple[str, ...]]] = _merged(
    WRITTEN_QUESTIONS, load_tuning_file()
)
