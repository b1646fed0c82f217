"""``torch.select`` / ``Tensor.select`` and ``index_put`` / ``index_put_`` (with ``accumulate``) as torch's: values,
views and versions, the nodes and what they save, gradients, and torch's errors for bad arguments.
"""

import pytest
from live_compare import mismatch

pytestmark = pytest.mark.parity

PROGRAMS = {
    "select_is_a_view": (
        "x = torch.arange(6.).view(2, 3); s = x.select(1, -1); s.fill_(9)\n"
        "out = (x, s.stride(), s.storage_offset(), s._base is x, x._version, torch.select(x, 0, 1))"),
    "select_node_saves_what_torch_saves": (
        "x = torch.zeros(3, 2, requires_grad=True); a = x.select(-1, -1); b = torch.select(x, 0, 2)\n"
        "(a.sum() + 2 * b.sum()).backward()\n"
        "out = (a.grad_fn.name(), a.grad_fn._saved_dim, a.grad_fn._saved_index, a.grad_fn._saved_self_sym_sizes,\n"
        "       b.grad_fn._saved_dim, b.grad_fn._saved_index, x.grad)"),
    "select_of_transposed_and_0d_result": (
        "x = torch.arange(6.).view(2, 3).t(); s = torch.select(torch.select(x, 0, 1), 0, 1)\n"
        "out = (x.select(0, 2), x.select(1, 0).stride(), s, s.shape, s.storage_offset(),\n"
        "       x.select(0, torch.tensor(1)))"),
    "select_errors": (
        "x = torch.zeros(3, 2); out = []\n"
        "for f in (lambda: torch.select(torch.tensor(1.), 0, 0), lambda: torch.select(x, -1, -3),\n"
        "          lambda: x.select(0, 3), lambda: torch.select(x, 2, 0), lambda: torch.select(x, 0, 1.5),\n"
        "          lambda: x.select(0, 1.5)):\n"
        "    try:\n"
        "        f()\n"
        "    except (IndexError, TypeError) as e:\n"
        "        out.append((type(e).__name__, str(e)))"),
    "index_put_accumulate_adds_repeats": (
        "x = torch.zeros(2, 3)\n"
        "v = torch.tensor([1., 2., 3.])\n"
        "r = x.index_put_((torch.tensor([0, 1, 0]), torch.tensor([2, 2, 2])), v, accumulate=True)\n"
        "m = torch.index_put(x, (torch.tensor([[True, False, True], [False, False, True]]),), v, accumulate=True)\n"
        "out = (r is x, x, x._version, m, torch.index_put(torch.zeros(3), (torch.tensor([0, 0]),), torch.tensor(1.)))"),
    "index_put_out_of_place_keeps_input": (
        "x = torch.zeros(2, 3).t(); r = torch.index_put(x, (torch.tensor([0]),), torch.tensor(1.))\n"
        "out = (x, r, r.stride(), x._version, x.index_put((torch.tensor([2]), torch.tensor([1])), torch.tensor(5.)))"),
    "index_put_graph_and_gradients": (
        "x = torch.zeros(3, 2, requires_grad=True); v = torch.ones(2, requires_grad=True); z = x * 1\n"
        "r = torch.index_put(z, (torch.tensor([0, 0]),), v, accumulate=True)\n"
        "z.index_put_((torch.tensor([0, 1]), torch.tensor([1, 1])), torch.tensor(5.))\n"
        "q = torch.index_put(x, (torch.tensor([2]),), v)\n"
        "seen = (r.grad_fn.name(), r.grad_fn._saved_accumulate, r.grad_fn._saved_indices,\n"
        "        z.grad_fn._saved_accumulate, [type(n).__name__ for n, _ in q.grad_fn.next_functions])\n"
        "(r.sum() + 2 * z.sum() + 3 * q.sum()).backward()\n"
        "try:\n"
        "    r.grad_fn._saved_indices\n"
        "except RuntimeError as e:\n"
        "    seen += (str(e)[:40],)\n"
        "out = (seen, r.grad_fn._saved_accumulate, x.grad, v.grad)"),
    "setitem_node_saves_indices": (
        "x = torch.zeros(2, 3, 4, requires_grad=True); out = []\n"
        "for idx in ([1], (slice(None), [0, 1]), (torch.tensor([True, False]),), (Ellipsis, [1]),\n"
        "            ([0, 1], slice(None), [1, 2])):\n"
        "    z = x * 1; z[idx] = torch.tensor(2.)\n"
        "    out.append((z.grad_fn._saved_indices, z.grad_fn._saved_accumulate))"),
    "index_put_errors": (
        "b = torch.zeros(3); out = []\n"
        "for f in (lambda: torch.index_put(b, [None, torch.tensor([1])], torch.tensor(2.)),\n"
        "          lambda: b.index_put_([None], torch.tensor(1.)), lambda: b.index_put_([[1]], torch.tensor(1.)),\n"
        "          lambda: torch.index_put(b, torch.tensor([1]), torch.tensor(1.)),\n"
        "          lambda: b.index_put_(torch.tensor([1]), torch.tensor(1.)),\n"
        "          lambda: torch.index_put(b, (torch.tensor([0.]),), torch.tensor(1.)),\n"
        "          lambda: torch.index_put(b, (torch.tensor([1]), torch.tensor([1])), torch.tensor(1.)),\n"
        "          lambda: torch.index_put(b, (torch.tensor([1]),), 1.),\n"
        "          lambda: b.index_put_((torch.tensor([1]),), 1.),\n"
        "          lambda: torch.zeros(3, dtype=torch.long).index_put_((torch.tensor([1]),), torch.tensor(2.), True),\n"
        "          lambda: b.index_put((torch.tensor([-4]),), torch.tensor(2.), accumulate=True),\n"
        "          lambda: torch.index_put(b, (torch.tensor([1]),), torch.tensor([4., 5.])),\n"
        "          lambda: torch.index_put(b, (), torch.tensor(1.))):\n"
        "    try:\n"
        "        f()\n"
        "    except (IndexError, TypeError, RuntimeError) as e:\n"
        "        out.append((type(e).__name__, str(e)))"),
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_select_and_index_put_like_torch(torch, name):
    """Same values, nodes, gradients and errors as torch for each program."""
    problem = mismatch(torch, PROGRAMS[name])
    assert problem is None, problem
