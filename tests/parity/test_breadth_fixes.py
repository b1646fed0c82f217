"""What the breadth programs (test_breadth_programs.py) found, one focused check per fix, against live torch.

Each check runs a few lines on torch and on minitorch and compares, line by line, the printed tensor, its
geometry, flags, ``grad_fn``, version, ``.grad`` and any error, as the random programs do.
"""

import pytest
from breadth_programs import first_difference, replay
from random_programs import Program, Step


def assert_same(torch, *lines):
    """Each line binds ``r`` (or raises); every line's outcome must be torch's."""
    import minitorch

    program = Program([Step("r = None", target="r")] + [Step(line, target="r", fallback="r") for line in lines])
    problem = first_difference(program, replay(program, torch), replay(program, minitorch))
    assert problem is None, problem


@pytest.mark.parity
def test_reflected_floor_division_and_remainder(torch):
    """``2 // x`` and ``2 % x`` run; float remainder keeps the sign of a zero as torch (fmod, then + y)."""
    assert_same(torch, "r = 2 // torch.tensor([3, -4])", "r = 2.5 // torch.tensor([3, -4])",
                "r = -1 % torch.tensor([3., -4.])", "r = False % torch.tensor([3., -4.])",
                "r = 3 % torch.tensor([1., 2.], requires_grad=True)", "r.sum().backward()",
                "r = 3 % torch.tensor([0])", "r = torch.tensor([0., -0., 4., -4.]) % -4")


@pytest.mark.parity
def test_transposes_of_small_tensors_type_as_and_where_method(torch):
    """``.T`` of a 0-d tensor permutes it, ``.mT`` returns it, ``.mT`` of a vector raises; type_as; where."""
    assert_same(torch, "x = torch.tensor(3., requires_grad=True) * 1; r = x.T", "r = x.mT", "r = x.mT is x",
                "r = torch.tensor([1., 2.]).mT", "r = torch.tensor([1, 2]).type_as(torch.tensor(1.))",
                "b = torch.tensor([1., 2.], requires_grad=True); r = b.where(b > 1, 0.)",
                "r = b.where(b > 1, torch.tensor([3, 4]))")


@pytest.mark.parity
def test_split_chunk_of_a_0d_tensor_and_stack_of_nothing(torch):
    """torch's own errors, not an IndexError from inside."""
    assert_same(torch, "r = torch.tensor(3).split(1, -2)", "r = torch.tensor(3).chunk(1, 0)",
                "r = torch.tensor(3).split([1, 0], 0)", "r = torch.tensor(3).tensor_split(1)", "r = torch.stack([])")


@pytest.mark.parity
def test_masked_fill_with_a_mask_that_does_not_broadcast(torch):
    """torch's broadcast error, naming the mask first out of place and the tensor first in place."""
    assert_same(torch, "r = torch.zeros(2, 2).masked_fill(torch.tensor([True, False, False, False]), -1)",
                "r = torch.zeros(2, 2).masked_fill_(torch.tensor([True, False, False, False]), -1)",
                "r = torch.zeros(2, 3).masked_fill(torch.ones(3, 2) > 0, 0.5)",
                "r = torch.zeros(2, 3).masked_fill_(torch.ones(3, 2) > 0, 0.5)")


@pytest.mark.parity
def test_out_of_a_comparison_with_inputs_that_require_grad(torch):
    """Comparisons and logical ops have no derivative: ``out=`` takes inputs that require grad, as torch."""
    assert_same(torch, "b = torch.tensor([1., 2.], requires_grad=True); r = torch.ge(b, 0, out=torch.empty(0))",
                "r = torch.eq(b, b, out=torch.empty(0, dtype=torch.int32))",
                "r = torch.logical_and(b, b, out=torch.empty(0))", "r = torch.logical_not(b, out=torch.empty(0))",
                "r = torch.isfinite(b, out=torch.empty(0))", "r = torch.fmod(b, 1.5, out=torch.empty(0))")


