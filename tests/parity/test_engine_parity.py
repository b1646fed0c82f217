"""The engine's checks and layouts as torch 2.13's, case by case: each case is a program the alias fuzzer
(``alias_programs.py`` with its engine families) found differing, reduced to a few lines.

Each case runs with real torch and with minitorch and must end the same: the same error type and text, or
the same ``result`` (plain Python values: shapes, strides, versions, lists).
"""

import pytest

CASES = {
    # The gradient a node sends is checked against the shape recorded when the graph was built, not the
    # tensor's shape now: ``.data`` changed it in between.
    "data_shape_changed_before_sum_backward": """
x = torch.ones(2, 2, requires_grad=True)
v = x.expand(3, 2, -1)
v.data = x
v.sum().backward()
""",
    "data_shape_changed_before_mul_backward": """
x = (torch.ones(3, requires_grad=True) * 1)
x.data = torch.zeros(2, 0)
x.sum().backward()
""",
}


def outcome(module, code: str):
    """The error ``code`` raises as (type, text), or the ``result`` it binds (None when it binds none)."""
    namespace = {"torch": module}
    try:
        exec(code, namespace)
    except Exception as error:  # noqa: BLE001 - the error itself is compared
        return type(error).__name__, str(error)
    return namespace.get("result")


@pytest.mark.parity
@pytest.mark.parametrize("name", CASES)
def test_engine_case_as_in_torch(torch, name):
    """The case ends as it does in torch."""
    import minitorch

    assert outcome(minitorch, CASES[name]) == outcome(torch, CASES[name])
