"""Answers a learner might write to each exercise: other right ways, and wrong ones with the mistake named.

WRONG maps an exercise id to (answer source, a piece of the feedback that must name the mistake); the
first wrong answer of each exercise is the misconception the exercise targets.
"""

RIGHT = {
    "01.1": ["def make_h():\n    return torch.tensor([0., 10., 20.], requires_grad=True)",
             "def make_h():\n    return (torch.arange(3.0) * 10).detach().requires_grad_()"],
    "01.2": ["def intermediate_grad(u):\n    e = u * u\n    e.retain_grad()\n    loss = e.sum() * 3\n"
             "    loss.backward()\n    return e"],
    "01.3": ["def record_gradients(g, steps):\n    out = []\n    for _ in range(steps):\n"
             "        (g * g).sum().backward()\n        out.append(g.grad.tolist())\n        g.grad.zero_()\n"
             "        with torch.no_grad():\n            g.add_(1)\n    return out"],
    "02.1": ["def snapshot_of(params):\n    return params.clone().detach()",
             "def snapshot_of(params):\n    return torch.tensor(params.tolist())"],
    "02.2": ["def distill_loss(student, teacher):\n    target = teacher.detach()\n"
             "    return ((student - target) ** 2).sum()"],
    "02.3": ["def capped_copy(out):\n    capped = out.detach().clone()\n    capped.clamp_(max=0.8)\n    return capped",
             "def capped_copy(out):\n    return torch.clamp(out.detach(), max=0.8)"],
    "03.1": ["def snapshot(w):\n    return w.clone().detach()",
             "def snapshot(w):\n    copy = torch.empty(3)\n    copy.copy_(w.detach())\n    return copy"],
    "03.2": ["def load_into(weight, values):\n    with torch.no_grad():\n        weight[:] = values\n    return weight",
             "def load_into(weight, values):\n    weight.detach().copy_(values)\n    return weight"],
    "03.3": ["def bias_batch(bias, rows):\n    return torch.zeros(rows, len(bias)) + bias",
             "def bias_batch(bias, rows):\n    return torch.stack([bias] * rows)"],
    "04.1": ["def make_down():\n    return nn.Conv2d(in_channels=3, out_channels=16, kernel_size=(3, 3), "
             "stride=(2, 2), padding=(1, 1), bias=False)"],
    "04.2": ["class Affine(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
             "        self.scale = nn.Parameter(torch.ones(3))\n        self.shift = nn.Parameter(torch.zeros(3))\n"
             "    def forward(self, x):\n        return torch.add(self.shift, x * self.scale)"],
    "04.3": ["def prune_filter(layer, index):\n    with torch.no_grad():\n        layer.weight[index].zero_()\n"
             "    return layer",
             "def prune_filter(layer, index):\n    with torch.no_grad():\n        layer.weight[index] *= 0\n"
             "    return layer"],
    "05.1": ["def sigmoid_grad(probs):\n    with torch.no_grad():\n        return probs * (1 - probs)",
             "def sigmoid_grad(probs):\n    p = probs.detach()\n    return p - p * p"],
    "05.2": ["def doubled_tanh(x):\n    return 2 * torch.tanh(x)", "def doubled_tanh(x):\n    return x.tanh().mul(2)"],
    "05.3": ["def shown_for_display(scores_out):\n    shown = scores_out.detach().clone()\n    shown.clamp_(0.1, 0.9)\n"
             "    return shown",
             "def shown_for_display(scores_out):\n    return torch.clamp(scores_out, 0.1, 0.9).detach()"],
    "06.1": ["def evaluate(model, batch):\n    model.eval()\n    with torch.no_grad():\n        out = model(batch)\n"
             "    return out",
             "def evaluate(model, batch):\n    model.train(False)\n    return model(batch).detach()"],
    "06.2": ["def make_finetune(network):\n    return torch.optim.SGD([\n"
             "        {'params': network[0].parameters(), 'lr': 0.01, 'momentum': 0.9},\n"
             "        {'params': network[2].parameters(), 'lr': 0.1, 'momentum': 0.9}], lr=0.5)"],
    "06.3": ["def freeze_and_optimize(network):\n    for p in network[0].parameters():\n        p.requires_grad_(False)\n"
             "    return torch.optim.SGD(network[2].parameters(), lr=0.1, momentum=0.9, weight_decay=0.01)"],
    "06.4": ["def sgd_step(v, lr):\n    with torch.no_grad():\n        v.sub_(lr * v.grad)\n    return v",
             "def sgd_step(v, lr):\n    with torch.no_grad():\n        v.add_(v.grad, alpha=-lr)\n    return v"],
    "07.1": ["def train_epoch(model, optimizer, points, targets):\n    loss = loss_fn(model(points), targets)\n"
             "    loss.backward()\n    optimizer.step()\n    optimizer.zero_grad()\n    return loss.item()",
             "def train_epoch(model, optimizer, points, targets):\n    optimizer.zero_grad()\n"
             "    loss = loss_fn(model(points), targets)\n    loss.backward()\n    optimizer.step()\n"
             "    return float(loss)"],
    "07.2": ["def freeze_first_layer(student):\n    student[0].requires_grad_(False)\n"
             "    return torch.optim.Adam(student[2].parameters(), lr=0.01)"],
    "07.3": ["def probe_loss(net, probe, points, distance):\n    features = net(points).detach()\n"
             "    return ((probe(features) - distance) ** 2).mean()"],
}

