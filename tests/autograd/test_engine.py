"""The engine without torch: the order nodes run in, retain_graph, hooks, and autograd.grad's pruning.

Every expected value here is derived by hand from the graph each test builds.
"""

import pytest

import minitorch
from minitorch.autograd import engine
from minitorch.autograd.saved_tensor import FREED_ERROR


def _names(trace):
    return [step.node.name().rsplit("::", 1)[-1] for step in trace]


def test_nodes_run_latest_created_first_and_accumulate_grad_as_soon_as_ready():
    x = minitorch.tensor([1.0, 2.0], requires_grad=True)
    a = x * 2  # MulBackward0, created first
    b = x.exp()  # ExpBackward0, created second
    trace = []
    engine.run_backward(((a + b).sum(),), (None,), trace=trace)
    # Sum, then Add; of the two ready children Exp was created later so runs first; x's AccumulateGrad
    # needs both gradients, so it runs last.
    assert _names(trace) == ["SumBackward0", "AddBackward0", "ExpBackward0", "MulBackward0", "AccumulateGrad"]


def test_compute_dependencies_counts_edges_into_each_node():
    x = minitorch.tensor([1.0], requires_grad=True)
    y = x * x  # both edges of MulBackward0 lead to x's AccumulateGrad
    task = engine.GraphTask(keep_graph=False, accumulate=True)
    engine.compute_dependencies(task, [y.grad_fn])
    assert list(task.dependencies.values()) == [2]


def test_init_to_execute_marks_only_the_nodes_on_a_path_to_the_inputs():
    x = minitorch.tensor([1.0], requires_grad=True)
    w = minitorch.tensor([1.0], requires_grad=True)
    hidden = x * 3
    out = hidden + w * 5
    task = engine.GraphTask(keep_graph=False, accumulate=False)
    engine.init_to_execute(task, [out.grad_fn], [(hidden.grad_fn, 0)])
    assert task.exec_info == {hidden.grad_fn: False, out.grad_fn: True}  # captured only, and the root
    assert task.captures == {hidden.grad_fn: [(0, 0)]}


def test_grad_runs_only_what_it_needs():
    x = minitorch.tensor([1.0, 2.0], requires_grad=True)
    y = x * x
    z = y * 3
    (gy,) = minitorch.autograd.grad(z.sum(), y)
    assert gy.tolist() == [3.0, 3.0]
    y.sum().backward()  # y's own node was not run, so its saved tensors are still there
    assert x.grad.tolist() == [2.0, 4.0]


def test_backward_frees_saved_tensors_unless_retain_graph():
    x = minitorch.tensor([1.0, 2.0], requires_grad=True)
    y = (x * x).sum()
    y.backward(retain_graph=True)
    y.backward()
    assert x.grad.tolist() == [4.0, 8.0]  # d(x*x)/dx = 2x, twice
    with pytest.raises(RuntimeError) as error:
        y.backward()
    assert str(error.value) == FREED_ERROR


def test_a_node_that_saved_nothing_can_run_again():
    x = minitorch.tensor([1.0, 2.0], requires_grad=True)
    y = (x + 1).sum()
    y.backward()
    y.backward()
    assert x.grad.tolist() == [2.0, 2.0]


def test_hooks_run_in_order_tensor_hooks_then_retain_grad_then_node_hooks():
    calls = []
    x = minitorch.tensor([1.0], requires_grad=True)
    y = x * 2
    y.retain_grad()
    y.register_hook(lambda g: calls.append("tensor hook") or g * 10)
    y.grad_fn.register_prehook(lambda grads: calls.append("prehook"))
    y.grad_fn.register_hook(lambda sent, received: calls.append("post hook"))
    x.register_hook(lambda g: calls.append("leaf hook"))
    (y * 1).sum().backward()
    assert calls == ["tensor hook", "prehook", "post hook", "leaf hook"]
    assert y.grad.tolist() == [10.0]  # retain_grad sees the gradient the tensor hook returned
    assert x.grad.tolist() == [20.0]


def test_a_hook_that_changes_the_shape_is_refused():
    x = minitorch.tensor([1.0, 2.0], requires_grad=True)

    def shorter(g):
        return g[:1]
    x.register_hook(shorter)
    with pytest.raises(RuntimeError, match="hook 'shorter' has changed the size of value"):
        (x * 2).sum().backward()


def test_grad_of_the_same_input_twice_and_leaf_hooks():
    x = minitorch.tensor([1.0, 2.0], requires_grad=True)
    x.register_hook(lambda g: g * 10)
    first, second = minitorch.autograd.grad((x * 3).sum(), [x, x])
    assert first.tolist() == second.tolist() == [30.0, 30.0]
    assert x.grad is None


def test_accumulated_grad_keeps_its_object_and_counts_versions():
    x = minitorch.tensor([1.0, 2.0], requires_grad=True)
    (x * 2).sum().backward()  # a fresh gradient is kept as it is
    grad = x.grad
    assert grad._version == 0
    (x * 2).sum().backward()  # added in place
    assert x.grad is grad and grad._version == 1 and grad.tolist() == [4.0, 4.0]
    y = minitorch.tensor([1.0, 2.0], requires_grad=True)
    y.sum().backward()  # an expanded gradient is copied: one write
    assert y.grad._version == 1


def test_post_order_puts_every_node_after_all_of_its_children():
    # root -> (a, b), a -> b, b -> leaf: b is reached from root directly and through a, so a walk that
    # lists nodes in the order it first meets them could put a before b.
    class Fake:
        def __init__(self, name, *children):
            self.name, self.next_functions = name, tuple((c, 0) for c in children)

    leaf = Fake("leaf")
    b = Fake("b", leaf)
    a = Fake("a", b)
    root = Fake("root", a, b)
    order = [node.name for node in engine._post_order([root])]
    assert order.index("leaf") < order.index("b") < order.index("a") < order.index("root")
    assert sorted(order) == ["a", "b", "leaf", "root"]
