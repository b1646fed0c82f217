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
    # sum's gradient is an expanded view (stride 0); autograd.grad returns it as it is, hooks see it so.
    "grad_of_sum_is_expanded": """
x = torch.ones(2, 3, requires_grad=True)
seen = []
x.register_hook(lambda g: seen.append(g.stride()))
g = torch.autograd.grad(x.sum(), [x])[0]
h = torch.autograd.grad((x.t() + 1).sum(1).sum(), [x])[0]
result = g.stride(), g._version, h.stride(), seen
""",
    # AccumulateGrad copies an expanded gradient into the leaf's own layout (a write: version 1) ...
    "leaf_grad_clones_into_the_leafs_layout": """
x = torch.ones(2, 3, requires_grad=True)
x.data = torch.ones(3, 2).t()
x.sum().backward()
result = x.grad.stride(), x.grad._version
""",
    # ... a row-major clone when the leaf is not dense (version 0); retain_grad always clones row-major.
    "leaf_grad_of_an_expanded_leaf_and_retain_grad": """
x = torch.ones(2, 3, requires_grad=True)
x.data = torch.ones(3).expand(2, 3)
(x * 2).sum().backward()
y = torch.ones(3, 2, requires_grad=True) * 1
y.retain_grad()
y.t().sum().backward()
result = x.grad.stride(), x.grad._version, y.grad.stride(), y.grad._version
""",
    # backward(inputs=) retains each input's grad first: retain_grad's own error for one that needs none.
    "backward_inputs_that_do_not_require_grad": """
x = torch.ones(3, requires_grad=True)
(x * 2).sum().backward(inputs=[torch.ones(3)])
""",
    # .data grew the leaf after its .grad was set: adding the next gradient in place fails with torch's text.
    "accumulating_into_a_grad_of_another_shape": """
x = torch.ones(3, 1, requires_grad=True)
x.grad = torch.ones(3, 1)
x.data = torch.zeros(2, 0)
x.sum().backward()
""",
    # .data changed the leaf's dtype after the graph was built: the gradient keeps the graph's dtype.
    "grad_dtype_after_data_changed_the_dtype": """
x = torch.ones(2, 2, requires_grad=True)
v = x[0]
x.data = x.double()
v.sum().backward()
result = str(x.grad.dtype), str(x.dtype)
""",
    # Gradients torch's formulas write into (zeros, then a scatter) carry versions; two gradients for one
    # tensor are added in place into the first (one more version).
    "versions_of_gradients_written_in_place": """
x = torch.tensor([[1., -2., 3.], [4., 5., -6.]], requires_grad=True)
grads = [torch.autograd.grad(f(x).sum(), [x])[0] for f in (
    lambda x: x[x > 0], lambda x: x[[0, 0]], lambda x: x.max(), lambda x: x.max(0)[0], lambda x: x.sort(1)[0],
    lambda x: x * x, lambda x: x[0] * 2)]
x[[1, 1]].sum().backward()
result = [g._version for g in grads], x.grad._version
""",
    # gradcheck's failure shows the two Jacobians as tensors, (input numel, output numel), output by output.
    "gradcheck_failure_message": """
class Square(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        ctx.save_for_backward(x)
        return x * x

    @staticmethod
    def backward(ctx, g):
        (x,) = ctx.saved_tensors
        return g * x  # half the true gradient

a = torch.tensor([[1., 2.], [3., .5]], dtype=torch.float64, requires_grad=True)
b = torch.tensor([1., 2.], dtype=torch.float64, requires_grad=True)
torch.autograd.gradcheck(lambda a, b: (b + 1, Square.apply(a).sum(0) * b), (a, b))
""",
    # sum's gradient is a view made while backward ran (no grad mode): detach_() and in-place changes that
    # would be recorded are refused.
    "grad_of_sum_is_a_no_grad_view": """
x = torch.tensor(2., requires_grad=True)
g = torch.autograd.grad(x.sum(), [x])[0]
g.detach_()
""",
    "grad_of_sum_changed_in_place_in_grad_mode": """
x = torch.ones(2, 3, requires_grad=True)
g = torch.autograd.grad(x.sum(), [x])[0]
g.t()[0].mul_(x[0])
""",
    # index_put_ on an expanded tensor (not recorded): torch warns and writes only the indexed elements.
    "index_put_into_an_expanded_tensor": """
import warnings
base = torch.tensor([[1., 2., 3.]])
e = base.expand(2, 3)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    e[[1, 0]] = torch.tensor([[1., 2., 3.], [4., 5., 6.]])
    e[:, [0]] = 7.
result = base.tolist(), base._version, [str(w.message)[:40] for w in caught]
""",
    # add with alpha of expanded float32 tensors: a row-major result, as torch's TensorIterator lays it out.
    "add_with_alpha_of_expanded_tensors": """
e = torch.ones(3).expand(2, 3)
result = torch.add(e, e, alpha=2).stride(), torch.add(e, e, alpha=2.5).stride()
""",
    # retain_grad's clone keeps the graph's dtype after .data changed the tensor's.
    "retained_grad_dtype_after_data_changed_the_dtype": """
y = torch.ones(3, 1, requires_grad=True) * 1
y.retain_grad()
y.data = y.double()
(y * 2).sum().backward()
result = str(y.grad.dtype)
""",
    # A view's regenerated node (its base changed in place) writes into fresh zeros too.
    "version_of_the_gradient_through_a_regenerated_view_node": """
x = torch.ones(2, 2, requires_grad=True)
y = x * 1
v = y.t()
y.add_(1)
result = v.grad_fn.name(), torch.autograd.grad(v.sum(), [y])[0]._version
""",
    # A broadcasting op's formula returns the gradient of the broadcast shape; the engine's validate_outputs
    # sums it back to each input's shape. Calling the node directly skips the engine, and a post-hook sees
    # the summed gradients; an input that needs no gradient gets None.
    "a_node_called_directly_returns_the_broadcast_gradient": """
a = torch.ones(3, requires_grad=True)
b = torch.full((2, 3), 2.0, requires_grad=True)
g = torch.ones(2, 3)
seen = []
y = a * b
y.grad_fn.register_hook(lambda grads_in, grads_out: seen.append([tuple(t.shape) for t in grads_in]))
shapes = {}
for name, out in [("add", a + b), ("sub", a - b), ("mul", y), ("div", a / b), ("pow", a ** b),
                  ("rsub", torch.rsub(a, b)), ("where", torch.where(b > 1, a, b)), ("atan2", torch.atan2(a, b))]:
    shapes[name] = [tuple(t.shape) for t in out.grad_fn(g)]
y.sum().backward()
c = torch.ones(3)
result = shapes, seen, [t is None for t in (b + c).grad_fn(g)], [t is None for t in (c * b).grad_fn(g)]
""",
    # scatter's src gradient is gathered at the index (the index's shape): a src larger than the index gets a
    # gradient of the wrong shape, which validate_outputs refuses.
    "scatter_src_larger_than_its_index": """
src = torch.ones(2, 5, requires_grad=True)
out = torch.zeros(3, 3).scatter_add(0, torch.tensor([[0, 1, 2], [1, 2, 0]]), src)
out.sum().backward()
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
