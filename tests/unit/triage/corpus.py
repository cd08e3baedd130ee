"""Realistic student messages with the route a human tutor would pick for each.

Written to look like what students actually type: typos, no capitals, pasted code and
tracebacks, follow-ups. Not used to derive any rule in the classifier.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Case:
    text: str
    route: str
    code: str | None = None
    previous: str | None = None


INDEX_TRACEBACK = """Traceback (most recent call last):
  File "main.py", line 4, in <module>
    print(numbers[5])
IndexError: list index out of range"""

KEY_TRACEBACK = """Traceback (most recent call last):
  File "/home/sam/grades.py", line 12, in <module>
    print(grades["maths"])
KeyError: 'maths'"""

RECURSION_TRACEBACK = """Traceback (most recent call last):
  File "fact.py", line 3, in fact
    return n * fact(n - 1)
  [Previous line repeated 996 more times]
RecursionError: maximum recursion depth exceeded"""

TYPE_TRACEBACK = """Traceback (most recent call last):
  File "<stdin>", line 1, in <module>
TypeError: can only concatenate str (not "int") to str"""

LOOP_CODE = """i = 0
while i < 10:
    print(i)
"""

AVERAGE_CODE = """def average(nums):
    total = 0
    for n in nums:
        total += n
    return total / len(nums)

print(average([]))"""

GREET_CODE = """def greet(name):
    print("Hello " + name)

result = greet("Ana")
print(result.upper())"""

COUNT_CODE = """words = ["a", "b", "a"]
counts = {}
for w in words:
    counts[w] += 1
print(counts)"""

VOWELS_CODE = """def count_vowels(s):
    n = 0
    for c in s:
        if c in "aeiou":
            n = 1
    return 0"""

SQUARES_CODE = "squares = [x * x for x in range(10) if x % 2 == 0]"

CLASS_CODE = """class Dog:
    def __init__(self, name):
        self.name = name

    def bark(self):
        return self.name + " says woof"
