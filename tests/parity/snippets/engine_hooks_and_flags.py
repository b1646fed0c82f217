import torch


def attempt(label, fn):
    try:
        print(label, fn())
    except (RuntimeError, TypeError) as e:
        print(label, type(e).__name__, e)


def hook_on(leaf, hook):
    x = torch.ones(3, requires_grad=True)
    y = x * 2
    (x if leaf else y).register_hook(hook)
    (y * 1).sum().backward()
    return x.grad


def shorter(g):
    return g[:2]


def double(g):
    return g.double()


attempt("leaf shape", lambda: hook_on(True, shorter))
attempt("leaf dtype", lambda: hook_on(True, double))
attempt("non-leaf shape", lambda: hook_on(False, shorter))
attempt("non-leaf dtype", lambda: hook_on(False, double))
attempt("returns a float", lambda: hook_on(False, lambda g: 3.0))
attempt("returns None", lambda: hook_on(False, lambda g: None))


def set_requires_grad(value, in_place):
    y = torch.ones(3, requires_grad=True) * 2
    if in_place:
        y.requires_grad_(value)
    else:
        y.requires_grad = value
    return y


attempt("y.requires_grad = True", lambda: set_requires_grad(True, False))
attempt("y.requires_grad = False", lambda: set_requires_grad(False, False))
attempt("y.requires_grad_(True)", lambda: set_requires_grad(True, True))
attempt("y.requires_grad_(False)", lambda: set_requires_grad(False, True))


def assign_grad(make):
    x = torch.ones(3, requires_grad=True)
    x.grad = make(x)
    return x.grad


attempt("grad = wrong shape", lambda: assign_grad(lambda x: torch.ones(2)))
attempt("grad = wrong dtype", lambda: assign_grad(lambda x: torch.ones(3, dtype=torch.float64)))
attempt("grad = int64", lambda: assign_grad(lambda x: torch.ones(3, dtype=torch.int64)))
attempt("grad = both wrong", lambda: assign_grad(lambda x: torch.ones(2, dtype=torch.float64)))
attempt("grad = itself", lambda: assign_grad(lambda x: x))
attempt("grad = float", lambda: assign_grad(lambda x: 1.0))
attempt("grad = None", lambda: assign_grad(lambda x: None))
attempt("grad = ok", lambda: assign_grad(lambda x: torch.full((3,), 2.0)))


def assign_data(requires_grad, value):
    x = torch.ones(3, requires_grad=requires_grad)
    x.data = value
    return x, x.dtype


attempt("data = bool (requires grad)", lambda: assign_data(True, torch.tensor([True, False, True])))
attempt("data = bool", lambda: assign_data(False, torch.tensor([True, False, True])))
attempt("data = int64 (requires grad)", lambda: assign_data(True, torch.tensor([1, 2, 3])))
attempt("data = float", lambda: assign_data(True, 3.0))
attempt("data = float64 longer", lambda: assign_data(True, torch.ones(5, dtype=torch.float64)))


def retain_then_inplace(power):
    x = torch.ones(3, requires_grad=True)
    y = x * 2
    y.retain_grad()
    y.mul_(3)
    (y ** power).sum().backward()
    return y.grad, x.grad


attempt("retain_grad then mul_", lambda: retain_then_inplace(1))
attempt("retain_grad then mul_, squared", lambda: retain_then_inplace(2))


def detached_after_saving(saved):
    x = torch.ones(3, requires_grad=True)
    a = x * 2
    b = a * a if saved else a.exp()
    a.detach_()
    b.sum().backward()
    return x.grad


attempt("detach_ after saving", lambda: detached_after_saving(True))
attempt("detach_ not saved", lambda: detached_after_saving(False))