WRONG = {
    "01.1": [("def make_h():\n    return torch.arange(3.0, requires_grad=True) * 10", "is not a leaf"),
             ("def make_h():\n    return torch.arange(3.0) * 10", "does not require grad"),
             ("def make_h():\n    return torch.arange(3.0).requires_grad_()", "not [0., 10., 20.]"),
             ("def make_h():\n    return torch.tensor([0, 10, 20], requires_grad=True)", "raised RuntimeError")],
    "01.2": [("def intermediate_grad(u):\n    e = u * u\n    (e.sum() * 3).backward()\n    return e", "retain_grad()"),
             ("def intermediate_grad(u):\n    e = u * u\n    (e.sum() * 3).backward()\n    e.retain_grad()\n"
              "    return e", "retain_grad()"),
             ("def intermediate_grad(u):\n    e = u * u\n    e.retain_grad()\n    (e.sum() * 3).backward("
              "retain_graph=True)\n    (e.sum() * 3).backward()\n    return e", "Gradients add up"),
             ("def intermediate_grad(u):\n    e = u * u\n    e.retain_grad()\n    return e", "`u.grad` is None")],
    "01.3": [("def record_gradients(g, steps):\n    recorded = []\n    for _ in range(steps):\n"
              "        (g * g).sum().backward()\n        recorded.append(g.grad.tolist())\n"
              "        with torch.no_grad():\n            g += 1\n    return recorded", "adds up"),
             ("def record_gradients(g, steps):\n    return [[2.0, 4.0], [4.0, 6.0], [6.0, 8.0]]", "a list of 4 gradients"),
             ("def record_gradients(g, steps):\n    recorded = []\n    for _ in range(steps):\n"
              "        g.grad.zero_()\n        (g * g).sum().backward()\n        recorded.append(g.grad.tolist())\n"
              "        with torch.no_grad():\n            g += 1\n    return recorded", "raised AttributeError"),
             ("def record_gradients(g, steps):\n    recorded = []\n    for _ in range(steps):\n"
              "        g.grad = None\n        (g * g).sum().backward()\n        recorded.append(g.grad.tolist())\n"
              "    return recorded", "with g starting at")],
    "02.1": [("def snapshot_of(params):\n    return params.detach()", "shares memory"),
             ("def snapshot_of(params):\n    return params.clone()", "still requires grad"),
             ("def snapshot_of(params):\n    return params.data", "shares memory"),
             ("def snapshot_of(params):\n    return params", "`params` itself")],
    "02.2": [("def distill_loss(student, teacher):\n    return ((student - teacher) ** 2).sum()", "flows into the teacher"),
             ("def distill_loss(student, teacher):\n    teacher.requires_grad_(False)\n"
              "    return ((student - teacher) ** 2).sum()", "switched the teacher"),
             ("def distill_loss(student, teacher):\n    return ((student.detach() - teacher.detach()) ** 2).sum()",
              "no graph back to the student"),
             ("def distill_loss(student, teacher):\n    return ((student - teacher.detach()) ** 2).mean()",
              "expected sum")],
    "02.3": [("def capped_copy(out):\n    capped = out.data\n    capped.clamp_(max=0.8)\n    return capped",
              "behind autograd's back"),
             ("def capped_copy(out):\n    capped = out.detach()\n    capped.clamp_(max=0.8)\n    return capped",
              "modified by an inplace operation"),
             ("def capped_copy(out):\n    return out.clamp(max=0.8)", "should not require grad"),
             ("def capped_copy(out):\n    return out.detach().clamp(min=0.8)", "expected")],
    "03.1": [("def snapshot(w):\n    return w.clone()", "CloneBackward0"),
             ("def snapshot(w):\n    return w.detach()", "shares memory"),
             ("def snapshot(w):\n    return w", "`w` itself"),
             ("def snapshot(w):\n    return w.data", "shares memory")],
    "03.2": [("def load_into(weight, values):\n    weight.data.copy_(values)\n    return weight", "`.data`"),
             ("def load_into(weight, values):\n    weight.copy_(values)\n    return weight", "a leaf Variable"),
             ("def load_into(weight, values):\n    weight = values.clone().requires_grad_()\n    return weight",
              "return `weight` itself"),
             ("def load_into(weight, values):\n    with torch.no_grad():\n        weight.copy_(values.t().reshape(2, 3))\n"
              "    return weight", "not the loaded values")],
    "03.3": [("def bias_batch(bias, rows):\n    return bias.expand(rows, len(bias))", "`expand()` allocates nothing"),
             ("def bias_batch(bias, rows):\n    batch = torch.zeros(rows, len(bias))\n    batch.copy_(bias.detach())\n"
              "    return batch", "not connected"),
             ("def bias_batch(bias, rows):\n    return bias.unsqueeze(0)", "has shape"),
             ("def bias_batch(bias, rows):\n    batch = torch.zeros(4, 2)\n    batch.copy_(bias)\n    return batch",
              "raised RuntimeError")],
    "04.1": [("def make_down():\n    return nn.Conv2d(3, 16, kernel_size=3, stride=2)", "stride and padding"),
             ("def make_down():\n    return nn.Conv2d(3, 16, kernel_size=3, padding=1)", "stride and padding"),
             ("def make_down():\n    return nn.Conv2d(3, 16, kernel_size=2, stride=2)", "expected 3 × 3"),
             ("def make_down():\n    return nn.Conv2d(1, 16, kernel_size=3, stride=2, padding=1)", "has 3")],
    "04.2": [("class Affine(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
              "        self.scale = torch.ones(3, requires_grad=True)\n        self.shift = torch.zeros(3, requires_grad=True)\n"
              "    def forward(self, x):\n        return x * self.scale + self.shift", "not registered"),
             ("class Affine(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
              "        self.scale = nn.Parameter(torch.ones(3))\n        self.shift = nn.Parameter(torch.zeros(3))\n"
              "    def forward(self, x):\n        return x * self.scale", "expected x * scale + shift"),
             ("class Affine(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
              "        self.scale = nn.Parameter(torch.ones(3))\n        self.shift = nn.Parameter(torch.zeros(3))\n"
              "    def forward(self, x):\n        return (x + self.shift) * self.scale", "expected x * scale + shift"),
             ("class Affine(nn.Module):\n    def __init__(self):\n        super().__init__()\n"
              "        self.scale = nn.Parameter(torch.ones(3))\n        self.shift = nn.Parameter(torch.zeros(3))\n"
              "    def forward(self, x):\n        return x * self.scale.detach() + self.shift.detach()",
              "does not require grad")],
    "04.3": [("def prune_filter(layer, index):\n    layer.weight.data[index] = 0\n    return layer", "`.data`"),
             ("def prune_filter(layer, index):\n    layer.weight[index] = 0\n    return layer", "raised RuntimeError"),
             ("def prune_filter(layer, index):\n    w = layer.weight.detach().clone()\n    w[index] = 0\n"
              "    layer.weight = nn.Parameter(w)\n    return layer", "new Parameter"),
             ("def prune_filter(layer, index):\n    with torch.no_grad():\n        layer.weight.zero_()\n    return layer",
              "only filter 1")],
    "05.1": [("def sigmoid_grad(probs):\n    return probs * (1 - probs)", "still requires grad"),
             ("def sigmoid_grad(probs):\n    p = probs.detach().sigmoid()\n    return p * (1 - p)", "sigmoid again"),
             ("def sigmoid_grad(probs):\n    probs.sum().backward()\n    return probs.detach() * (1 - probs.detach())",
              "you called backward"),
             ("def sigmoid_grad(probs):\n    p = probs.detach()\n    return p * (1 + p)", "expected")],
    "05.2": [("def doubled_tanh(x):\n    y = x.tanh()\n    y.mul_(2)\n    return y", "modified by an inplace operation"),
             ("def doubled_tanh(x):\n    y = x.tanh()\n    y.data.mul_(2)\n    return y", "behind autograd's back"),
             ("def doubled_tanh(x):\n    return 2 * x.tanh().detach()", "no graph back"),
             ("def doubled_tanh(x):\n    return x.tanh()", "not 2 * tanh(x)")],
    "05.3": [("def shown_for_display(scores_out):\n    shown = scores_out.detach()\n    shown.clamp_(0.1, 0.9)\n"
              "    return shown", "modified by an inplace operation"),
             ("def shown_for_display(scores_out):\n    shown = scores_out.data\n    shown.clamp_(0.1, 0.9)\n"
              "    return shown", "behind autograd's back"),
             ("def shown_for_display(scores_out):\n    return scores_out.clamp(0.1, 0.9)", "should not require grad"),
             ("def shown_for_display(scores_out):\n    return scores_out.detach().clamp(0.0, 0.9)", "expected")],
    "06.1": [("def evaluate(model, batch):\n    model.training = False\n    with torch.no_grad():\n"
              "        return model(batch)", "sets only"),
             ("def evaluate(model, batch):\n    with torch.no_grad():\n        return model(batch)", "dropout is still"),
             ("def evaluate(model, batch):\n    model.eval()\n    return model(batch)", "was recorded"),
             ("def evaluate(model, batch):\n    model.eval()\n    with torch.no_grad():\n        return model[0](batch)",
              "without dropout")],
    "06.2": [("def make_finetune(network):\n    return torch.optim.SGD(network.parameters(), lr=0.1, momentum=0.9)",
              "1 parameter group"),
             ("def make_finetune(network):\n    return torch.optim.SGD([\n"
              "        {'params': network[0].parameters(), 'lr': 0.1},\n"
              "        {'params': network[2].parameters(), 'lr': 0.01}], momentum=0.9)", "learning rates"),
             ("def make_finetune(network):\n    return torch.optim.SGD([\n"
              "        {'params': network[0].parameters(), 'lr': 0.01, 'momentum': 0.9},\n"
              "        {'params': network[2].parameters(), 'lr': 0.1}], lr=0.1)", "momentum is"),
             ("def make_finetune(network):\n    return torch.optim.Adam(network.parameters(), lr=0.01)",
              "not Adam")],
    "06.3": [("def freeze_and_optimize(network):\n    network[0].requires_grad_(False)\n"
              "    return torch.optim.SGD(network.parameters(), lr=0.1, momentum=0.9, weight_decay=0.01)",
              "moved the frozen body"),
             ("def freeze_and_optimize(network):\n"
              "    return torch.optim.SGD(network[2].parameters(), lr=0.1, momentum=0.9, weight_decay=0.01)",
              "freeze the body first"),
             ("def freeze_and_optimize(network):\n    network[0].requires_grad_(False)\n"
              "    return torch.optim.SGD(network[2].parameters(), lr=0.1, momentum=0.9)", "weight_decay"),
             ("def freeze_and_optimize(network):\n    network[0].requires_grad_(False)\n"
              "    return torch.optim.Adam(network[2].parameters(), lr=0.1)", "not Adam")],
    "06.4": [("def sgd_step(v, lr):\n    v.data -= lr * v.grad\n    return v", "`.data`"),
             ("def sgd_step(v, lr):\n    v = v - lr * v.grad\n    return v", "return `v` itself"),
             ("def sgd_step(v, lr):\n    v -= lr * v.grad\n    return v", "raised RuntimeError"),
             ("def sgd_step(v, lr):\n    with torch.no_grad():\n        v -= lr * v\n    return v", "expected")],
    "07.1": [("def train_epoch(model, optimizer, points, targets):\n    loss = loss_fn(model(points), targets)\n"
              "    loss.backward()\n    optimizer.step()\n    return loss.item()", "add up"),
             ("def train_epoch(model, optimizer, points, targets):\n    loss = loss_fn(model(points), targets)\n"
              "    optimizer.zero_grad()\n    loss.backward()\n    return loss.item()", "never moved"),
             ("def train_epoch(model, optimizer, points, targets):\n    loss = loss_fn(model(points), targets)\n"
              "    optimizer.zero_grad()\n    loss.backward()\n    optimizer.step()\n    return loss", "Python float"),
             ("def train_epoch(model, optimizer, points, targets):\n    loss = loss_fn(model(points), 1 - targets)\n"
              "    optimizer.zero_grad()\n    loss.backward()\n    optimizer.step()\n    return loss.item()",
              "the first loss")],
    "07.2": [("def freeze_first_layer(student):\n    student[0].requires_grad_(False)\n"
              "    return torch.optim.Adam(student.parameters(), lr=0.01)", "holds `student[0]`"),
             ("def freeze_first_layer(student):\n    return torch.optim.Adam(student[2].parameters(), lr=0.01)",
              "still requires grad"),
             ("def freeze_first_layer(student):\n    student[0].requires_grad_(False)\n"
              "    return torch.optim.SGD(student[2].parameters(), lr=0.01)", "not SGD"),
             ("def freeze_first_layer(student):\n    student[0].requires_grad_(False)\n"
              "    return torch.optim.Adam(student[2].parameters(), lr=0.1)", "lr 0.01")],
    "07.3": [("def probe_loss(net, probe, points, distance):\n    return mse(probe(net(points)), distance)",
              "backward reached `net`"),
             ("def probe_loss(net, probe, points, distance):\n    net.requires_grad_(False)\n"
              "    return mse(probe(net(points)), distance)", "switched `net`"),
             ("def probe_loss(net, probe, points, distance):\n    return mse(probe(net(points)).detach(), distance)",
              "has no graph"),
             ("def probe_loss(net, probe, points, distance):\n    return mse(probe(points @ torch.ones(2, 8)), distance)",
              "expected the MSE")],
}