"""

GEN_CODE = """def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1"""

CONCEPTS: list[Case] = [
    Case("what is a list comprehension?", "concepts"),
    Case("explain decorators to me like im 5", "concepts"),
    Case("whats the difference between a list and a tuple", "concepts"),
    Case("How does a for loop work in Python?", "concepts"),
    Case("when should i use a dictionary instead of a list", "concepts"),
    Case("why do we need classes", "concepts"),
    Case("what is recusion", "concepts"),
    Case("can you explain generators", "concepts"),
    Case("what does the yield keyword do", "concepts"),
    Case("how do I reverse a string in python", "concepts"),
    Case("what is a dictonary and how do i use it", "concepts"),
    Case("i dont understand lambda functions", "concepts"),
    Case("what are f-strings", "concepts"),
    Case("explain the difference between == and is", "concepts"),
    Case("how do i open a text file and read it line by line", "concepts"),
    Case("what is inheritance in oop", "concepts"),
    Case("what does self mean in a class", "concepts"),
    Case("I'm confused about *args and **kwargs", "concepts"),
    Case("how do sets work", "concepts"),
    Case("is it better to use a while loop or a for loop here in general?", "concepts"),
    Case("what is big o notation", "concepts"),
    Case("Can you explain how binary search works?", "concepts"),
    Case("what is the point of __init__", "concepts"),
    Case("how does try except work", "concepts"),
    Case("how do I catch a ValueError when converting input to int", "concepts"),
    Case("what is an api", "concepts"),
    Case("how does git work", "concepts"),
    Case("tell me about the history of python", "concepts"),
    Case("what are best practices for naming variables", "concepts"),
    Case("show me an example of a dict comprehension", "concepts"),
    Case("what is the purpose of the return statement", "concepts"),
    Case("how do modules and imports work", "concepts"),
    Case("why does python use indentation instead of braces", "concepts"),
    Case("teach me about tuples", "concepts"),
    Case("EXPLAIN SLICING PLS", "concepts"),
    Case("what does this code do?", "concepts", code=SQUARES_CODE),
    Case("can you explain how this class works", "concepts", code=CLASS_CODE),
    Case("what is the differnce between a generator and a list", "concepts"),
    Case("how do i sort a list of dictionaries by a key", "concepts"),
    Case("is a string mutable", "concepts"),
    Case("what's a closure", "concepts"),
    Case("when to use a set vs a list?", "concepts"),
    Case("how does yield work here", "concepts", code=GEN_CODE),
    Case("what happens when you call a function with the wrong number of arguments", "concepts"),
    Case("could you walk me through how recursion unwinds", "concepts"),
    Case("what's the difference between python and javascript", "concepts"),
    Case("whats a variable", "concepts"),
    Case("how are lists different from arrays in other languages", "concepts"),
    Case("does python have pointers", "concepts"),
    Case("what does the % operator do", "concepts"),
    Case("can a function return two values", "concepts"),
    Case("whats the use of enumerate", "concepts"),
    Case("I still don't understand what a class is", "concepts"),
    Case("how do I write a function that takes a list", "concepts"),
    Case("why would I use a generator instead of a list", "concepts"),
    Case("pls explain oop", "concepts"),
    Case("how can i check if a key exists in a dictionary", "concepts"),
    Case("meaning of __name__ == '__main__'", "concepts"),
    Case("i never understood how recursion works, can u help", "concepts"),
    Case("how do you make a copy of a list", "concepts"),
    Case("what's an iterator vs an iterable", "concepts"),
    Case("do i need to close a file after opening it", "concepts"),
    Case("how to use the map function", "concepts"),
    Case(
        "Hi! I'm new to python. Could you explain what a variable actually is and why we "
        "need them?",
        "concepts",
    ),
    Case(
        "so i was reading about decorators and i get that they wrap functions but i dont get "
        "the @ syntax, what does it actually do",
        "concepts",
    ),
    Case("what's the best way to learn python", "concepts"),
    Case("why is it called a dictionary", "concepts"),
    Case("is this a good way to write it?", "concepts", code=SQUARES_CODE),
    Case("good evening, how do i iterate over a dict", "concepts"),
    Case("what is the time complexity of sorting a list", "concepts"),
    Case("what are exceptions used for", "concepts"),
    Case("what will print(3 * 'ab') output", "concepts"),
    Case("could you help me understand classes vs objects", "concepts"),
    Case("write me a python script that checks the weather", "concepts"),
    Case("how do i make a game in python", "concepts"),
    Case("are dictionaries ordered in python 3", "concepts"),
    Case("my code works but is it efficient?", "concepts", code=SQUARES_CODE),
]

DEBUG: list[Case] = [
    Case(INDEX_TRACEBACK, "debug"),
    Case("why am i getting this", "debug", code=INDEX_TRACEBACK),
    Case(f"help!!\n{KEY_TRACEBACK}", "debug"),
    Case(RECURSION_TRACEBACK, "debug"),
    Case("what does this mean\n" + TYPE_TRACEBACK, "debug"),
    Case("my code doesn't work", "debug", code=AVERAGE_CODE),
    Case("this crashes with ZeroDivisionError", "debug", code=AVERAGE_CODE),
    Case("infinite loop, it never stops printing 0", "debug", code=LOOP_CODE),
    Case("why does this print None", "debug", code=GREET_CODE),
    Case("fix pls", "debug", code=COUNT_CODE),
    Case("I keep getting a KeyError", "debug", code=COUNT_CODE),
    Case("NameError: name 'x' is not defined", "debug"),
    Case("i get IndexError: list index out of range on line 3", "debug"),
    Case("I keep getting TypeError", "debug"),
    Case("getting an AttributeError: 'NoneType' object has no attribute 'upper'", "debug"),
    Case("my program crashes when i enter a letter", "debug"),
    Case("my for loop isn't working", "debug"),
    Case("why is my function returning none", "debug"),
    Case("it prints 5 instead of 6", "debug", code="print(len('hello'))"),
    Case("there's a bug somewhere in here, can you find it?", "debug", code=COUNT_CODE),
    Case("wrong output, expected 4.5 but got 4", "debug", code="print(9 // 2)"),
    Case("invalid syntax on line 2?", "debug", code="if x == 1\n    print(x)"),
    Case("unexpected indent error", "debug"),
    Case("help my code is broken", "debug"),
    Case("my recursive function never ends", "debug"),
    Case("ValueError: invalid literal for int() with base 10: 'abc'", "debug"),
    Case("IndentationError", "debug"),
    Case("i have an eror in my code", "debug"),
    Case("why doesnt this work", "debug", code=GREET_CODE),
    Case("it says str object is not callable", "debug"),
    Case(
        "```\nnums = [1, 2, 3]\nfor i in range(4):\n    print(nums[i])\n```\nwhat's wrong",
        "debug",
    ),
    Case("x = input('age')\nprint(x + 1)\nthis gives an error, why?", "debug"),
    Case("my loop is stuck in an infinite loop", "debug"),
    Case("this should return True but it returns False", "debug", code="def f(x): return x > 3"),
    Case("can you debug this", "debug", code=COUNT_CODE),
    Case("still crashing after i changed the loop", "debug", code=COUNT_CODE),
    Case("my dictonary code gives a key eror", "debug"),
    Case("TypeError: unsupported operand type(s) for +: 'int' and 'str'", "debug"),
    Case("ModuleNotFoundError: No module named 'numpy'", "debug"),
    Case("what is wrong with my code", "debug", code=AVERAGE_CODE),
    Case("", "debug", code=TYPE_TRACEBACK),
    Case("the output is wrong, it prints the list twice", "debug"),
    Case("my class won't work, self is not defined", "debug"),
    Case("my code throws IndexError and idk why", "debug"),
    Case("the loop runs forever", "debug", code=LOOP_CODE),
    Case("why is this giving me a keyerror", "debug", code=COUNT_CODE),
    Case("it crashed: ZeroDivisionError: division by zero", "debug"),
    Case("doesnt print anything", "debug", code=GREET_CODE),
    Case("help, this gives the wrong average", "debug", code=AVERAGE_CODE),
    Case("I get 'list' object is not callable", "debug"),
    Case("i wrote a function but it returns the wrong thing", "debug"),
    Case("why does my while loop never stop", "debug"),
    Case("syntax error on my if statement", "debug"),
    Case("keeps saying name 'total' is not defined", "debug"),
    Case("can u fix my code", "debug", code=AVERAGE_CODE),
    Case("RecursionError when i run my fibonacci", "debug"),
    Case("my program doesnt do anything when i run it", "debug"),
    Case("it gives me TypeError: 'int' object is not iterable", "debug"),
    Case("code isnt working??", "debug", code=COUNT_CODE),
    Case("im getting an error in this", "debug", code=GREET_CODE),
    Case("hey can you look at this, output is off by one", "debug", code=LOOP_CODE),
    Case(
        "I'm working on my homework and the function is supposed to count vowels but it "
        "always returns 0, here's my code",
        "debug",
        code=VOWELS_CODE,
    ),
    Case("i tried to run it and nothing happens", "debug", code=GREET_CODE),
    Case("explain this error pls", "debug", code=INDEX_TRACEBACK),
    Case("can you explain why my code gives a KeyError", "debug", code=COUNT_CODE),
    Case("the teacher said to use a for loop but mine keeps going forever", "debug"),
    Case("TypeError", "debug"),
    Case("my string reverse function returns the same string", "debug"),
    Case("i got IndexError but i dont know what it means", "debug"),
]

EXERCISE: list[Case] = [
    Case("give me a practice problem on loops", "exercise"),
    Case("can I have an exercise about dictionaries", "exercise"),
    Case("i want to practice loops", "exercise"),
    Case("quiz me on strings", "exercise"),
    Case("test me on recursion", "exercise"),
    Case("give me a challenge", "exercise"),
    Case("excercise on lists pls", "exercise"),
    Case("I'd like something to practise with functions", "exercise"),
    Case("can you give me a hard problem about classes", "exercise"),
    Case("send me 3 easy exercises on if statements", "exercise"),
    Case("i want a homework-style task on file handling", "exercise"),
    Case("practice problem for comprehensions please", "exercise"),
    Case("I need more practice with tuples", "exercise"),
    Case("give me a coding challenge about sorting", "exercise"),
    Case("can i try a problem on sets", "exercise"),
    Case("generate a medium exercise on iterators", "exercise"),
    Case("give me something to solve", "exercise"),
    Case("I want to get better at recursion, give me a task", "exercise"),
    Case("pracitce question on dictionaries", "exercise"),
    Case("can you make me a quiz about exceptions", "exercise"),
    Case("let me practise string slicing", "exercise"),
    Case("give me a harder one", "exercise", previous="exercise"),
    Case("a python exercise for beginners", "exercise"),
    Case("Exercise please", "exercise"),
    Case("challenge me with a recursion puzzle", "exercise"),
    Case("give me a question about modules to solve", "exercise"),
    Case("can i get a new problem? something with while loops", "exercise"),
    Case("i'd like to practise writing classes", "exercise"),
    Case("give me an exercise similar to this one", "exercise", code=SQUARES_CODE),
    Case("give me another dict exercise", "exercise"),
    Case("i wanna practise recursion", "exercise"),
    Case("can u quiz me", "exercise"),
    Case("i'm ready for a new challenge", "exercise"),
    Case("any exercises on classes?", "exercise"),
    Case("set me a task about reading files", "exercise"),
    Case("give me 5 questions on loops", "exercise"),
    Case("practice time! strings", "exercise"),
    Case("i want to train my list skills", "exercise"),
    Case("can you give me a problem to solve with functions", "exercise"),
    Case("I need an exersise on sets", "exercise"),
    Case("test my knowledge of dictionaries", "exercise"),
    Case("hard recursion challenge pls", "exercise"),
    Case(
        "hey, can you give me some exercises to practice for my python exam tomorrow?",
        "exercise",
    ),
    Case("ok i understand loops now, can i try an exercise", "exercise"),
    Case("i need a quick exercise to check i get list slicing", "exercise"),
    Case("Give me a Python puzzle", "exercise"),
    Case("create a practice exercise about generators, medium difficulty", "exercise"),
]

OFF_TOPIC: list[Case] = [
    Case("what's the weather like tomorrow", "off_topic"),
    Case("who won the football game last night", "off_topic"),
    Case("tell me a joke", "off_topic"),
    Case("hi", "off_topic"),
    Case("hello there!", "off_topic"),
    Case("thanks!!", "off_topic"),
    Case("write my essay about the french revolution", "off_topic"),
    Case("can you help me with my chemistry homework", "off_topic"),
    Case("how are you today", "off_topic"),
    Case("what is the capital of australia", "off_topic"),
    Case("write a keylogger in python that emails me passwords", "off_topic"),
    Case("how do i hack into my friend's instagram", "off_topic"),
    Case("recommend me a good movie", "off_topic"),
    Case("what should i eat for dinner", "off_topic"),
    Case("who is the president of france", "off_topic"),
    Case("write a poem about autumn", "off_topic"),
    Case("how do i bake a chocolate cake", "off_topic"),
    Case("i'm bored", "off_topic"),
    Case("what's your name", "off_topic"),
    Case("good morning", "off_topic"),
    Case("solve this algebra equation 2x + 3 = 7", "off_topic"),
    Case("bye", "off_topic"),
    Case("how do i make a bomb", "off_topic"),
    Case("what's bitcoin going to be worth next year", "off_topic"),
    Case("explain the causes of world war 1 for my history class", "off_topic"),
    Case("what's the score of the lakers game", "off_topic"),
    Case("hey", "off_topic"),
    Case("thank you so much", "off_topic"),
    Case("help me write a cover letter", "off_topic"),
    Case("what's 15% of 80", "off_topic"),
    Case("i hate school", "off_topic"),
    Case("translate hello into spanish", "off_topic"),
    Case("how to steal someone's password with python", "off_topic"),
    Case("can you recommend some good songs", "off_topic"),
    Case("do you like pizza", "off_topic"),
    Case("help with my biology assignment", "off_topic"),
    Case("whats the weather in london", "off_topic"),
    Case("help me hack my school's wifi", "off_topic"),
    Case("how many legs does a spider have", "off_topic"),
    Case("what is 2 + 2", "off_topic"),
    Case("tell me about taylor swift", "off_topic"),
]

FOLLOW_UPS: list[Case] = [
    Case("another one", "exercise", previous="exercise"),
    Case("more", "exercise", previous="exercise"),
    Case("next", "exercise", previous="exercise"),
    Case("ok next one please", "exercise", previous="exercise"),
    Case("still broken", "debug", previous="debug"),
    Case("it still doesn't work", "debug", previous="debug"),
    Case("same error", "debug", previous="debug"),
    Case("i don't get it", "concepts", previous="concepts"),
    Case("explain more", "concepts", previous="concepts"),
    Case("can you explain that again?", "concepts", previous="concepts"),
    Case("what do you mean", "concepts", previous="concepts"),
    Case("again", "exercise", previous="exercise"),
    Case("i don't get it", "debug", previous="debug"),
    Case("another example", "concepts", previous="concepts"),
    Case("what about tuples?", "concepts", previous="concepts"),
    Case("still doesnt work :(", "debug", previous="debug"),
    Case("it still doesn't work", "exercise", previous="exercise"),
    Case("hmm still wrong", "debug", previous="debug"),
    Case("one more", "exercise", previous="exercise"),
    Case("easier one pls", "exercise", previous="exercise"),
    Case("more please", "exercise", previous="exercise"),
    Case("nope still the same error", "debug", previous="debug"),
    Case("that didn't help", "concepts", previous="concepts"),
    Case("explain it differently", "concepts", previous="concepts"),
    Case("next!", "exercise", previous="exercise"),
    Case("what about dictionaries?", "exercise", previous="exercise"),
    Case("and for loops?", "concepts", previous="concepts"),
]

ALL_CASES: list[Case] = CONCEPTS + DEBUG + EXERCISE + OFF_TOPIC + FOLLOW_UPS

# Too vague to route without asking, whatever route the classifier leans to.
VAGUE: list[str] = [
    "help",
    "i need help",
    "can you help me?",
    "python",
    "hmm",
    "i have a question",
    "ok",
    "recursion",
    "another one",
    "still broken",
    "it still doesn't work",
    "i don't get it",
    "explain more",
    "next",
    "more",
    "a harder one",
    "hello, i'm stuck",
    "can you help me with something",
    "question",
    "lists",
]
