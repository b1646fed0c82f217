"""Notebook 06 (no_grad and freezing): quizzes and exercises."""

import minitorch as torch
from minitorch import nn
from minitorch.teach.exercise import Exercise, call
from minitorch.teach.lessons._checks import close, node_name, require, require_tensor, values
from minitorch.teach.quiz import Quiz

QUIZZES = {
    "06.1": Quiz(
        "`model` has a `Dropout` layer. After `model.eval()` and `evaluated = model(batch)`, what does "
        "`print(model.training, evaluated.requires_grad)` show?",
        ["`False True`", "`False False`", "`True True`", "`True False`"],
        answer="`False True`",
        explanation="`eval()` only sets `training = False` on the module and its children; layers such as "
        "dropout read that flag. Autograd never looks at it, so the weights still require grad and the output "
        "is still recorded.",
        code="""import torch
model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Dropout(0.5), torch.nn.Linear(8, 1))
model.eval()
print(model.training, model(torch.ones(3, 4)).requires_grad)""",
        prints="False True\n",
    ),
    "06.2": Quiz(
        "With `detach_features=True`, the body's weights still require grad. Which parameters get a `.grad`?",
        ["all four: they all require grad", "the head's only: the graph is cut above the body",
         "the head's and the body's bias", "none: a detached tensor stops the whole backward"],
        answer="the head's only: the graph is cut above the body",
        explanation="`features.detach()` is a new tensor with the same values and no history. The loss is "
        "computed from it, so backward from the loss never reaches the body's nodes.",
        code="""import torch
body, head = torch.nn.Linear(2, 3), torch.nn.Linear(3, 1)
head(torch.relu(body(torch.ones(2, 2))).detach()).sum().backward()
print([p.grad is not None for p in [*body.parameters(), *head.parameters()]])""",
        prints="[False, False, True, True]\n",
    ),
    "06.3": Quiz(
        "Inside `with torch.no_grad():` you write `c = b * 2` (where `b` requires grad) and "
        "`w = torch.zeros(2, requires_grad=True)`. What does `print(c.requires_grad, w.requires_grad, w.is_leaf)` "
        "show?",
        ["`False False True`", "`False True True`", "`True True False`", "`False True False`"],
        answer="`False True True`",
        explanation="`no_grad` stops operations from recording, so `c` does not require grad. Creating a leaf "
        "records nothing: you asked for a tensor that requires grad, and you get one, a leaf.",
        code="""import torch
b = torch.tensor([1.0, 2.0], requires_grad=True) * 3
with torch.no_grad():
    c = b * 2
    w = torch.zeros(2, requires_grad=True)
print(c.requires_grad, w.requires_grad, w.is_leaf)""",
        prints="False True True\n",
    ),
    "06.4": Quiz(
        "Both runs zero `w.grad[0]` from the second step on. After three steps, which one has kept `w[0]` "
        "where the first step left it?",
        ["SGD", "Adam", "Both", "Neither"],
        answer="SGD",
        explanation="SGD's update is `lr * grad`, zero for `w[0]`. Adam's update uses running averages of past "
        "gradients, which still remember the first step.",
        code="""import torch
for make in (torch.optim.SGD, torch.optim.Adam):
    w = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    optimizer = make([w], lr=0.1)
    for step in range(3):
        optimizer.zero_grad()
        (w * w).sum().backward()
        if step > 0:
            w.grad[0] = 0
        optimizer.step()
        if step == 0:
            first = w[0].item()
    print(make.__name__, w[0].item() == first)""",
        prints="SGD True\nAdam False\n",
    ),
}


def fresh_model():
    """A small seeded model with dropout, in training mode."""
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Dropout(0.5), nn.Linear(8, 1))


def check_evaluation(evaluate) -> None:
    """evaluate(model, batch): dropout off and nothing recorded; the output is the model without dropout."""
    model, batch = fresh_model(), torch.tensor([[1.0, 2.0, -1.0, 0.5], [0.0, 1.0, 1.0, -2.0]])
    output = call(evaluate, model, batch)
    require_tensor(output, "evaluate")
    first, last = model[0], model[3]
    with torch.no_grad():  # the model without dropout, computed layer by layer
        expected = values(last.weight.matmul(first(batch).relu().t()).t() + last.bias)
    require(not model[2].training, "dropout is still in training mode: `model.training = False` sets only "
            "the top module's flag; `model.eval()` sets every submodule's.")
    require(close([v for row in values(output) for v in row], [v for row in expected for v in row], 1e-4),
            "the output is not the model's output without dropout.")
    require(not output.requires_grad, "the output was recorded (it requires grad): compute it inside "
            "`torch.no_grad()` as well. `eval()` does not switch autograd off.")


def network():
    """Sequential(Linear(2, 3), ReLU(), Linear(3, 1)), seeded."""
    torch.manual_seed(0)
    return nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))


def held(optimizer) -> list:
    """The parameters an optimizer holds, in order."""
    return [p for group in optimizer.param_groups for p in group["params"]]