@pytest.mark.parity
def test_an_empty_list_as_an_index(torch):
    """``x[[]]`` selects nothing (an empty long index), in reads and writes."""
    assert_same(torch, "x = torch.tensor([[1., -2.], [3., 4.]], requires_grad=True); r = x[None, []]",
                "r = x[[]]", "r = x[[], 0]", "r = x[[], []]", "y = x.detach().clone(); y[[]] = 5.; r = y")


@pytest.mark.parity
def test_flatten_with_its_dims_in_the_wrong_order(torch):
    """torch refuses ``start_dim`` after ``end_dim`` (minitorch used to reshape to a wrong shape)."""
    assert_same(torch, "r = torch.zeros(2, 2).flatten(-1, -2)", "r = torch.zeros(2, 3, 4).flatten(2, 1)",
                "r = torch.zeros(2, 3).flatten(1, 1)")


@pytest.mark.parity
def test_augmented_power_floor_division_remainder_and_bitwise_are_in_place(torch):
    """``x **= y``, ``//=``, ``%=``, ``&=``, ``|=``, ``^=`` modify x (leaf check, version, aliases see it)."""
    assert_same(torch, "w = torch.tensor([1., 2.], requires_grad=True); w **= True; r = w",
                "v = w * 1; r = v; v **= 2", "i = torch.tensor([5, -3]); r = i; i //= 2", "i %= 2",
                "i |= 4", "i &= 5", "i ^= torch.tensor([1, 1])",
                "r = torch.tensor([True, False]); r &= torch.tensor(2)",
                "r = torch.tensor([1.5]); r //= 0.5", "r %= -1.")


@pytest.mark.parity
def test_clamp_with_tensor_bounds_that_require_grad(torch):
    """``ClampBackward0``: gradients to x, to min (x < min < max) and to max (x > max or max < min)."""
    assert_same(torch, "x = torch.tensor([-2., 0.5, 1., 3., float('nan')], requires_grad=True); r = x",
                "lo = torch.tensor([0., 0.5, 2., 0., 0.], requires_grad=True); r = lo",
                "hi = torch.tensor([1., 1., 1., 2., 1.], requires_grad=True); r = hi",
                "r = x.clamp(min=lo); r.backward(torch.arange(1., 6.)); r = x", "r = lo",
                "x.grad = lo.grad = None; r = torch.clamp(x, lo, hi); r.backward(torch.arange(1., 6.)); r = x",
                "r = lo", "r = hi", "r = x.clamp(max=torch.tensor([[0.], [1.]], requires_grad=True))",
                "r = torch.tensor([1, 5]).clamp(min=torch.tensor([2., 0.]))")


@pytest.mark.parity
def test_index_put_order_of_checks_and_a_mask_filled_with_one_value(torch):
    """A mask and one value fill as ``masked_fill_`` (any dtype); else shape mismatch before dtype before bounds."""
    assert_same(torch, "y = torch.zeros(2, 3); y[torch.tensor([False, True]), ::3] = torch.tensor(0.5).half(); r = y",
                "y[torch.tensor([[True, False, True], [False, False, False]])] = torch.tensor(7.5).double()",
                "y[torch.tensor([True, False])] = torch.tensor([1.5], dtype=torch.float64)",
                "y[[1]] = torch.tensor(1.5, dtype=torch.float64)",
                "z = torch.zeros(2, 3, 2, dtype=torch.long); z[:0:2, [-2], [0, 0]] = torch.zeros(2, 3, 2).bool()",
                "z[[5]] = torch.zeros(2, dtype=torch.bool)", "z[[5]] = torch.zeros(3, 2, dtype=torch.long); r = z",
                "w = torch.zeros(3, requires_grad=True) * 1; v = torch.tensor(2., requires_grad=True).double()",
                "w[w == 0] = v; r = w", "w.sum().backward(); r = v.grad")


