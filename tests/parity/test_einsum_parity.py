"""einsum against real torch: the graph it records (its grad_fn and every node below), shape, strides,
values, gradients, second derivatives, and its errors."""

import numpy as np
import pytest

import minitorch

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.parity

SHAPES = {"A": (2, 3), "B": (3, 4), "C": (4, 3), "a": (3,), "b": (3,), "S": (3, 3), "X": (2, 2, 3), "Y": (2, 3, 4),
          "Z": (2, 3, 4, 5), "V": (1, 3, 3), "W": (2, 1, 3)}
FORMS = [("ij,jk->ik", "AB"), ("bij,bjk->bik", "XY"), ("ii->i", "S"), ("i,i->", "ab"), ("ij->ji", "A"), ("ii", "S"),
         ("ij->", "A"), ("ij->j", "A"), ("i,j->ij", "ab"), ("ij,ij->ij", "AA"), ("ij,ij->i", "AA"),
         ("ij,kj->ik", "AC"), ("bij,bkj->bik", "XX"), ("...ij,...jk->...ik", "XY"), ("ij,j->i", "Ca"),
         ("ijk->kji", "X"), ("ij,jk", "AB"), ("...ij->...ji", "Z"), ("i j , j -> i", "Ca"), ("bii->bi", "V"),
         ("jii->ij", "V"), ("bij,jk->bik", "XB"), ("ij,ij,ij->", "AAA"), ("...j,...j->...", "WX"),
         ("i,i,i->i", "aba"), ("ijk,ijk->", "XX"), ("ji,jk->ik", "AA"), ("ij,jk,kl->il", "ABC")]


def _tree(node):
    return None if node is None else (node.name(), tuple(_tree(child) for child, _ in node.next_functions))


def _run(library, equation, names):
    random = np.random.default_rng(4)
    values = {name: random.standard_normal(shape) for name, shape in SHAPES.items()}
    operands = [library.tensor(values[n], requires_grad=True) for n in names]
    out = library.einsum(equation, *operands)
    grads = library.autograd.grad((out ** 2).sum(), operands, create_graph=True)
    second = library.autograd.grad(sum((g ** 2).sum() for g in grads), operands)
    arrays = [out.detach().numpy()] + [g.detach().numpy() for g in grads] + [g.numpy() for g in second]
    return (tuple(out.shape), out.stride(), _tree(out.grad_fn), [_tree(g.grad_fn) for g in grads]), arrays


@pytest.mark.parametrize(("equation", "names"), FORMS)
def test_einsum_graph_values_and_derivatives_match_torch(equation, names):
    (mine, mine_arrays), (theirs, their_arrays) = _run(minitorch, equation, names), _run(torch, equation, names)
    assert mine == theirs
    for m, t in zip(mine_arrays, their_arrays):
        np.testing.assert_allclose(m, t, rtol=1e-5, atol=1e-5)


ERRORS = [("ij,jk->ik", "A"), ("ij->ik", "A"), ("ij", "AB"), ("ijk->i", "A"), ("ij->ii", "A"), ("i1->i", "A"),
          ("ii->i", "A"), ("ij,jk->ik", "AA"), ("..ij->i", "A"), ("...ij->......", "A"), ("i...j...->i", "A"),
          ("ij->i..", "A"), ("ij,jk->ik", "AC"), ("...ij,...jk->...ik", "XZ")]


@pytest.mark.parametrize(("equation", "names"), ERRORS)
def test_einsum_errors_match_torch(equation, names):
    def error(library):
        operands = [library.ones(*SHAPES[n]) for n in names]
        with pytest.raises(RuntimeError) as info:
            library.einsum(equation, *operands)
        return str(info.value)
    assert error(minitorch) == error(torch)


def test_einsum_of_mixed_dtypes_fails_in_bmm_as_in_torch():
    def error(library):
        with pytest.raises(RuntimeError) as info:
            library.einsum("ij,jk->ik", library.ones(2, 3), library.ones(3, 4, dtype=library.float64))
        return str(info.value)
    assert error(minitorch) == error(torch)
