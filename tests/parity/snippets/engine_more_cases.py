import torch


def t(label, f):
    try:
        print(label, "->", f())
    except (RuntimeError, TypeError) as e:
        print(label, "!!", type(e).__name__, str(e)[:150])


nan = float("nan")


def mx():
    x = torch.tensor([1.0, nan, 2.0], requires_grad=True)
    x.max().backward()
    return x.grad


t("max_nan", mx)


def mx2():
    x = torch.tensor([2.0, 1.0, 2.0], requires_grad=True)
    x.max().backward()
    return x.grad


t("max_tie", mx2)


def mxd():
    x = torch.tensor([[1.0, nan, 2.0]], requires_grad=True)
    v, i = x.max(1)
    v.sum().backward()
    return v, i, x.grad


t("max_dim_nan", mxd)


def unused_nonleaf():
    x = torch.ones(3, requires_grad=True)
    y = x * 2
    q = x * 5
    q.sum().backward(inputs=[y])
    return y.grad, x.grad


t("unused_nonleaf_backward", unused_nonleaf)


def unused_leaf():
    x = torch.ones(3, requires_grad=True)
    w = torch.ones(3, requires_grad=True)
    (x * 2).sum().backward(inputs=[w])
    return w.grad, x.grad


t("unused_leaf_backward", unused_leaf)


def grad_unused():
    x = torch.ones(3, requires_grad=True)
    w = torch.ones(3, requires_grad=True)
    return torch.autograd.grad((x * 2).sum(), [x, w])


t("grad_unused", grad_unused)


def grad_unused_ok():
    x = torch.ones(3, requires_grad=True)
    w = torch.ones(3, requires_grad=True)
    return torch.autograd.grad((x * 2).sum(), [x, w], allow_unused=True, materialize_grads=True)


t("grad_unused_ok", grad_unused_ok)


def grad_norg():
    x = torch.ones(3, requires_grad=True)
    w = torch.ones(3)
    return torch.autograd.grad((x * 2).sum(), [w])


t("grad_norg", grad_norg)


def backward_twice_inputs():
    x = torch.ones(3, requires_grad=True)
    y = x * x
    y.sum().backward(inputs=[x])
    return x.grad


t("backward_inputs_leaf", backward_twice_inputs)


def retain_twice():
    x = torch.ones(3, requires_grad=True)
    y = x * 2
    y.retain_grad()
    z = y.sum()
    z.backward(retain_graph=True)
    g = y.grad
    z.backward()
    return y.grad, g is y.grad, y.grad._version


t("retain_twice", retain_twice)


def grad_nonleaf_hook_retains():
    x = torch.ones(3, requires_grad=True)
    y = x * 2
    g = torch.autograd.grad(y.sum(), y)
    return g


t("grad_of_root_itself", grad_nonleaf_hook_retains)


def call_node_after_free():
    x = torch.ones(3, requires_grad=True)
    y = x * x
    s = y.sum()
    s.backward()
    return y.grad_fn(torch.ones(3))


t("call_node_after_free", call_node_after_free)


def saved_after_free():
    x = torch.ones(3, requires_grad=True)
    y = x.max(0)[0]
    y.backward()
    return y.grad_fn._saved_indices


t("saved_indices_after_free", saved_after_free)


def leaf_hook_changes_backward():
    x = torch.ones(3, requires_grad=True)
    h = x.register_hook(lambda g: g * 2)
    (x * 3).sum().backward()
    h.remove()
    (x * 3).sum().backward()
    return x.grad


t("leaf_hook_remove", leaf_hook_changes_backward)


def prehook():
    x = torch.ones(3, requires_grad=True)
    y = x * 3
    y.grad_fn.register_prehook(lambda g: (g[0] * 10,))
    y.sum().backward()
    return x.grad


t("prehook", prehook)


def hook_on_nonleaf_then_inplace():
    x = torch.ones(3, requires_grad=True)
    y = x * 2
    y.register_hook(lambda g: g * 100)
    y.mul_(3)
    y.sum().backward()
    return x.grad


t("hook_then_inplace", hook_on_nonleaf_then_inplace)


def view_grad_version():
    x = torch.ones(2, 3, requires_grad=True)
    x.t().sum().backward()
    return x.grad._version, x.grad.is_contiguous()


t("t_version", view_grad_version)


def expand_v():
    x = torch.ones(3, requires_grad=True)
    x.expand(2, 3).sum().backward()
    return x.grad._version


t("expand_version", expand_v)


def mulv():
    x = torch.ones(3, requires_grad=True)
    (x * torch.ones(2, 3)).sum().backward()
    return x.grad._version


t("broadcast_mul_version", mulv)