@pytest.mark.parity
def test_backward_from_a_no_grad_view_of_a_leaf(torch):
    """It requires grad but has no edge to the graph: torch's error, not an AttributeError from the engine."""
    assert_same(torch, "x = torch.tensor([-0.5, 3.0], requires_grad=True); r = x",
                "with torch.no_grad(): r = x[-1]", "r.backward(torch.ones_like(r))", "r.backward()",
                "r = torch.autograd.grad(r, x)")


@pytest.mark.parity
def test_as_strided_and_unfold_are_views_with_torch_geometry_and_errors(torch):
    """The storage offset is absolute; writes show in the input; the backward adds at the places read."""
    assert_same(torch, "x = torch.arange(6.).reshape(2, 3).requires_grad_(); r = x.as_strided((2, 2), (1, 2), 1)",
                "r.sum().backward(); r = x", "r = x.t().as_strided((3,), (1,), 0)",
                "r = torch.arange(6.).reshape(2, 3)[1].as_strided((2,), (1,), 0)",
                "r = torch.zeros(3).as_strided((3,), (1,), 1)", "r = torch.zeros(3).as_strided((3,), (-1,), 0)",
                "r = torch.as_strided(torch.zeros(3), (2, 2), (0, 1))",
                "b = torch.zeros(2, 3); b.as_strided((2,), (4,), 0).fill_(7); r = b",
                "q = torch.arange(5.).requires_grad_(); r = q.unfold(0, 2, 2)",
                "(r * torch.tensor([1., 2.])).sum().backward(); r = q", "r = torch.tensor(3.).unfold(-1, 1, 2)",
                "r = q.unfold(0, 6, 1)", "r = q.unfold(0, 2, 0)", "r = torch.zeros(2, 0).unfold(1, 0, 1)",
                "r = torch.arange(12.).reshape(3, 4).t().unfold(1, 2, 1)")


@pytest.mark.parity
def test_view_as_another_dtype(torch):
    """The bytes reinterpreted (the last dim scaled by the element sizes), sharing memory and version; errors."""
    assert_same(torch, "x = torch.tensor([[1., 2.]], requires_grad=True); r = x.view(torch.int32)",
                "r = x.view(torch.float32)", "r = x.view(torch.float64)", "r = x.detach().view(torch.int8)",
                "r = torch.zeros(3, 2).t().view(torch.float64)", "r = torch.zeros(3, 2).t().view(torch.float16)",
                "r = torch.tensor(1.).view(torch.float16)", "r = torch.zeros(5)[1:].view(torch.float64)",
                "r = torch.zeros(3, 5)[:, :4].view(torch.float64)",
                "r = torch.zeros(2, 3).expand(2, 2, 3).view(torch.int16)",
                "y = torch.zeros(2); r = y.view(torch.int32); r.add_(1); r = y")


@pytest.mark.parity
def test_mean_with_a_dtype(torch):
    """``x.mean(dtype=)`` as a method too; an integer dtype is refused with torch's text."""
    assert_same(torch, "x = torch.tensor([[1., -2.], [3., 4.]], requires_grad=True); r = x.mean(dtype=torch.float64)",
                "r = x.mean(-1, keepdim=True, dtype=torch.int8)", "r = torch.mean(x, 0, dtype=torch.int8)",
                "r = torch.tensor([1, 2]).mean()", "r = torch.tensor([1, 2]).mean(dtype=torch.float32)")


@pytest.mark.parity
def test_rsub_positive_and_signbit(torch):
    """torch.rsub with a tensor (``RsubBackward0``) or a number, positive (the tensor itself), signbit (bool)."""
    assert_same(torch, "x = torch.tensor([1., -0., float('nan'), -float('nan')], requires_grad=True); r = x",
                "r = torch.signbit(x)", "r = x.signbit()", "r = torch.signbit(torch.tensor([-1, 0]))",
                "r = torch.signbit(x, out=torch.empty(0))", "r = torch.positive(x) is x",
                "r = torch.positive(torch.tensor([True]))", "r = torch.rsub(x, 2)", "r = torch.rsub(2, x)",
                "y = torch.tensor([1., 2.], requires_grad=True); z = torch.tensor([[3.], [4.]], requires_grad=True)",
                "r = torch.rsub(y, z, alpha=3); r.sum().backward(); r = y", "r = z")


