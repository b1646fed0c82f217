import torch


def t(label, f):
    try:
        print(label, "->", f())
    except (RuntimeError, TypeError) as e:
        print(label, "!!", type(e).__name__, e)


def post():
    x = torch.ones(3, requires_grad=True)
    y = x * 2
    y.grad_fn.register_hook(lambda gi, go: (torch.ones(2), None))
    y.sum().backward()
    return x.grad


t("post_shape", post)


def post_dtype():
    x = torch.ones(3, requires_grad=True)
    y = x * 2
    y.grad_fn.register_hook(lambda gi, go: (torch.ones(3, dtype=torch.float64), None))
    y.sum().backward()
    return x.grad, x.grad.dtype


t("post_dtype", post_dtype)


def pre():
    x = torch.ones(3, requires_grad=True)
    y = x * 2
    y.grad_fn.register_prehook(lambda go: (torch.ones(2),))
    y.sum().backward()
    return x.grad


t("pre_shape", pre)


def rootgrad_dtype():
    x = torch.ones(3, requires_grad=True)
    y = x * 2
    y.backward(torch.ones(3, dtype=torch.float64))
    return x.grad


t("root_dtype", rootgrad_dtype)


def rootgrad_shape():
    x = torch.ones(3, requires_grad=True)
    y = x * 2
    y.backward(torch.ones(2))
    return x.grad


t("root_shape", rootgrad_shape)


def grad_outputs_list():
    x = torch.ones(3, requires_grad=True)
    y = x * 2
    return torch.autograd.grad([y.sum(), (x * 3).sum()], x)


t("two_roots", grad_outputs_list)


def backward_list():
    x = torch.ones(3, requires_grad=True)
    torch.autograd.backward([(x * 2).sum(), (x * 3).sum()])
    return x.grad


t("backward_list", backward_list)


def nonscalar():
    x = torch.ones(3, requires_grad=True)
    (x * 2).backward()
    return x.grad


t("nonscalar", nonscalar)


def noreq():
    x = torch.ones(3)
    (x * 2).sum().backward()
    return x.grad


t("noreq", noreq)
