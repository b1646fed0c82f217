"""Small programs drawn by the diagram tests, each written once and run with minitorch or torch.

Each scenario takes the library (`minitorch` or `torch`) and returns the arguments of `draw_graph`:
`roots`, `names` and options. The golden files in golden/<scenario>.gv are their DOT sources.
"""


def seed_detach(torch):
    """The seed article's first example: a detached tensor shares memory with v3, no gradient path."""
    t1 = torch.tensor([1.0, 2.0], requires_grad=True)
    t2 = torch.tensor([2.0, 3.0], requires_grad=True)
    v3 = t1 + t2
    v3_detached = v3.detach()
    v3_detached.data.add_(t1)
    return {"roots": (v3,), "names": locals(), "show_values": True}


def seed_requires_grad(torch):
    """The seed's requires_grad example: only w reaches the graph; z adds nothing."""
    x = torch.ones(1)
    y = torch.ones(1)
    z = x + y
    w = torch.ones(1, requires_grad=True)
    total = w + z
    total.backward()
    return {"roots": (total,), "names": locals(), "show_grads": True}


def seed_sigmoid(torch):
    """The seed's sigmoid example after backward: a.grad is filled and the saved result is freed."""
    a = torch.tensor([1, 2, 3.0], requires_grad=True)
    out = a.sigmoid()
    c = out.detach()
    out.sum().backward()
    return {"roots": (out,), "names": locals(), "show_grads": True}


def sigmoid_before_backward(torch):
    """The sigmoid example before backward: sigmoid saves its result, which c shares."""
    a = torch.tensor([1, 2, 3.0], requires_grad=True)
    out = a.sigmoid()
    c = out.detach()
    loss = out.sum()
    return {"roots": (loss,), "names": locals(), "show_values": True}


def inplace_stale(torch):
    """exp saves its result; an in-place add_ bumps the version, so backward would raise."""
    x = torch.tensor([0.0, 1.0], requires_grad=True)
    y = x.exp()
    loss = y.sum()
    y.add_(1)
    return {"roots": (loss,), "names": locals()}


def detach_then_modify(torch):
    """Myth M3: detach, then modify in place: the shared version counter still catches it."""
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = x.sigmoid()
    y_detached = y.detach()
    y_detached.zero_()
    return {"roots": (y,), "names": locals()}


def mul_saved(torch):
    """MulBackward0 saves both inputs; a*a saves a twice and sends it two gradients."""
    a = torch.tensor([2.0, 3.0], requires_grad=True)
    b = torch.tensor([4.0, 5.0], requires_grad=True)
    c = a * b
    d = a * a
    return {"roots": (c, d), "names": locals(), "show_values": True}


def detached_new_leaf(torch):
    """Myth M7: a detached tensor set to requires_grad is a new leaf with its own AccumulateGrad."""
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    v = a * 3
    d = v.detach().requires_grad_()
    e = d * 2
    return {"roots": (e, v), "names": locals()}


def data_cut(torch):
    """.data shares memory like detach() but has its own version counter (Myth M1): an edit through it is
    invisible to autograd. (Edited, so torch's tensors show the separate counters too.)"""
    w = torch.tensor([0.5, -1.0], requires_grad=True)
    raw = w.data
    raw.mul_(2)
    return {"roots": (w,), "names": locals(), "show_values": True}


def view_not_cut(torch):
    """A view shares storage but keeps the gradient path: a band, no cut."""
    x = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    first = x[0]
    doubled = first * 2
    return {"roots": (doubled,), "names": locals()}


def clone_kept(torch):
    """Myth M4: clone() records CloneBackward0 and gets new memory (no band)."""
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    b = a.clone()
    loss = (b * b).sum()
    return {"roots": (loss,), "names": locals(), "show_saved": False}


def unnamed_chain(torch):
    """No names: boxes say leaf / output / tensor."""
    a = torch.tensor([1.0, 2.0], requires_grad=True)
    return {"roots": ((a * 2).exp().sum(),)}


def long_chain(torch):
    """A graph far over max_nodes: cut, with a note."""
    x = torch.tensor([1.0], requires_grad=True)
    y = x
    for _ in range(300):
        y = y * 1.0
    return {"roots": (y,), "max_nodes": 12}


def hostile_names(torch):
    """Names with HTML specials and non-ASCII text must come out escaped and intact."""
    t = torch.tensor([1.0], requires_grad=True)
    u = t * 2
    return {"roots": (u,), "names": {'a<b>&"c"': t, "é张量 ✂": u}}


def _frozen_cnn(torch, depth):
    """A small CNN whose feature extractor is frozen: it records no node, yet its box stays in the picture."""
    from minitorch.viz import track_modules

    nn = torch.nn
    torch.manual_seed(0)
    features = nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU(), nn.Flatten())
    model = nn.Sequential(features, nn.Linear(2 * 2 * 2, 1))
    features.requires_grad_(False)
    track_modules(model)
    loss = model(torch.ones(1, 1, 4, 4)).sum()
    return {"roots": (loss,), "names": {"loss": loss}, "model": model, "depth": depth}