@pytest.mark.parity
def test_movedim_narrow_and_t_in_place_edge_cases(torch):
    """movedim's own checks (and an alias for a 0-d tensor), narrow of a 0-d tensor, t_ of a 3-d one."""
    assert_same(torch, "a = torch.tensor(1., requires_grad=True); r = a.movedim(0, 0)", "r = a.movedim((-1,), (0,))",
                "r = a.movedim((0, 0), (0, 0))", "r = torch.zeros(2, 3).movedim((0, 1), (0,))",
                "r = torch.zeros(2, 3).movedim((0, 1), (1, 1))", "r = torch.zeros(2, 3).movedim((0, -2), (1, 0))",
                "r = torch.tensor(1.).narrow(0, 0, 1)", "r = torch.zeros(2, 3, 4).t_()")


@pytest.mark.parity
def test_matrix_product_errors(torch):
    """mv and bmm check their operands' dims, bool kernels are named as torch's, batch dims must broadcast."""
    assert_same(torch, "r = torch.mv(torch.zeros(2), torch.zeros(2))",
                "r = torch.mv(torch.zeros(2, 2, 2), torch.zeros(2))",
                "r = torch.bmm(torch.zeros(2, 0), torch.zeros(2, 0))",
                "r = torch.bmm(torch.zeros(2, 2, 2), torch.zeros(2, 2))",
                "r = torch.ones(2, 2).bool() @ torch.ones(2, 2).bool()",
                "r = torch.mv(torch.ones(2, 2).bool(), torch.ones(2).bool())",
                "r = torch.dot(torch.zeros(3).half(), torch.zeros(3))",
                "r = torch.mm(torch.zeros(2, 2, dtype=torch.int8), torch.zeros(2, 2))",
                "r = torch.zeros(2, 2, 3) @ torch.zeros(3, 3, 2)", "r = torch.zeros(1, 2, 3) @ torch.zeros(3, 3, 2)")


@pytest.mark.parity
def test_out_of_cat_and_stack(torch):
    """Inputs that require grad are refused first; a dtype out cannot hold raises torch.cat()'s TypeError."""
    assert_same(torch, "x = torch.tensor([1., 2.]); r = torch.cat([x, x], out=torch.empty(0, dtype=torch.bool))",
                "r = torch.cat([x.long(), x.long()], out=torch.empty(0, dtype=torch.bool))",
                "r = torch.cat([x.long()], out=torch.empty(0, dtype=torch.float16))",
                "r = torch.stack([x, x], out=torch.empty(0, dtype=torch.long))",
                "r = torch.cat([x.requires_grad_(), x], out=torch.empty(0, dtype=torch.long))")


@pytest.mark.parity
def test_where_and_clamp_with_shapes_that_do_not_broadcast(torch):
    """Each operand is checked against the shape of those before it (condition first), as torch's iterator does."""
    assert_same(torch, "r = torch.zeros(2, 3).where(torch.zeros(0) > 0, torch.zeros(2))",
                "r = torch.where(torch.zeros(3) > 0, torch.zeros(2), torch.zeros(4))",
                "r = torch.where(torch.zeros(2) > 0, torch.zeros(3), 1.)",
                "r = torch.where(torch.zeros(2, 1) > 0, torch.zeros(3), torch.zeros(4, 1, 1))",
                "r = torch.zeros(3).clamp(min=torch.zeros(2, 3, 2))",
                "r = torch.zeros(3).clamp(torch.zeros(3, 1), torch.zeros(2))")


