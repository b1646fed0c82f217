"""torch-level forms checked against real torch: ``out=`` on the older ops, numpy's keyword names, ``torch.sin_``,
numbers as first operands, ``nonzero``/``argwhere``, ``softmax``, ``promote_types``/``can_cast``, the errors of a
CPU-only build (``.cuda(1)``, ``torch.accelerator``) and ``float()`` of a tensor with several values."""

import warnings

import pytest

import minitorch

pytestmark = pytest.mark.parity


def printed(lib, program):
    """What ``program(lib)`` prints as a repr (or the error's type and text), with minitorch's name as torch's."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return repr(program(lib)).replace("minitorch", "torch")
    except Exception as error:  # noqa: BLE001 (the error itself is compared)
        return f"{type(error).__name__}: {error}"


def same(torch, program):
    assert printed(minitorch, program) == printed(torch, program)


def _written(lib, name, *args, **kwargs):
    out = lib.full((2, 2), 7.0)
    result = getattr(lib, name)(*args(lib), out=out, **kwargs)
    return result is out, out


OUT_CASES = {
    "add": lambda lib: (lib.ones(2, 2), lib.tensor([1.0, 2.0])),
    "sub": lambda lib: (lib.ones(2, 2), 3),
    "mul": lambda lib: (lib.arange(4.0).view(2, 2), lib.tensor(2.0)),
    "matmul": lambda lib: (lib.arange(4.0).view(2, 2), lib.ones(2, 2)),
    "mm": lambda lib: (lib.arange(4.0).view(2, 2), lib.eye(2)),
    "maximum": lambda lib: (lib.arange(4.0).view(2, 2), lib.tensor(1.5)),
    "exp": lambda lib: (lib.arange(4.0).view(2, 2) / 4,),
    "sqrt": lambda lib: (lib.arange(4.0).view(2, 2),),
    "neg": lambda lib: (lib.arange(4.0).view(2, 2),),
    "pow": lambda lib: (lib.arange(4.0).view(2, 2), 2),
    "clamp": lambda lib: (lib.arange(4.0).view(2, 2), 1, 2),
}


@pytest.mark.parametrize("name", sorted(OUT_CASES))
def test_out_keyword_writes_into_the_given_tensor(torch, name):
    same(torch, lambda lib: _written(lib, name, OUT_CASES[name]))


def test_out_keyword_resizes_casts_and_refuses_grad(torch):
    same(torch, lambda lib: lib.add(lib.ones(3), 1, out=lib.zeros(3, dtype=lib.float64)))
    same(torch, lambda lib: lib.sum(lib.arange(6.0).view(2, 3), 1, out=lib.zeros(1)))
    same(torch, lambda lib: lib.mean(lib.arange(6.0).view(2, 3), 0, out=lib.zeros(3)))
    same(torch, lambda lib: lib.cat([lib.ones(2), lib.zeros(1)], out=lib.empty(3)))
    same(torch, lambda lib: lib.add(lib.ones(2), 1.5, out=lib.zeros(2, dtype=lib.int64)))
    same(torch, lambda lib: lib.mul(lib.ones(2, requires_grad=True), 2, out=lib.zeros(2)))
    same(torch, lambda lib: lib.rand(2, 2, out=lib.zeros(2, 2)).shape)


def test_numbers_as_first_operand(torch):
    same(torch, lambda lib: (lib.add(5, 5), lib.mul(2, 3.0), lib.sub(3, lib.tensor([1])), lib.pow(2, lib.arange(3))))


def test_numpy_keyword_names(torch):
    def program(lib):
        a = lib.arange(6.0).view(2, 3)
        return (a.sum(axis=0), lib.sum(a, axis=1, keepdims=True), a.mean(axis=1), a.max(axis=0),
                a.cumsum(axis=1), a.std(axis=0, keepdims=True), lib.cat([a, a], axis=1).shape, a.argmax(axis=1))

    same(torch, program)


def test_in_place_functions_at_top_level(torch):
    def program(lib):
        x = lib.tensor([0.5, -1.0, 2.0])
        return lib.sin_(x), x, lib.relu_(x), lib.clamp_(x, 0.2, 0.4), lib.zero_(x)

    same(torch, program)
    same(torch, lambda lib: lib.sin_(lib.linspace(0.0, 1.0, 3, requires_grad=True)))


def test_nonzero_and_argwhere(torch):
    same(torch, lambda lib: lib.nonzero(lib.tensor([[1, 0, 2], [0, 3, 0]])))
    same(torch, lambda lib: lib.nonzero(lib.tensor([[1, 0, 2], [0, 3, 0]])).stride())
    same(torch, lambda lib: lib.nonzero(lib.tensor([1.0, 0.0, 2.0]), as_tuple=True))
    same(torch, lambda lib: (lib.tensor(5).nonzero(), lib.tensor(0).nonzero(as_tuple=True),
                             lib.tensor(3.0).nonzero(as_tuple=True)))
    same(torch, lambda lib: lib.argwhere(lib.tensor([[True, False], [False, True]])))
    same(torch, lambda lib: lib.tensor([[0.5, 0.0]]).nonzero())


def test_softmax_at_top_level(torch):
    def program(lib):
        x = lib.tensor([[1.0, 2.0, 0.5], [0.0, -1.0, 3.0]], requires_grad=True)
        return lib.softmax(x, 1), lib.log_softmax(x, dim=0), lib.softmax(x, -1, dtype=lib.float64)

    same(torch, program)


def test_promote_types_and_can_cast(torch):
    names = ["bool", "uint8", "int8", "int16", "int32", "int64", "float16", "float32", "float64"]
    same(torch, lambda lib: [(lib.promote_types(getattr(lib, a), getattr(lib, b)),
                              lib.can_cast(getattr(lib, a), getattr(lib, b))) for a in names for b in names])


def test_cpu_only_errors_and_scalar_conversion(torch):
    same(torch, lambda lib: lib.ones(2).cuda(1))
    same(torch, lambda lib: lib.ones(2).cuda())
    same(torch, lambda lib: lib.nn.Linear(2, 2).cuda(0))
    same(torch, lambda lib: (lib.accelerator.is_available(), lib.accelerator.current_accelerator(),
                             lib.accelerator.device_count()))
    same(torch, lambda lib: lib.accelerator.current_device_index())
    same(torch, lambda lib: float(lib.tensor([1.0, 2.0])))
    same(torch, lambda lib: int(lib.tensor([[3]])))


def test_msort(torch):
    same(torch, lambda lib: (lib.msort(lib.tensor([[3.0, 1.0], [2.0, 5.0], [-1.0, 0.5]], requires_grad=True)),
                             lib.tensor([3, 1, 2]).msort()))