def model_frozen_depth0(torch):
    """depth=0: the whole model is one box."""
    return _frozen_cnn(torch, 0)


def model_frozen_depth1(torch):
    """depth=1: the frozen feature extractor and the trained head, side by side."""
    return _frozen_cnn(torch, 1)


def model_frozen_depth2(torch):
    """depth=2: every layer of the feature extractor is a box of its own."""
    return _frozen_cnn(torch, 2)


def model_probe_and_stale(torch):
    """A body, a head, and a probe on the body's detached features; the head's sigmoid output is then
    edited in place, so the head's box says backward will raise."""
    from minitorch.viz import track_modules

    nn = torch.nn
    torch.manual_seed(0)
    body = nn.Sequential(nn.Linear(2, 3), nn.ReLU())
    head = nn.Sequential(nn.Linear(3, 1), nn.Sigmoid())
    probe = nn.Linear(3, 1)
    model = nn.Sequential(body, head, probe)
    track_modules(model)
    features = body(torch.ones(4, 2))
    out = head(features)
    detached = features.detach()
    guess = probe(detached)
    out.mul_(2)
    return {"roots": (out, guess), "names": {"features": features, "detached": detached, "out": out, "guess": guess},
            "model": model, "depth": 1}


def model_unnamed_probe(torch):
    """The probe on detached features, nothing named: each edge between modules says which tensor crosses,
    and the detach cut runs from the probe's box to the box that made the features."""
    from minitorch.viz import track_modules

    nn = torch.nn

    class Probed(nn.Module):
        def __init__(self):
            super().__init__()
            self.body = nn.Sequential(nn.Linear(2, 3), nn.ReLU())
            self.head = nn.Linear(3, 1)
            self.probe = nn.Linear(3, 1)

        def forward(self, x):
            features = self.body(x)
            return self.head(features).sum() + self.probe(features.detach()).sum()

    torch.manual_seed(0)
    model = Probed()
    track_modules(model)
    return {"roots": (model(torch.ones(4, 2)),), "model": model, "depth": 1}


def _detach_inside(torch, depth):
    """A block that feeds its first layer's output, detached, to its second layer: at depth 1 the cut sits
    inside the block's box (a line on it), at depth 2 it runs between the two layers' boxes."""
    from minitorch.viz import track_modules

    nn = torch.nn

    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.first = nn.Linear(2, 3)
            self.second = nn.Linear(3, 3)

        def forward(self, x):
            hidden = self.first(x)
            return self.second(hidden.detach()) + hidden

    torch.manual_seed(0)
    model = nn.Sequential(Block(), nn.Linear(3, 1))
    track_modules(model)
    return {"roots": (model(torch.ones(4, 2)).sum(),), "model": model, "depth": depth}


def model_detach_inside_depth1(torch):
    """depth=1: the block's box says a detach() sits inside it."""
    return _detach_inside(torch, 1)


def model_detach_inside_depth2(torch):
    """depth=2: the block is open; the cut runs from its second layer's box to its first layer's box."""
    return _detach_inside(torch, 2)


def _body_under_no_grad(torch, named):
    """Notebook 06's body and head, the body run under no_grad and followed by a plain function (relu):
    nothing is recorded between the two modules, yet the data flows from the body's box to the head's."""
    from minitorch.viz import track_modules

    nn = torch.nn

    class BodyAndHead(nn.Module):
        def __init__(self):
            super().__init__()
            self.body, self.head = nn.Linear(2, 3), nn.Linear(3, 1)

        def forward(self, x):
            with torch.no_grad():
                self.features = torch.relu(self.body(x))
            return self.head(self.features)

    torch.manual_seed(0)
    model = BodyAndHead()
    track_modules(model)
    loss = model(torch.ones(2, 2)).sum()
    names = {"loss": loss, "features": model.features} if named else None
    return {"roots": (loss,), "names": names, "model": model, "depth": 1}


def model_no_grad_body(torch):
    """The features drawn: a dashed line from the body's box to them, as from the head's box."""
    return _body_under_no_grad(torch, named=True)


def model_no_grad_body_unnamed(torch):
    """Nothing named: a dashed line from the head's box to the body's, labelled with what crossed."""
    return _body_under_no_grad(torch, named=False)


SCENARIOS = {
    function.__name__: function
    for function in (
        seed_detach, seed_requires_grad, seed_sigmoid, sigmoid_before_backward, inplace_stale,
        detach_then_modify, mul_saved, detached_new_leaf, data_cut, view_not_cut, clone_kept,
        unnamed_chain, long_chain, hostile_names, model_frozen_depth0, model_frozen_depth1, model_frozen_depth2,
        model_probe_and_stale, model_unnamed_probe, model_detach_inside_depth1, model_detach_inside_depth2,
        model_no_grad_body, model_no_grad_body_unnamed,
    )
}


def draw_args(scenario: str, library) -> tuple[tuple, dict]:
    """(roots, keyword arguments) of `draw_graph` for `scenario` run with `library`."""
    kwargs = dict(SCENARIOS[scenario](library))
    return kwargs.pop("roots"), kwargs
