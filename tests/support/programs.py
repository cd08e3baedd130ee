"""Student programs that tests of more than one layer debug."""

# Steps of 2 jump over the base case: the local engine explains it but has no correction,
# so only an LLM can offer one.
SKIPS_BASE_CASE = (
    "def sum_evens(n):\n"
    "    if n == 0:\n"
    "        return 0\n"
    "    return n + sum_evens(n - 2)\n"
    "\n"
    "print(sum_evens(7))\n"
)
# The correction an LLM should propose for SKIPS_BASE_CASE.
FIXED_BASE_CASE = SKIPS_BASE_CASE.replace("if n == 0:", "if n <= 0:")