@pytest.mark.parity
def test_in_place_logical_ops_have_no_derivative(torch):
    """``logical_*_`` change a leaf that requires grad and keep a tensor's history (torch checks neither)."""
    assert_same(torch, "w = torch.tensor([1., 0.], requires_grad=True); w.logical_not_(); r = w",
                "v = w * 1; v.logical_or_(torch.tensor(True)); r = v", "r = w.eq_(1)",
                "r = torch.bitwise_not(torch.tensor([1, 2]), out=torch.empty(0, dtype=torch.long))",
                "r = torch.logsumexp(w)", "r = w.logsumexp()")


@pytest.mark.parity
def test_amax_amin_of_empty_tensors(torch):
    """The dim as written in the error; reducing only non-empty dims of an empty tensor is allowed."""
    assert_same(torch, "r = torch.zeros(0, 2).amax(-2)", "r = torch.zeros(0, 2).amax((1, -2))",
                "r = torch.zeros(0, 2).amax(-1)", "r = torch.zeros(0, 2).amin(())",
                "r = torch.zeros(2, 0, 3, requires_grad=True).amin((0, 2), keepdim=True)")


@pytest.mark.parity
def test_median_mode_kthvalue_along_an_empty_dim(torch):
    """torch's IndexError instead of numpy's."""
    assert_same(torch, "r = torch.zeros(0).median(-1)", "r = torch.zeros(2, 0).mode(1)",
                "r = torch.zeros(2, 0).kthvalue(1, 1)", "r = torch.zeros(2, 0).median(0).values")


@pytest.mark.parity
def test_softmax_of_an_empty_tensor(torch):
    """An empty result (and gradient), not numpy's "zero-size array" error."""
    assert_same(torch, "x = torch.zeros(0, 2, requires_grad=True); r = x.log_softmax(0)", "r = x.softmax(1)",
                "x.softmax(0).sum().backward(); r = x", "r = torch.zeros(2, 0).log_softmax(0)")


@pytest.mark.parity
def test_reshape_of_nothing_with_an_inferred_dim_next_to_a_zero(torch):
    """``-1`` beside a 0 cannot be inferred for an empty tensor: torch's own message."""
    assert_same(torch, "r = torch.zeros(0).view(0, -1)", "r = torch.zeros(2, 0).reshape(-1, 0)",
                "r = torch.zeros(6).view(0, -1)", "r = torch.zeros(0).view(2, -1)")


@pytest.mark.parity
def test_integers_that_do_not_fit_the_dtype(torch):
    """A negative int wraps around in uint8 (-1 is 255) in tensor(), setitem and index_fill_; out of range raises."""
    assert_same(torch, "r = torch.tensor([-1, -255, 2], dtype=torch.uint8)",
                "r = torch.tensor([-256], dtype=torch.uint8)", "r = torch.tensor([1.5, 255.9], dtype=torch.uint8)",
                "r = torch.tensor([-128.5], dtype=torch.int8)", "r = torch.tensor([float('nan')], dtype=torch.int32)",
                "r = torch.tensor([-2.7, 2.7], dtype=torch.int64)",
                "r = torch.tensor([1, 2], dtype=torch.uint8).index_fill_(0, torch.tensor([0]), -1)",
                "r = torch.tensor(1.).index_fill_(-1, torch.tensor([0]), 2.5)",
                "r = torch.tensor([[3, 2], [1, 0]], dtype=torch.uint8); r[[0]] = -2", "r[0, 1] = -3")


@pytest.mark.parity
def test_in_place_inverse_hyperbolic_functions_have_no_derivative(torch):
    """``acosh_``, ``asinh_``, ``atanh_`` record ``<Name>Backward1``, whose backward torch refuses."""
    assert_same(torch, "x = torch.tensor([1.5, 2.0], requires_grad=True) * 1; r = x.acosh_()",
                "r.sum().backward()", "r = (torch.tensor([0.5], requires_grad=True) * 1).arctanh_()",
                "r = (torch.tensor([0.5], requires_grad=True) * 1).asinh_()", "r.sum().backward()",
                "r = torch.acosh(torch.tensor([2.], requires_grad=True))")