# The open exercises (the last of each notebook): any right design passes.
RIGHT.update({
    "01.4": ["def explain(x):\n    value = (x.exp() * x).sum()\n    return value, (x.detach() + 1) * x.detach().exp()",
             "def explain(x):\n    value = (x * x).sum() + x.sum()\n    with torch.no_grad():\n        grad = 2 * x + 1\n    return value, grad"],
    "02.4": ["def scaled_gradient(x, factor):\n    return x * factor + (x * (1 - factor)).detach()",
             "def scaled_gradient(x, factor):\n    return (x - x.detach()) * factor + x.detach()"],
    "03.4": ["def ema_update(average, weights, decay):\n    average.copy_(decay * average + (1 - decay) * weights.detach())\n    return average",
             "def ema_update(average, weights, decay):\n    with torch.no_grad():\n        average *= decay\n        average += (1 - decay) * weights\n    return average"],
    "04.4": ["class TinyCNN(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.body = nn.Sequential(nn.Conv2d(1, 8, 3, stride=2, padding=1), nn.ReLU(), nn.Flatten())\n        self.head = nn.Linear(8 * 4 * 4, 10)\n    def forward(self, x):\n        return self.head(self.body(x))",
             "class TinyCNN(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.conv = nn.Conv2d(1, 10, 8)\n        self.scale = nn.Parameter(torch.ones(10))\n    def forward(self, x):\n        return self.conv(x).flatten(1) * self.scale"],
    "05.4": ["def which_saved(op):\n    for part in ('input', 'output'):\n        a = torch.tensor([0.5, 1.5], requires_grad=True) * 1\n        y = op(a)\n        edited = a if part == 'input' else y\n        edited.mul_(1)\n        try:\n            y.sum().backward()\n        except RuntimeError:\n            return part\n    return 'nothing'"],
    "06.5": ["def train_head_only(model, inputs, targets, steps):\n    model[0].requires_grad_(False)\n    optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=0.01)\n    for _ in range(steps):\n        optimizer.zero_grad()\n        ((model(inputs) - targets) ** 2).mean().backward()\n        optimizer.step()",
             "def train_head_only(model, inputs, targets, steps):\n    for _ in range(steps):\n        model.zero_grad()\n        with torch.no_grad():\n            features = model[1](model[0](inputs))\n        ((model[2](features) - targets) ** 2).mean().backward()\n        with torch.no_grad():\n            for p in model[2].parameters():\n                p -= 0.1 * p.grad"],
    "07.4": ["def fit(points, labels):\n    model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 1))\n    optimizer = torch.optim.Adam(model.parameters(), lr=0.03)\n    for _ in range(400):\n        optimizer.zero_grad()\n        loss_fn(model(points), labels).backward()\n        optimizer.step()\n    return model"],
})

