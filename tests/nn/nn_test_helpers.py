"""Helpers shared by the nn tests: the same values as a minitorch and as a torch tensor, and error capture."""

import numpy as np

import minitorch


def pair_of_leaves(torch, values, requires_grad=True):
    """``values`` as a minitorch leaf and as a torch leaf (same dtype, both requiring grad)."""
    values = np.asarray(values)
    ours = minitorch.tensor(values.copy(), requires_grad=requires_grad)
    theirs = torch.tensor(values.copy(), requires_grad=requires_grad)
    return ours, theirs


def raised(call):
    """``(exception type name, message)`` raised by ``call()``, or ``None`` when it returns."""
    try:
        call()
    except Exception as error:  # noqa: BLE001 - any error is compared with torch's
        return type(error).__name__, str(error)
    return None


def node_names(tensor):
    """The grad_fn names along the graph, depth first, as torch names them."""
    names, pending = [], [tensor.grad_fn]
    while pending:
        node = pending.pop()
        if node is None:
            continue
        names.append(node.name())
        pending.extend(fn for fn, _ in reversed(node.next_functions))
    return names


def assert_close(ours, theirs, rtol=1e-5, atol=1e-6):
    """Values of a minitorch tensor (or array) equal to a torch tensor's within tolerance, same shape."""
    ours = ours.detach().numpy() if hasattr(ours, "detach") else np.asarray(ours)
    expected = theirs.detach().numpy()
    assert ours.shape == expected.shape
    np.testing.assert_allclose(ours, expected, rtol=rtol, atol=atol)
