import torch


def attempt(label, fn):
    try:
        print(label, fn())
    except RuntimeError as e:
        print(label, type(e).__name__, str(e)[:60])


def twice(make):
    x = torch.tensor([[1.0, 5.0], [3.0, 2.0]], requires_grad=True)
    y = make(x)
    y.sum().backward()
    y.sum().backward()
    return x.grad


attempt("max(0)", lambda: twice(lambda x: x.max(0)[0]))
attempt("max()", lambda: twice(lambda x: x.max()))
attempt("min(1)", lambda: twice(lambda x: x.min(1)[0]))
attempt("x[[0, 1]]", lambda: twice(lambda x: x[[0, 1]]))
attempt("relu", lambda: twice(lambda x: x.relu()))
attempt("x * 2", lambda: twice(lambda x: x * 2))
attempt("sum(0)", lambda: twice(lambda x: x.sum(0)))
attempt("mean(0)", lambda: twice(lambda x: x.mean(0)))
attempt("x[0]", lambda: twice(lambda x: x[0]))


def copy_slices():
    x = torch.ones(3, requires_grad=True)
    y = x * 1
    y[0] = 5.0
    y.sum().backward()
    y.sum().backward()
    return x.grad


attempt("CopySlices", copy_slices)


def retained():
    x = torch.ones(3, requires_grad=True)
    y = x.max(0)[0]
    y.backward(retain_graph=True)
    y.backward()
    return x.grad


attempt("retain_graph", retained)
