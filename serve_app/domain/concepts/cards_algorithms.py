"""Cards for algorithmic thinking: growth rates and the cost of everyday operations."""

from serve_app.domain.concepts.models import ConceptCard

CARDS: tuple[ConceptCard, ...] = (
    ConceptCard(
        concept_id="big-o",
        title="Big-O and algorithm efficiency",
        topic="algorithms",
        keywords=(
            "big o",
            "big-o notation",
            "time complexity",
            "complexity",
            "efficiency",
            "efficient",
            "performance",
            "O(n)",
            "O(1)",
            "O(log n)",
            "O(n^2)",
            "slow code",
            "algorithm analysis",
            "scalability",
            "linear search",
            "binary search",
            "nested loops are slow",
        ),
        student_phrases=(
            "how fast is my code",
            "why is my code slow",
            "code slows down with more data",
            "speed of an algorithm",
            "efficiency",
            "time complexity",
            "nested loops slow",
            "faster way to search",
            "is a set faster than a list",
            "how many steps",
            "scale to big input",
            "performance",
            "binary search",
            "worst case",
            "slow with big input",
            "algorithm speed",
            "complexity",
            "time grows with input",
        ),
        explanations={
            "beginner": (
                "Big-O describes how the amount of work a program does *grows* as its input gets bigger.\n\n"
                "- **O(1)**, constant: the same time whatever the size, like looking up a key in a dictionary.\n"
                "- **O(n)**, linear: twice the data, twice the work, like checking every item in a list.\n"
                "- **O(n²)**, quadratic: twice the data, four times the work, like comparing every item with every other item using two nested loops.\n"
                "- **O(log n)**, logarithmic: the work barely grows, like finding a word in a dictionary by opening it in the middle and halving the search each time.\n\n"
                'For a list of 10 items none of this matters; for a million items it is the difference between instant and "still running".'
            ),
            "intermediate": (
                "To find the Big-O of code, count how the number of basic steps grows with the input size `n`, keep only the fastest-growing term and drop constant factors: `3n + 10` steps is O(n).\n\n"
                "Costs of everyday Python operations:\n\n"
                "- list: index, `append`, `pop()` O(1); `x in lst`, `insert(0, x)`, `pop(0)`, `remove` O(n); `sort` O(n log n); a slice of k items O(k)\n"
                "- dict and set: lookup, insert, delete, `in` O(1) on average\n"
                '- string: building one with `+=` in a loop can be O(n²); `"".join(parts)` is O(n)\n\n'
                'Nested loops over the same data are O(n²) and can often become O(n) with a set or dict (for example, "is there a pair that sums to k?"). '
                "On *sorted* data, binary search (the `bisect` module) is O(log n). Space complexity, the extra memory used, matters too. Measure with `timeit` rather than guessing."
            ),
            "advanced": (
                "O is an asymptotic upper bound; Θ is a tight bound and Ω a lower bound. Distinguish worst-case, average-case and *amortised* cost: `list.append` is amortised O(1) "
                "because occasional O(n) resizes over-allocate geometrically, and dict operations are O(1) on average but O(n) in the worst case under heavy hash collisions.\n\n"
                "Recurrences give the cost of recursive algorithms: `T(n) = 2T(n/2) + O(n)` solves to O(n log n) (merge sort), and any comparison-based sort needs Ω(n log n) comparisons.\n\n"
                "Constant factors still matter in Python: a C-implemented O(n) built-in (`in` on a short list, `sorted`, `sum`) can beat a Python-level O(log n) loop for small n, and memory locality affects real timings. "
                "Python-specific quadratic traps: `sum(list_of_lists, [])`, repeated `list.remove` or `pop(0)` in a loop (use `collections.deque`), and string `+=`. "
                "Use `heapq` for priority queues (O(log n) push/pop), and profile with `cProfile` before optimising."
            ),
        },
        example_code="""\
import bisect


def linear_search(items, target):
    steps = 0
    for item in items:
        steps += 1
        if item == target:
            break
    return steps


def binary_search(items, target):
    low, high, steps = 0, len(items) - 1, 0
    while low <= high:
        steps += 1
        mid = (low + high) // 2
        if items[mid] == target:
            break
        if items[mid] < target:
            low = mid + 1
        else:
            high = mid - 1
    return steps


for size in (1_000, 1_000_000):
    data = list(range(size))
    print(size, linear_search(data, size - 1), binary_search(data, size - 1))
print(bisect.bisect_left([10, 20, 30, 40], 30))
""",
        example_output="""\
1000 1000 10
1000000 1000000 20
2
""",
        check_question="A function compares every item of a list with every other item using two nested loops. What is its time complexity, and what happens to the running time when the list doubles in size?",
        check_answer="O(n²): doubling the input roughly quadruples the running time.",
        check_accepts=(
            r"\bn\s*(\^|\*\*)?\s*2\b|n²|n squared|quadratic|\bn\s*\*\s*n\b",
            r"quadrupl|\b4\s*(x|times)\b|four\s*times|x\s*4\b|×\s*4|\b4x\b",
        ),
        common_mistakes=(
            "Checking `x in some_list` inside a loop (O(n²) overall) when a set would make each check O(1).",
            "Using `list.pop(0)` or `insert(0, x)` for a queue; use `collections.deque`.",
            "Optimising by guesswork instead of measuring with `timeit` or `cProfile`.",
        ),
        references=(
            "https://docs.python.org/3/library/bisect.html",
            "https://docs.python.org/3/library/timeit.html",
            "https://docs.python.org/3/library/collections.html#collections.deque",
            "https://docs.python.org/3/faq/design.html#how-are-lists-implemented-in-cpython",
            "https://docs.python.org/3/faq/design.html#how-are-dictionaries-implemented-in-cpython",
        ),
    ),
)
