"""The one way an op joins the graph (``record``, ``record_outputs``, ``attach``), without torch.

Expected values are hand-derived: edges point at the inputs' nodes, state lands on the node as ``_<name>``,
attributes as ``_saved_<name>``, and a multi-output op's outputs share one node, numbered in order.
"""

import numpy as np

import minitorch
from minitorch.autograd.node import Node, record, record_outputs


class ScaleBackward0(Node):
    """d(factor * x) / dx = factor."""

    def apply(self, grad):
        return (grad * self._factor,)


class PairBackward0(Node):
    """d(x, 2x) / dx = grad_first + 2 * grad_second."""

    def apply(self, first, second):
        total = np.zeros(self.input_shape(0), self.input_dtype(0))
        if first is not None:
            total = total + first
        if second is not None:
            total = total + 2 * second
        return (total,)


def test_record_builds_the_node_with_its_edges_attributes_and_state():
    x = minitorch.tensor([1.0, 2.0], requires_grad=True)
    out = record(ScaleBackward0, x._data * 3, (x,), saved={"self": x}, attrs={"scale": 3.0}, state={"factor": 3})
    node = out.grad_fn
    assert type(node) is ScaleBackward0 and out.output_nr == 0
    assert node.next_functions == ((x.grad_fn or x._grad_accumulator(), 0),)
    assert (node._saved_scale, node._factor, node._saved_self is x) == (3.0, 3, True)
    assert node.input_shape(0) == (2,) and node.needs_input_grad(0)
    out.sum().backward()
    assert x.grad.tolist() == [3.0, 3.0]


def test_record_makes_no_node_when_nothing_requires_grad_or_grad_mode_is_off():
    x = minitorch.tensor([1.0, 2.0])
    assert record(ScaleBackward0, x._data, (x,), state={"factor": 2}).grad_fn is None
    y = minitorch.tensor([1.0], requires_grad=True)
    with minitorch.no_grad():
        assert record(ScaleBackward0, y._data, (y,), state={"factor": 2}).grad_fn is None


def test_record_outputs_gives_every_output_the_same_node_numbered_in_order():
    x = minitorch.tensor([1.0, -1.0], requires_grad=True)
    outs = (minitorch.Tensor._wrap(x._data.copy()), minitorch.Tensor._wrap(2 * x._data))
    first, second = record_outputs(PairBackward0, outs, (x,))
    assert first.grad_fn is second.grad_fn and (first.output_nr, second.output_nr) == (0, 1)
    assert first.grad_fn._num_outputs == 2
    (first.sum() + second.sum()).backward()  # 1 + 2 * 1 for every element
    assert x.grad.tolist() == [3.0, 3.0]


def test_an_in_place_op_on_a_view_passes_the_other_inputs_edges_on_to_copy_slices():
    base = minitorch.zeros(3, requires_grad=True).clone()
    other = minitorch.ones(1, requires_grad=True)
    base[1:2].mul_(other)
    node = base.grad_fn
    assert node.name() == "torch::autograd::CopySlices"
    assert node.next_functions[0][0].name() == "CloneBackward0"
    assert node.next_functions[1][0] is other._grad_accumulator()