def check_finetune(make_finetune) -> None:
    """make_finetune(network): SGD, momentum 0.9 everywhere, body lr 0.01, head lr 0.1."""
    net = network()
    opt = call(make_finetune, net)
    require(isinstance(opt, torch.optim.SGD), f"return a torch.optim.SGD, not {type(opt).__name__}.")
    body, head = list(net[0].parameters()), list(net[2].parameters())
    groups = [([id(p) for p in g["params"]], g["lr"], g["momentum"]) for g in opt.param_groups]
    require(len(groups) == 2, f"the optimizer has {len(groups)} parameter group(s): make one for the body and "
            "one for the head.")
    lrs = {tuple(ids): lr for ids, lr, _ in groups}
    require(lrs.get(tuple(map(id, body))) == 0.01 and lrs.get(tuple(map(id, head))) == 0.1,
            f"the learning rates are {[lr for _, lr, _ in groups]} for (body, head)?: expected 0.01 for "
            "`network[0]` and 0.1 for `network[2]`.")
    require(all(m == 0.9 for _, _, m in groups), f"momentum is {[m for _, _, m in groups]}: 0.9 in every group.")


def check_safe(freeze_and_optimize) -> None:
    """freeze_and_optimize(network): body frozen, SGD(lr 0.1, momentum 0.9, wd 0.01) that cannot move it."""
    net = network()
    opt = call(freeze_and_optimize, net)
    require(isinstance(opt, torch.optim.SGD), f"return a torch.optim.SGD, not {type(opt).__name__}.")
    body = list(net[0].parameters())
    require(not any(p.requires_grad for p in body), "freeze the body first: `network[0].requires_grad_(False)`.")
    settings = [(g["lr"], g["momentum"], g["weight_decay"]) for g in opt.param_groups]
    require(set(settings) == {(0.1, 0.9, 0.01)}, f"(lr, momentum, weight_decay) is {settings}, "
            "expected (0.1, 0.9, 0.01).")
    before = [p.detach().clone() for p in body]
    for parameter in body:
        parameter.grad = torch.ones_like(parameter)  # even a stray gradient must not move them
    opt.step()
    require(all(torch.equal(p, b) for p, b in zip(body, before)), "a step moved the frozen body: the optimizer "
            "still holds it, and weight decay and momentum move it (Myths M18, M19). Give it only the head.")
    require(len(held(opt)) == 2, "the optimizer should hold the head's weight and bias.")


def check_step(sgd_step) -> None:
    """sgd_step(v, lr): v <- v - lr * v.grad, in place, keeping v a leaf; the write is versioned."""
    start, lr = [1.0, 2.0], 0.25
    v = torch.tensor(start, requires_grad=True)
    (v * v).sum().backward()
    result = call(sgd_step, v, lr)
    require(result is v, "return `v` itself, updated in place (`v = v - ...` makes a new tensor).")
    require(v.is_leaf and v.requires_grad, f"`v` must stay a leaf that requires grad (`grad_fn={node_name(v)}`).")
    expected = [s - lr * 2 * s for s in start]
    require(values(v) == expected, f"`v` is {values(v)}, expected v - lr * v.grad = {expected}.")
    require(v._version > 0, "`v._version` is still 0: the update went through `.data`, hidden from autograd "
            "(Myth M22). Update `v` itself inside `torch.no_grad()`.")


def check_head_only(train_head_only) -> None:
    """train_head_only(model, inputs, targets, steps) trains model[2] only, by any method; the body never moves."""
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(3, 8), nn.Tanh(), nn.Linear(8, 1))
    inputs, targets = torch.randn(16, 3), torch.randn(16, 1)
    body = [p.detach().clone() for p in model[0].parameters()]
    head = [p.detach().clone() for p in model[2].parameters()]
    with torch.no_grad():
        before = ((model(inputs) - targets) ** 2).mean().item()
    call(train_head_only, model, inputs, targets, 50)
    require(all(torch.equal(p, b) for p, b in zip(model[0].parameters(), body)), "the body `model[0]` moved: "
            "something still updates it (a gradient, momentum, weight decay).")
    require(not all(torch.equal(p, h) for p, h in zip(model[2].parameters(), head)), "the head did not move.")
    with torch.no_grad():
        after = ((model(inputs) - targets) ** 2).mean().item()
    require(after < before, f"the mean squared error went from {before:.4f} to {after:.4f}: it should go down.")


EXERCISES = (
    Exercise(
        "06.1", "1. Evaluate as evaluation should run: dropout off, no graph", "evaluate", check_evaluation,
        hints=("Two switches: one for dropout, one for autograd.",
               "`model.eval()`, then `with torch.no_grad(): return model(batch)`."),
    ),
    Exercise(
        "06.2", "2. Two learning rates: body 0.01, head 0.1", "make_finetune", check_finetune,
        hints=("Pass a list of two dicts, `{'params': ..., 'lr': ...}`.",
               "Options given after the list (`momentum=0.9`) apply to every group."),
    ),
    Exercise(
        "06.3", "3. Freeze the body so no optimizer can move it", "freeze_and_optimize", check_safe,
        hints=("`requires_grad_(False)` on the body alone does not stop weight decay or momentum.",
               "Then give the optimizer only the parameters that still require grad."),
    ),
    Exercise(
        "06.4", "4. One SGD step by hand", "sgd_step", check_step,
        hints=("An in-place update (`-=`) of a leaf that requires grad must not be recorded.",
               "`with torch.no_grad(): v -= lr * v.grad`, then `return v`."),
        points=2,
    ),
    Exercise(
        "06.5", "5. (open) Train the head only, any way you like", "train_head_only", check_head_only,
        hints=("Any of the section 4 ways works: freeze the body, run it under `no_grad`, or detach its output; "
               "then make sure the optimizer cannot move it either.", "For example: `features = model[1](model[0]"
               "(inputs)).detach()`, an `SGD(model[2].parameters(), lr=0.1)`, and the four-line loop on "
               "`model[2](features)`."),
        points=2,
    ),
)
