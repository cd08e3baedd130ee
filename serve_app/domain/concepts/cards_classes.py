"""Cards for object-oriented Python: classes, self, inheritance, dunder methods, dataclasses."""

from serve_app.domain.concepts.models import ConceptCard

CARDS: tuple[ConceptCard, ...] = (
    ConceptCard(
        concept_id="classes-and-objects",
        title="Classes and objects",
        topic="classes",
        keywords=(
            "class",
            "classes",
            "object",
            "objects",
            "instance",
            "OOP",
            "object oriented programming",
            "attribute",
            "__init__",
            "__init__ method",
            "constructor",
            "create an object",
            "instantiate",
            "class attribute",
            "instance attribute",
            "blueprint",
        ),
        student_phrases=(
            "make my own type",
            "blueprint for objects",
            "create objects",
            "object with data and actions",
            "store data and functions together",
            "constructor",
            "attributes of an object",
            "many objects from one class",
            "object oriented",
            "new instance",
            "__init__",
            "model a student with a class",
            "class",
            "object",
            "instance",
            "make objects",
            "my own class",
        ),
        explanations={
            "beginner": (
                "A class is a blueprint for making objects. Each object made from it (an *instance*) has its own data, called *attributes*, and can do things, called *methods*.\n\n"
                "Think of a cookie cutter (the class) and the cookies (the objects): every cookie has the same shape, but each can have different icing.\n\n"
                '```python\nclass Dog:\n    def __init__(self, name):\n        self.name = name\n\n    def bark(self):\n        return f"{self.name} says woof"\n\nrex = Dog("Rex")\nprint(rex.bark())\n```\n\n'
                '`__init__` runs automatically when you create a new object with `Dog("Rex")` and sets up its attributes.'
            ),
            "intermediate": (
                "Calling the class creates an instance and runs `__init__` on it to initialise attributes stored on `self`. "
                "*Instance attributes* (`self.name = name`) belong to one object; *class attributes* (assigned in the class body) are shared by all instances, "
                "so a mutable class attribute such as `tricks = []` is shared by every dog, a common bug; create it in `__init__` instead.\n\n"
                "Methods are functions defined in the class; calling `rex.bark()` passes `rex` as the first argument. "
                "Add `__repr__` so objects print readably, `@property` for computed attributes, `@classmethod` for alternative constructors (`Date.from_string(...)`).\n\n"
                "Use a class when data and the behaviour that protects or uses it belong together and you need several such objects; "
                "a function or a plain dict is often enough for simple jobs, and a dataclass for plain records."
            ),
            "advanced": (
                "Classes are objects too, instances of `type` (their *metaclass*). A `class` statement executes its body in a fresh namespace and then calls `type(name, bases, namespace)`. "
                "`__new__` actually creates the instance and `__init__` initialises it, which is why immutable types customise `__new__`.\n\n"
                "Attribute lookup on an instance checks data descriptors on the type (such as properties), then the instance `__dict__`, then non-data descriptors and class attributes along the MRO, and finally `__getattr__`. "
                "Functions are non-data descriptors, which is how `obj.method` becomes a bound method.\n\n"
                "`__slots__` replaces the per-instance `__dict__` with fixed slots, saving memory and forbidding new attributes. "
                'Python has no private members: `_name` signals "internal" by convention, and `__name` triggers name mangling to `_ClassName__name` to avoid clashes in subclasses.'
            ),
        },
        example_code="""\
class Dog:
    species = "Canis familiaris"

    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.tricks = []

    def learn(self, trick):
        self.tricks.append(trick)

    def describe(self):
        return f"{self.name} is {self.age} and knows {len(self.tricks)} tricks"


rex = Dog("Rex", 3)
fido = Dog("Fido", 5)
rex.learn("sit")
rex.learn("roll over")
print(rex.describe())
print(fido.describe())
print(rex.species == fido.species, rex.tricks is fido.tricks)
print(type(rex).__name__, isinstance(rex, Dog))
""",
        example_output="""\
Rex is 3 and knows 2 tricks
Fido is 5 and knows 0 tricks
True False
Dog True
""",
        check_question="What is the difference between a class attribute and an instance attribute?",
        check_answer="A class attribute is defined in the class body and shared by all instances; an instance attribute is set on `self` (usually in `__init__`) and belongs to one object.",
        check_accepts=(
            r"shar|all (the )?(instances|objects)|every (instance|object)|whole class|common",
            r"one (instance|object)|each (instance|object)|single (instance|object)|\bown\b|\bself\b|per[- ](instance|object)|specific|particular|individual",
        ),
        check_rejects=(
            r"instance attributes?\s+(are|is)\s+shared",
            r"class attributes?\s+(belongs?|are|is)\s+(to\s+)?(only\s+)?(one|each|a single)",
        ),
        common_mistakes=(
            "Forgetting `self.` when setting attributes in `__init__`, so the value is a local variable that disappears.",
            "Using a mutable class attribute (a list or dict) that all instances unintentionally share.",
            "Misspelling `__init__` (for example `__int__` or `_init_`), so it never runs.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/classes.html#a-first-look-at-classes",
            "https://docs.python.org/3/tutorial/classes.html#class-and-instance-variables",
            "https://docs.python.org/3/reference/compound_stmts.html#class-definitions",
            "https://docs.python.org/3/reference/datamodel.html#object.__init__",
        ),
    ),
    ConceptCard(
        concept_id="self",
        title="self and methods",
        topic="classes",
        keywords=(
            "self",
            "what is self",
            "self parameter",
            "method",
            "instance method",
            "bound method",
            "missing 1 required positional argument self",
            "takes 1 positional argument but 2 were given",
            "classmethod",
            "staticmethod",
            "cls",
            "self.attribute",
        ),
        student_phrases=(
            "what is self",
            "self parameter",
            "why does every method have self",
            "method forgets the first argument",
            "takes 1 positional argument but 2 were given",
            "access attributes inside a method",
            "self.name",
            "method versus function",
            "call a method on an object",
            "classmethod",
            "staticmethod",
            "the object itself",
            "cls",
            "self.",
            "methods in a class",
            "first parameter of a method",
            "instance method",
            "refer to the object",
        ),
        explanations={
            "beginner": (
                "Inside a class, `self` means *the particular object this method is working on*. When you write `rex.describe()`, Python runs `describe` with `self` set to `rex`; "
                "for `fido.describe()`, `self` is `fido`.\n\n"
                'Think of a form letter that says "My name is ___": whoever fills it in writes their own name. `self` is the method\'s way of saying "me", whichever object is speaking. '
                "That is why you write `self.name` to reach the object's own data, and why every method lists `self` as its first parameter."
            ),
            "intermediate": (
                "`obj.method(arg)` is translated into `Class.method(obj, arg)`: the object is passed automatically as the first argument, and `self` is simply the conventional name of that parameter (not a keyword).\n\n"
                "Two classic errors follow from this: forgetting `self` in the `def` gives `TypeError: method() takes 0 positional arguments but 1 was given`, "
                "and forgetting `self.` inside a method creates a local variable instead of an attribute (or raises `NameError` when reading).\n\n"
                "Other method kinds: `@classmethod` receives the class as `cls` (use it for alternative constructors such as `from_text`), and `@staticmethod` receives neither; "
                "it is a plain function that lives in the class for organisation."
            ),
            "advanced": (
                "Functions are non-data descriptors: `Counter.__dict__['increment'].__get__(a, Counter)` returns a *bound method* whose `__self__` is `a` and `__func__` is the function. "
                "That binding happens on attribute access, so `m = a.increment` can be stored and called later. CPython avoids allocating the bound method for direct calls (`a.increment()`) with specialised method-loading bytecode.\n\n"
                "`classmethod` binds the type instead of the instance, and `staticmethod` returns the underlying function unchanged (static methods are directly callable objects since 3.10). "
                "Explicit `self` keeps the difference between attributes and locals visible, lets you call base implementations explicitly (`Base.method(self)`), and makes a method just an ordinary function, "
                "which is why decorators work the same on functions and methods."
            ),
        },
        example_code="""\
class Counter:
    instances = 0

    def __init__(self, start=0):
        self.value = start
        Counter.instances += 1

    def increment(self, step=1):
        self.value += step
        return self

    @classmethod
    def from_text(cls, text):
        return cls(int(text))

    @staticmethod
    def is_valid(text):
        return text.isdigit()


a = Counter()
b = Counter.from_text("10")
a.increment().increment(5)
Counter.increment(b, 2)
print(a.value, b.value, Counter.instances)
print(Counter.is_valid("42"), Counter.is_valid("4x"))
method = a.increment
print(method.__self__ is a, method.__func__ is Counter.increment)
""",
        example_output="""\
6 12 2
True False
True True
""",
        check_question="Given `class Cat:` with `def greet(self): ...` and `tom = Cat()`, what is `tom.greet()` equivalent to?",
        check_answer="`Cat.greet(tom)`: Python passes the instance as the first argument, which the method receives as `self`.",
        check_accepts=(r"cat\s*\.\s*greet\s*\(\s*tom\s*\)",),
        common_mistakes=(
            "Leaving `self` out of a method's parameter list.",
            "Writing `name = name` instead of `self.name = name` in `__init__`.",
            "Calling a method on the class without an instance (`Cat.greet()`), which leaves `self` missing.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/classes.html#method-objects",
            "https://docs.python.org/3/tutorial/classes.html#random-remarks",
            "https://docs.python.org/3/library/functions.html#classmethod",
            "https://docs.python.org/3/library/functions.html#staticmethod",
            "https://docs.python.org/3/faq/design.html#why-must-self-be-used-explicitly-in-method-definitions-and-calls",
        ),
    ),
    ConceptCard(
        concept_id="inheritance",
        title="Inheritance and super()",
        topic="classes",
        keywords=(
            "inheritance",
            "inherit",
            "subclass",
            "extends another class",
            "parent class",
            "child class",
            "base class",
            "super",
            "super()",
            "override",
            "method overriding",
            "polymorphism",
            "issubclass",
            "MRO",
            "multiple inheritance",
            "abstract class",
            "abstract method",
        ),
        student_phrases=(
            "child class",
            "parent class",
            "dog is an animal",
            "extend a class",
            "override a method",
            "call the parent method",
            "super",
            "subclass",
            "share code between classes",
            "special version of a class",
            "class based on another class",
            "inherit",
            "parent and child classes",
            "base class",
        ),
        explanations={
            "beginner": (
                "Inheritance lets a new class reuse an existing class and then add to it or change parts of it. `class Dog(Animal):` says *a Dog is a kind of Animal*: "
                "a `Dog` automatically gets every method `Animal` has, and can add its own or replace (*override*) some of them.\n\n"
                "It is like family traits: a child inherits features from a parent, but can also learn new skills or do some things differently. "
                "Inside the child class, `super()` reaches the parent's version of a method, for example to reuse the parent's `__init__` before adding more."
            ),
            "intermediate": (
                'To *override* a method, define one with the same name in the subclass. To *extend* it, call the parent\'s version inside: `return super().speak() + "!"`. '
                "A subclass that defines `__init__` should usually call `super().__init__(...)` so the parent's attributes are set up too.\n\n"
                "*Polymorphism* is the pay-off: code that calls `pet.speak()` works for every subclass, each answering in its own way. "
                "`isinstance(obj, Animal)` is true for instances of subclasses, and `issubclass(Dog, Animal)` checks classes.\n\n"
                "Use inheritance for genuine *is-a* relationships; prefer composition (*has-a*: an object holding another as an attribute) otherwise. "
                "`abc.ABC` with `@abstractmethod` defines a base class that cannot be instantiated until a subclass implements the abstract methods."
            ),
            "advanced": (
                "Python computes each class's *method resolution order* (`Class.__mro__`) with the C3 linearisation, which keeps every class before its bases and preserves the order bases were listed in. "
                '`super()` means *the next class in the MRO of the instance\'s type*, not "my parent", so in multiple inheritance each `super().__init__(**kwargs)` call may reach a sibling class. '
                "Cooperative hierarchies therefore have every class call `super()` and pass unknown keyword arguments along. Zero-argument `super()` works through the compiler-created `__class__` cell.\n\n"
                "Subclasses should honour the Liskov substitution principle: accept at least what the base accepts and promise at least what it promises. "
                "`__init_subclass__` lets a base class hook into subclass creation (for registration or validation). "
                'Deep hierarchies are brittle; `typing.Protocol` gives structural typing ("anything with a `.speak()`") without any inheritance.'
            ),
        },
        example_code="""\
from abc import ABC, abstractmethod


class Animal(ABC):
    def __init__(self, name):
        self.name = name

    @abstractmethod
    def sound(self):
        ...

    def speak(self):
        return f"{self.name} says {self.sound()}"


class Dog(Animal):
    def sound(self):
        return "woof"


class Puppy(Dog):
    def __init__(self, name, age_weeks):
        super().__init__(name)
        self.age_weeks = age_weeks

    def speak(self):
        return super().speak() + " (squeaky)"


pets = [Dog("Rex"), Puppy("Bit", 8)]
for pet in pets:
    print(pet.speak())
print(isinstance(pets[1], Animal), issubclass(Puppy, Dog))
print([cls.__name__ for cls in Puppy.__mro__])
try:
    Animal("nobody")
except TypeError:
    print("Animal is abstract and cannot be instantiated")
""",
        example_output="""\
Rex says woof
Bit says woof (squeaky)
True True
['Puppy', 'Dog', 'Animal', 'ABC', 'object']
Animal is abstract and cannot be instantiated
""",
        check_question="A subclass defines its own `__init__` but does not call `super().__init__()`. What goes wrong?",
        check_answer="The parent's `__init__` never runs, so the attributes it sets up are missing and later access raises `AttributeError`.",
        check_accepts=(
            r"attributeerror|attribute\w*[^.;]{0,40}(missing|not (set|created|defined|exist)|never (set|created|defined)|undefined|don't exist|doesn't exist|aren't)|(parent|base|super)\w*[^.;]{0,60}(\bnever\b|\bnot\b|doesn't|isn't|won't|skipped)",
        ),
        common_mistakes=(
            "Forgetting to call `super().__init__(...)` in a subclass's `__init__`.",
            "Using inheritance for a *has-a* relationship where composition fits better.",
            "Overriding a method with a different signature, breaking code that uses the base class.",
        ),
        references=(
            "https://docs.python.org/3/tutorial/classes.html#inheritance",
            "https://docs.python.org/3/tutorial/classes.html#multiple-inheritance",
            "https://docs.python.org/3/library/functions.html#super",
            "https://docs.python.org/3/library/abc.html",
        ),
    ),
    ConceptCard(
        concept_id="dunder-methods",
        title="Dunder (special) methods",
        topic="classes",
        keywords=(
            "dunder",
            "dunder methods",
            "magic methods",
            "special methods",
            "double underscore methods",
            "__str__",
            "__repr__",
            "__eq__",
            "__len__",
            "__add__",
            "__lt__",
            "__getitem__",
            "__hash__",
            "operator overloading",
            "print an object nicely",
            "change what print shows for my object",
            "object at 0x",
        ),
        student_phrases=(
            "make my object print nicely",
            "compare my objects with ==",
            "double underscore methods",
            "special methods",
            "make my object sortable",
            "use square brackets on my object",
            "__str__",
            "__repr__",
            "customise how my class behaves",
            "operator overloading",
            "__len__",
            "__add__",
        ),
        explanations={
            "beginner": (
                '*Dunder* methods (short for "double underscore") are methods with special names like `__init__`, `__str__` and `__len__`. You rarely call them yourself; Python calls them for you behind the scenes:\n\n'
                "- `print(obj)` uses `__str__`\n"
                "- `len(obj)` uses `__len__`\n"
                "- `a + b` uses `__add__`\n"
                "- `a == b` uses `__eq__`\n\n"
                "They are like plugs of a standard shape: if your object has the right plug, Python's built-in tools can connect to it. "
                "Without `__str__` or `__repr__`, printing your object shows something unhelpful like `<__main__.Point object at 0x7f...>`."
            ),
            "intermediate": (
                "The most useful groups:\n\n"
                "- **representation**: `__repr__` (unambiguous, for developers; ideally looks like the code that recreates the object) and `__str__` (friendly, for users). "
                "`print` and f-strings use `__str__`, falling back to `__repr__`; containers show the `repr` of their items.\n"
                "- **comparison**: `__eq__`, `__lt__`, ...; `functools.total_ordering` fills in the rest from `__eq__` and one ordering method.\n"
                "- **arithmetic**: `__add__`, `__radd__` (reflected, for `2 + obj`), `__iadd__` (`+=`). Return `NotImplemented` for types you do not support, so Python can try the other operand.\n"
                "- **containers and protocols**: `__len__`, `__getitem__`, `__contains__`, `__iter__`, `__call__`, `__enter__`/`__exit__`.\n\n"
                "Call the built-in (`len(x)`), not the dunder (`x.__len__()`)."
            ),
            "advanced": (
                "Implicit invocations look special methods up on the *type*, not the instance, and skip `__getattribute__`: assigning `obj.__len__ = ...` does not change `len(obj)`. "
                "For `a + b`, Python tries `type(a).__add__(a, b)` and, on `NotImplemented`, `type(b).__radd__(b, a)`; if `type(b)` is a subclass of `type(a)` that overrides the reflected method, it gets the first try.\n\n"
                "Defining `__eq__` sets `__hash__` to `None` unless you also define `__hash__`, and hash must agree with equality (hash the same fields you compare). "
                "Truthiness uses `__bool__` then `__len__`; `format()` and f-string specs call `__format__`. "
                "Class-level hooks such as `__init_subclass__`, `__set_name__` and `__class_getitem__` customise class creation. Names of the form `__x__` are reserved for Python, so do not invent your own."
            ),
        },
        example_code="""\
from functools import total_ordering


@total_ordering
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"Money({self.cents})"

    def __str__(self):
        return f"${self.cents / 100:.2f}"

    def __add__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.cents + other.cents)

    def __eq__(self, other):
        if not isinstance(other, Money):
            return NotImplemented
        return self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __hash__(self):
        return hash(self.cents)


class Plain:
    pass


a, b = Money(250), Money(199)
print(a + b)
print([a, b])
print(a > b, a == Money(250), sorted([a, b]))
print(len({a, Money(250)}))
print(repr(Plain()).startswith("<__main__.Plain object at"))
""",
        example_output="""\
$4.49
[Money(250), Money(199)]
True True [Money(199), Money(250)]
1
True
""",
        check_question="Which special method should you define so that `len(playlist)` works on your `Playlist` class?",
        check_answer="`__len__(self)`, returning a non-negative int.",
        check_accepts=(r"__len__|\blen\b\s*dunder|dunder\s*len\b",),
        common_mistakes=(
            "Defining only `__str__` and being surprised that lists of objects still print badly (lists use `__repr__`).",
            "Defining `__eq__` without `__hash__`, which makes instances unhashable.",
            "Returning `False` or raising from `__add__`/`__eq__` for unsupported types instead of returning `NotImplemented`.",
        ),
        references=(
            "https://docs.python.org/3/reference/datamodel.html#special-method-names",
            "https://docs.python.org/3/reference/datamodel.html#object.__repr__",
            "https://docs.python.org/3/reference/datamodel.html#emulating-numeric-types",
            "https://docs.python.org/3/library/functools.html#functools.total_ordering",
        ),
    ),
    ConceptCard(
        concept_id="dataclasses",
        title="Dataclasses",
        topic="classes",
        keywords=(
            "dataclass",
            "dataclasses",
            "@dataclass",
            "data class",
            "field",
            "default_factory",
            "frozen dataclass",
            "automatic __init__",
            "record type",
            "struct",
            "namedtuple vs dataclass",
            "__post_init__",
            "asdict",
        ),
        student_phrases=(
            "class that just holds data",
            "automatic init",
            "@dataclass",
            "record with fields",
            "less boilerplate class",
            "auto generated repr",
            "frozen",
            "default values in a class",
            "struct like in c",
            "simple data container",
            "compare objects by their fields",
            "dataclass",
            "class for data",
            "auto __init__",
            "simple record class",
        ),
        explanations={
            "beginner": (
                "A dataclass is a shortcut for classes that mainly hold data. Put `@dataclass` above the class and list the fields with their types:\n\n"
                "```python\n@dataclass\nclass Student:\n    name: str\n    grade: int = 1\n```\n\n"
                "Python then writes the boring parts for you: an `__init__` that takes `name` and `grade`, a readable printout (`Student(name='Ada', grade=1)`) and `==` that compares the fields. "
                "It is like using a pre-printed form with labelled boxes instead of designing the form yourself."
            ),
            "intermediate": (
                "Fields are declared with type annotations, in order; fields without defaults must come before fields with defaults. "
                "A mutable default must use `field(default_factory=list)`: writing `courses: list = []` raises `ValueError` precisely to stop the shared-list bug.\n\n"
                "Useful options: `frozen=True` (instances are immutable and hashable), `order=True` (adds `<`, `>` comparing fields in order), and, since 3.10, `slots=True` and `kw_only=True`. "
                "`__post_init__` runs after the generated `__init__` for validation or derived fields. `dataclasses.asdict()` converts to a dict and `replace()` copies with changes.\n\n"
                "Choose a dataclass for plain records with a little behaviour, a `NamedTuple` for small immutable tuple-like records, a regular class when you must protect invariants, "
                "and a validation library when data comes from outside (JSON, forms)."
            ),
            "advanced": (
                "`@dataclass` reads the class's `__annotations__` when the class is created and generates methods with `exec`; annotations are not checked at run time. "
                "`ClassVar` annotations are excluded from fields and `InitVar` fields are passed only to `__post_init__`.\n\n"
                "Hashing rules: with the default `eq=True` and no `frozen`, `__hash__` is set to `None` (instances are unhashable); `frozen=True` generates a field-based `__hash__`. "
                "Frozen instances block assignment in `__setattr__` by raising `FrozenInstanceError`, so a frozen class's `__post_init__` must use `object.__setattr__(self, ...)`.\n\n"
                "Fields are collected along the MRO, so a subclass adding a field without a default after a base field with one raises `TypeError`; `kw_only=True` (3.10) solves it. "
                "`slots=True` returns a new class, which breaks zero-argument `super()` in methods in 3.11. The generated `__init__` is as fast as a handwritten one."
            ),
        },
        example_code="""\
from dataclasses import asdict, dataclass, field, replace


@dataclass
class Student:
    name: str
    grade: int = 1
    courses: list[str] = field(default_factory=list)


@dataclass(frozen=True, order=True)
class Point:
    x: int
    y: int


ada = Student("Ada")
ada.courses.append("Python")
print(ada)
print(ada == Student("Ada", 1, ["Python"]))
print(asdict(replace(ada, grade=2)))
p = Point(1, 2)
print(sorted([Point(2, 0), p]), {p: "home"}[Point(1, 2)])
try:
    p.x = 5
except Exception as error:
    print(type(error).__name__)
""",
        example_output="""\
Student(name='Ada', grade=1, courses=['Python'])
True
{'name': 'Ada', 'grade': 2, 'courses': ['Python']}
[Point(x=1, y=2), Point(x=2, y=0)] home
FrozenInstanceError
""",
        check_question="Why does `@dataclass class Bag: items: list = []` fail, and what should you write instead?",
        check_answer="A mutable default would be shared by every instance, so dataclasses reject it with `ValueError`. Use `items: list = field(default_factory=list)`.",
        check_accepts=(r"default_factory",),
        common_mistakes=(
            "Using a mutable default instead of `field(default_factory=...)`.",
            "Expecting type annotations on a dataclass to be enforced at run time.",
            "Putting a field without a default after one with a default.",
        ),
        references=(
            "https://docs.python.org/3/library/dataclasses.html",
            "https://docs.python.org/3/library/dataclasses.html#dataclasses.field",
            "https://docs.python.org/3/library/dataclasses.html#frozen-instances",
            "https://docs.python.org/3/library/dataclasses.html#mutable-default-values",
        ),
    ),
)