@pytest.mark.parity
def test_maximum_takes_tensors_where_of_a_0d_condition_and_no_fmax_in_place(torch):
    """maximum/minimum refuse a number (before out='s check); where(c) of a 0-d c; torch has no fmax_/fmin_."""
    assert_same(torch, "w = torch.tensor([1., 2.], requires_grad=True); r = w.maximum(-0.5)",
                "r = torch.minimum(w, 2, out=torch.empty(0))", "r = torch.maximum(w, w * 2)",
                "r = torch.where(torch.tensor(3.) != 0)[0]", "r = torch.where(torch.tensor(0.) != 0)[0]",
                "r = w.fmax_(-1)", "r = w.fmin_(w)")


@pytest.mark.parity
def test_out_that_partly_overlaps_an_input(torch):
    """torch refuses it (the same memory exactly is fine)."""
    assert_same(torch, "y = torch.tensor([1., 4., 9.]); r = torch.sqrt(y[1:], out=y[:2])", "r = torch.sqrt(y, out=y)",
                "r = torch.add(y, y[:1], out=y)", "r = torch.cat([y[:2], y[:1]], out=y[1:])",
                "r = torch.sqrt(y.expand(2, 3), out=torch.zeros(2, 3))")


@pytest.mark.parity
def test_out_dtype_of_ops_that_keep_the_input_dtype(torch):
    """abs, neg, floor, ceil, round, trunc, frac, sign, sgn, bitwise_not and nan_to_num: out's dtype must match."""
    lines = [f"r = torch.{name}(torch.ones(2, dtype={src}), out=torch.empty(0, dtype={dst}))"
             for name in ("abs", "neg", "floor", "round", "frac", "sign", "bitwise_not", "nan_to_num", "sqrt")
             for src in ("torch.float32", "torch.int64") for dst in ("torch.float64", "torch.int64", "torch.bool")]
    assert_same(torch, *lines)


@pytest.mark.parity
def test_to_with_copy_and_sign_of_bools_are_new_memory(torch):
    """``x.to(dtype, copy=True)`` copies even to the same dtype; sign/sgn of a bool tensor is a new tensor."""
    assert_same(torch, "x = torch.tensor([1., 2.], requires_grad=True); r = x.to(torch.float32, copy=True)",
                "r = x.to(copy=True) is x", "r = x.to(x, copy=True)", "r = x.to(torch.float32, copy=False) is x",
                "b = torch.tensor([True, False]); r = b.sgn().data_ptr() == b.data_ptr()",
                "r = torch.sign(b).data_ptr() == b.data_ptr()")


@pytest.mark.parity
def test_negative_sizes_in_factories(torch):
    """zeros has its own words; ones, full, empty, rand, randint and new_zeros say "Trying to create..."."""
    assert_same(torch, "r = torch.ones(-1, requires_grad=True)", "r = torch.zeros(2, -3)", "r = torch.full((-1,), 2.)",
                "r = torch.rand(-1)", "r = torch.randint(0, 3, (-1, 2))", "r = torch.ones(2, -1, -3)",
                "r = torch.tensor(1.).new_zeros((-1,), requires_grad=True)", "r = torch.tensor(1.).new_zeros(2, 3)")


@pytest.mark.parity
def test_float_power_in_place_or_out_needs_float64_and_split_needs_non_negative_sizes(torch):
    """torch's own errors (minitorch used to write float64 values into a float32 tensor, split to odd pieces)."""
    assert_same(torch, "x = torch.zeros(2, 3); r = x.float_power_(False)", "r = x.double().float_power_(2)",
                "r = torch.float_power(x, 2, out=torch.empty(0))", "r = x.split([4, -1], 1)", "r = x.split(-1, 1)")


