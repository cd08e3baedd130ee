"""Static checks for beginner slips that raise nothing but make the program wrong.

One module per family of checks; `CHECKS` fixes the order they run in.
"""

import logging

from serve_app.domain.debug.logic_slips.accumulators import check_reset_inside_loop
from serve_app.domain.debug.logic_slips.conditions import (
    check_always_true_or,
    check_is_with_literal,
)
from serve_app.domain.debug.logic_slips.defaults import check_mutable_defaults
from serve_app.domain.debug.logic_slips.divisions import check_floor_division_average
from serve_app.domain.debug.logic_slips.finding import Check, Finding
from serve_app.domain.debug.logic_slips.indexes import (
    check_off_by_one_ranges,
    check_true_division_as_index,
)
from serve_app.domain.debug.logic_slips.loop_control import (
    check_infinite_loops,
    check_mutation_while_iterating,
    check_return_in_first_iteration,
)
from serve_app.domain.debug.logic_slips.no_effect import (
    STR_RESULT_METHODS,
    check_comparison_as_statement,
    check_discarded_results,
    check_uncalled_functions,
)
from serve_app.domain.debug.logic_slips.returns import (
    check_missing_returns,
    print_to_return,
    used_results,
)
from serve_app.domain.debug.source import Source

logger = logging.getLogger(__name__)

CHECKS: tuple[Check, ...] = (
    check_off_by_one_ranges,
    check_missing_returns,
    check_true_division_as_index,
    check_is_with_literal,
    check_comparison_as_statement,
    check_discarded_results,
    check_mutable_defaults,
    check_mutation_while_iterating,
    check_always_true_or,
    check_return_in_first_iteration,
    check_infinite_loops,
    check_uncalled_functions,
    check_reset_inside_loop,
    check_floor_division_average,
)


def find_logic_slips(source: Source) -> tuple[Finding, ...]:
    if source.tree is None:
        return ()
    findings: list[Finding] = []
    for check in CHECKS:
        try:
            findings += check(source)
        except Exception:
            # A check tripping over unusual code must not block the diagnosis.
            logger.exception("logic slip check %s failed", check.__name__)
    return tuple(sorted(findings, key=lambda f: f.line))


__all__ = [
    "CHECKS",
    "STR_RESULT_METHODS",
    "Check",
    "Finding",
    "check_always_true_or",
    "check_comparison_as_statement",
    "check_discarded_results",
    "check_floor_division_average",
    "check_infinite_loops",
    "check_is_with_literal",
    "check_missing_returns",
    "check_mutable_defaults",
    "check_mutation_while_iterating",
    "check_off_by_one_ranges",
    "check_reset_inside_loop",
    "check_return_in_first_iteration",
    "check_true_division_as_index",
    "check_uncalled_functions",
    "find_logic_slips",
    "print_to_return",
    "used_results",
]