WRONG.update({
    "01.4": [("def explain(x):\n    return (x * 3).sum(), torch.full((len(x),), 3.0)", "the same at every point"),
             ("def explain(x):\n    value = (x ** 3).sum()\n    value.backward()\n    return value, x.grad.clone()", "you called backward"),
             ("def explain(x):\n    return (x ** 3).sum(), 3 * x.detach()", "your formula"),
             ("def explain(x):\n    return (x ** 3).sum(), 3 * x ** 2", "was recorded")],
    "02.4": [("def scaled_gradient(x, factor):\n    return x * factor", "forward values"),
             ("def scaled_gradient(x, factor):\n    return x.detach() * 1", "no graph back"),
             ("def scaled_gradient(x, factor):\n    return x.clone()", "times the factor"),
             ("def scaled_gradient(x, factor):\n    return (x * factor).detach() + x - x.detach()", "forward values")],
    "03.4": [("def ema_update(average, weights, decay):\n    average.mul_(decay).add_((1 - decay) * weights)\n    return average", "graph"),
             ("def ema_update(average, weights, decay):\n    average = decay * average + (1 - decay) * weights.detach()\n    return average", "itself"),
             ("def ema_update(average, weights, decay):\n    with torch.no_grad():\n        average.mul_(1 - decay).add_(decay * weights)\n    return average", "expected"),
             ("def ema_update(average, weights, decay):\n    with torch.no_grad():\n        average.copy_(weights)\n    return average", "expected")],
    "04.4": [("class TinyCNN(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.conv = nn.Conv2d(1, 4, 3, padding=1)\n        self.w = torch.randn(256, 10, requires_grad=True)\n    def forward(self, x):\n        return self.conv(x).flatten(1) @ self.w", "not registered"),
             ("class TinyCNN(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.head = nn.Linear(64, 10)\n    def forward(self, x):\n        return self.head(x.flatten(1))", "nn.Conv2d"),
             ("class TinyCNN(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.conv = nn.Conv2d(1, 10, 3)\n    def forward(self, x):\n        return self.conv(x).flatten(1)", "expected (2, 10)"),
             ("class TinyCNN(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.conv = nn.Conv2d(1, 10, 8)\n        self.spare = nn.Linear(10, 10)\n    def forward(self, x):\n        return self.conv(x).flatten(1)", "got no gradient")],
    "05.4": [("def which_saved(op):\n    return 'output'", "truth is 'input'"),
             ("def which_saved(op):\n    a = torch.tensor([0.5, 1.5], requires_grad=True) * 1\n    y = op(a)\n    y.add_(0)\n    try:\n        y.sum().backward()\n    except RuntimeError:\n        return 'output'\n    return 'nothing'", "for `torch.log`"),
             ("def which_saved(op):\n    return {'sigmoid': 'output', 'exp': 'output', 'sqrt': 'output', 'log': 'input', 'abs': 'input'}.get(op.__name__, 'nothing')", "lambda t: t.log() * 3"),
             ("def which_saved(op):\n    return 'the input'", "return 'input', 'output' or 'nothing'")],
    "06.5": [("def train_head_only(model, inputs, targets, steps):\n    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n    for _ in range(steps):\n        optimizer.zero_grad()\n        ((model(inputs) - targets) ** 2).mean().backward()\n        optimizer.step()", "the body `model[0]` moved"),
             ("def train_head_only(model, inputs, targets, steps):\n    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, weight_decay=0.1)\n    for _ in range(steps):\n        optimizer.zero_grad()\n        ((model(inputs) - targets) ** 2).mean().backward()\n        for p in model[0].parameters():\n            p.grad.zero_()\n        optimizer.step()", "the body `model[0]` moved"),
             ("def train_head_only(model, inputs, targets, steps):\n    model[0].requires_grad_(False)\n    ((model(inputs) - targets) ** 2).mean().backward()", "the head did not move"),
             ("def train_head_only(model, inputs, targets, steps):\n    with torch.no_grad():\n        model[2].bias += 100.0", "should go down")],
    "07.4": [("def fit(points, labels):\n    model = nn.Linear(2, 1)\n    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)\n    for _ in range(300):\n        optimizer.zero_grad()\n        loss_fn(model(points), labels).backward()\n        optimizer.step()\n    return model", "straight"),
             ("def fit(points, labels):\n    return nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 1))", "aim for 95%"),
             ("def fit(points, labels):\n    model = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 1))\n    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)\n    with torch.no_grad():\n        for _ in range(300):\n            optimizer.zero_grad()\n            loss_fn(model(points), labels).backward()\n            optimizer.step()\n    return model", "raised RuntimeError"),
             ("def fit(points, labels):\n    model = nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 1))\n    optimizer = torch.optim.Adam(model.parameters(), lr=0.05)\n    for _ in range(300):\n        optimizer.zero_grad()\n        loss_fn(model(points), labels).backward()\n        optimizer.step()\n    return optimizer", "return the trained model")],
})