@pytest.mark.parity
def test_masked_fill_of_a_0d_tensor_stays_0d(torch):
    """The result is a fresh row-major tensor of the broadcast shape (a 0-d one stays 0-d, in place too)."""
    assert_same(torch, "r = torch.tensor(0.5).masked_fill_(torch.tensor(True), -1)",
                "r = torch.tensor(0.5).masked_fill(torch.tensor(True), -1)",
                "r = torch.tensor(0.).masked_fill(torch.tensor([True]), -1)",
                "r = torch.zeros(3, 2).t().masked_fill(torch.ones(2, 3, dtype=torch.bool), -1)")


@pytest.mark.parity
def test_zero_slice_step_and_repeated_squeeze_dims(torch):
    """``x[::0]`` says "slice step cannot be zero"; squeeze((1, 1)) and squeeze((0, -1)) of a 0-d refuse."""
    assert_same(torch, "r = torch.zeros(3)[::0]", "r = torch.zeros(3)[::-1]", "x = torch.zeros(3); x[::0] = 1",
                "r = torch.zeros(2, 1).squeeze((1, 1))", "r = torch.tensor(1.).squeeze((0, -1))",
                "r = torch.zeros(2, 1).squeeze((0, -1))")


@pytest.mark.parity
def test_bool_inputs_that_torch_refuses(torch):
    """relu, argmax/argmin, fmod/remainder, pow of two bool tensors, kthvalue, median and arange(dtype=bool)."""
    assert_same(torch, "b = torch.tensor([True, False]); r = b.relu()", "r = torch.relu(b)", "r = b.argmax()",
                "r = b.argmin(0)", "r = torch.fmod(b, b)", "r = b % b", "r = torch.remainder(True, b)",
                "r = torch.fmod(b, 1)", "r = b.kthvalue(1)", "r = b ** b", "r = b ** True", "r = b ** 2",
                "r = torch.arange(4, dtype=torch.bool)", "r = b.median(0)", "r = b.median()")


@pytest.mark.parity
def test_logcumsumexp(torch):
    """Values (accumulated in float64), ``LogcumsumexpBackward0`` with torch's formula (a -inf gives nan), errors."""
    assert_same(torch, "x = torch.tensor([[0.5, -1., 2.], [float('-inf'), 0., 1.]], requires_grad=True); "
                "r = x.logcumsumexp(1)", "r.backward(torch.tensor([[1., 2., 3.], [1., -1., 1.]])); r = x",
                "r = torch.tensor([1, 2]).logcumsumexp(0)", "r = torch.tensor(2.).logcumsumexp(0)",
                "r = torch.tensor([1., 2.]).half().logcumsumexp(0)",
                "r = torch.tensor([float('nan'), 1.]).logcumsumexp(0)",
                "r = torch.logcumsumexp(torch.tensor([1., 2.]), 0, out=torch.empty(0))")


@pytest.mark.parity
def test_empty_matmul_chunk_all_of_uint8_clone_contiguous_and_cumprod_result_check(torch):
    """Batched matmul of empty tensors, chunk of an empty dim (split_with_sizes), all/any keep uint8,
    clone(memory_format=contiguous_format) is row-major, cumprod's saved result is version-checked."""
    assert_same(torch, "r = torch.zeros(0, 0) @ torch.zeros(6, 1)", "r = torch.zeros(2, 0, 3) @ torch.zeros(3, 2)",
                "r = torch.zeros(0, 2, 3) @ torch.zeros(1, 3, 2)",
                "r = torch.zeros(0, requires_grad=True).chunk(3, 0)[-1]",
                "r = torch.tensor([1, 0], dtype=torch.uint8).all(0)",
                "r = torch.tensor([1, 0], dtype=torch.uint8).any()",
                "r = torch.zeros(3, 2).t().clone(memory_format=torch.contiguous_format)",
                "r = torch.zeros(2, dtype=torch.uint8).new_full((2,), -1)",
                "r = torch.tensor([1., 2.], requires_grad=True).cumprod(0); r.add_(1); r.sum().backward()")


