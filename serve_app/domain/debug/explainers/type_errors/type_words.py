"""Plain words for Python type names, used by every TypeError explanation."""

_TYPE_WORDS = {
    "int": "a whole number (int)",
    "float": "a decimal number (float)",
    "str": "text (str)",
    "list": "a list",
    "dict": "a dictionary",
    "tuple": "a tuple",
    "set": "a set",
    "bool": "a True/False value (bool)",
    "function": "a function",
    "builtin_function_or_method": "a built-in function",
    "method": "a method",
}
NUMBERS = {"int", "float", "bool"}


def describe(type_name: str) -> str:
    return _TYPE_WORDS.get(type_name, f"a `{type_name}`")