@pytest.mark.parity
def test_sum_and_prod_along_a_dim_keep_the_dtype_asked_for(torch):
    """``sum(dim, dtype=torch.int32)`` is int32 (numpy widened it to int64); half sigmoid rounds once."""
    assert_same(torch, "x = torch.tensor([[1, 2], [3, 0]], dtype=torch.int32); r = torch.sum(x, 0, dtype=torch.int32)",
                "r = torch.sum(x, dim=1, keepdim=True, dtype=torch.bool)", "r = x.prod(0, dtype=torch.uint8)",
                "r = x.prod(dtype=torch.int8)", "r = torch.tensor([0.5, 1.5]).half().sigmoid()")


@pytest.mark.parity
def test_index_put_checks_the_indices_before_the_value(torch):
    """Indices that do not broadcast, or index an empty dim, are reported before the value's dtype; a number as
    ``values`` is a TypeError before anything else."""
    assert_same(torch, "r = torch.tensor(0.).index_put_((torch.tensor([0, 0]),), True, accumulate=True)",
                "r = torch.tensor([], dtype=torch.bool); r[torch.tensor([0, 0, 0])] = r.sum()",
                "r = torch.tensor([[3]], dtype=torch.uint8); r[[-1, 0], torch.tensor([-1, -1, -1]), None] = r.sum()",
                "r = torch.zeros(2, 3, 2).double(); r[torch.tensor([True, True]), torch.tensor([False] * 3)] = 1",
                "r = torch.zeros(2).double(); r[[5]] = torch.zeros(1)")


@pytest.mark.parity
def test_small_wording_and_layout_fixes(torch):
    """median with a nan is nan; square's errors say pow; cumsum is row-major; in-place logical ops name
    themselves; neg of a bool and a number for fmin are refused before out='s checks."""
    assert_same(torch, "x = torch.tensor([1., float('nan'), 0.5], requires_grad=True); r = x.median()",
                "r = torch.square(x, out=torch.empty(0))", "r = torch.zeros(3, 2).t().cumsum(-1)",
                "r = torch.tensor([1, 0]).logical_xor_(-0.5)",
                "r = torch.neg(torch.tensor(True), out=torch.empty(0, dtype=torch.int64))",
                "r = torch.fmin(x, True, out=torch.empty(0))")


@pytest.mark.parity
def test_cat_and_stack_results_are_row_major(torch):
    """Whatever the inputs' layouts (transposed, permuted), as torch's strides."""
    assert_same(torch, "a = torch.zeros(3, 2).t(); r = torch.stack([a, a], 1)", "r = torch.cat([a, a], 1)",
                "r = torch.stack([a, torch.zeros(2, 3)], 2)",
                "r = torch.cat([torch.zeros(4, 3, 2).permute(2, 0, 1)] * 2, 1)")


@pytest.mark.parity
def test_bitwise_ops_on_floats_with_out(torch):
    """torch checks out='s dtype, and resizes it, before it finds there is no float kernel."""
    assert_same(torch, "r = torch.bitwise_and(torch.zeros(2, 0), torch.zeros(2, 0), out=torch.empty(0).bool())",
                "r = torch.bitwise_and(torch.zeros(2), 3, out=torch.empty(0, dtype=torch.int64))",
                "o = torch.zeros(3, 1); torch.bitwise_not(torch.zeros(3, 1, 1), out=o)", "r = o.shape",
                "r = torch.bitwise_not(torch.zeros(2), out=torch.empty(0, dtype=torch.long))")


@pytest.mark.parity
def test_out_resized_to_no_more_elements_keeps_its_memory(torch):
    """As torch's resize_: views of ``out`` see what is written, and a failed op leaves the values reshaped."""
    assert_same(torch, "o = torch.zeros(2, 3); v = o[0]; r = torch.add(torch.ones(3), 1, out=o)", "r = v",
                "o = torch.arange(3.).reshape(3, 1); torch.bitwise_not(torch.zeros(3, 1, 1), out=o)", "r = o")
