"""Notebook 07 (capstone): quizzes and exercises."""

import numpy as np

import minitorch as torch
from minitorch import nn
from minitorch.teach.exercise import Exercise, call
from minitorch.teach.lessons._checks import close, require, require_tensor
from minitorch.teach.quiz import Quiz

QUIZZES = {
    "07.1": Quiz(
        "Suppose the loop forgot `optimizer.zero_grad()`. What would `loss.backward()` do to the parameters' "
        "`.grad` on the second step?",
        ["Replace them with this step's gradients", "Add this step's gradients to the earlier ones",
         "Raise an error on the second step", "Nothing: `.grad` is only written once"],
        answer="Add this step's gradients to the earlier ones",
        explanation="`backward()` always accumulates into `.grad`. Without clearing, every step would use "
        "the sum of all gradients so far: training would still run, just wrongly.",
        code="""import torch
w = torch.tensor([1.0], requires_grad=True)
for _ in range(2):
    (w * 3).sum().backward()
print(w.grad)""",
        prints="tensor([6.])\n",
    ),
    "07.2": Quiz(
        "With `features` frozen by `requires_grad_(False)`, how many `ConvolutionBackward0` nodes does the graph "
        "of `transfer(images)` contain?",
        ["1, one per Conv2d layer", "1, without an AccumulateGrad under it",
         "0: recording starts at the first layer with a parameter that trains",
         "0, and `backward()` raises: a frozen layer stops the whole graph"],
        answer="0: recording starts at the first layer with a parameter that trains",
        explanation="The convolution's inputs (the images, its weight and bias) do not require grad, so it "
        "records nothing, and neither do ReLU, pooling and flatten after it. The hidden layer's weight does "
        "require grad: its `AddmmBackward0` is the first node, and backward works.",
        code="""import torch
from torch import nn
features = nn.Sequential(nn.Conv2d(1, 2, kernel_size=3), nn.ReLU(), nn.Flatten())
head = nn.Linear(8, 3)
features.requires_grad_(False)
def count(node):
    if node is None:
        return 0
    return (node.name() == "ConvolutionBackward0") + sum(count(n) for n, _ in node.next_functions)
out = head(features(torch.ones(1, 1, 4, 4)))
print(count(out.grad_fn), out.grad_fn.name())""",
        prints="0 AddmmBackward0\n",
    ),
    "07.3": Quiz(
        "The total loss is `main + side`; the probe reads `hidden.detach()`. Compared with the main loss "
        "alone, the gradient of `transfer.hidden[0].weight` from the total loss is:",
        ["larger: the probe's loss adds its own part", "exactly the same", "zero: the detach cut the whole graph",
         "different only when the probe's loss is large"],
        answer="exactly the same",
        explanation="Backward reaches `transfer.hidden[0].weight` only through paths in the graph. The probe's only "
        "link to the body is `probe_input`, a detached tensor without history: there is no path.",
        code="""import torch
from torch import nn
torch.manual_seed(0)
body, head, probe = nn.Linear(2, 3), nn.Linear(3, 1), nn.Linear(3, 1)
x = torch.ones(4, 2)
head(body(x)).sum().backward()
alone = body.weight.grad.clone()
body.zero_grad()
features = body(x)
(head(features).sum() + probe(features.detach()).sum()).backward()
print(torch.equal(alone, body.weight.grad))""",
        prints="True\n",
    ),
}


def toy_data():
    """Six points in the plane with labels 0 / 1: the check's own data, never the notebook's."""
    points = torch.tensor([[0.0, 1.0], [1.0, 0.5], [-1.0, 0.2], [2.0, -0.5], [0.5, -0.3], [1.5, 0.8]])
    labels = torch.tensor([[0.0], [0.0], [0.0], [1.0], [1.0], [1.0]])
    return points, labels


def fresh_network():
    """A small seeded classifier."""
    torch.manual_seed(3)
    return nn.Sequential(nn.Linear(2, 4), nn.Tanh(), nn.Linear(4, 1))


def trained_parameters(train_epoch, epochs: int):
    """Train a fresh seeded network with `train_epoch`; its losses and final parameters."""
    model = fresh_network()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.5)
    points, labels = toy_data()
    losses = [call(train_epoch, model, optimizer, points, labels) for _ in range(epochs)]
    return losses, [p.detach().clone() for p in model.parameters()]


def reference_epoch(model, optimizer, points, targets):
    """The check's own training step: forward, zero_grad, backward, step."""
    loss = nn.BCEWithLogitsLoss()(model(points), targets)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


def check_train_epoch(train_epoch) -> None:
    """Three epochs of train_epoch move the parameters exactly as three correct steps do."""
    losses, parameters = trained_parameters(train_epoch, 3)
    require(all(isinstance(loss, float) for loss in losses), f"`train_epoch` returned {losses[0]!r}: return "
            "the loss as a Python float (`loss.item()`).")
    expected_losses, expected = trained_parameters(reference_epoch, 3)
    require(close([losses[0]], [expected_losses[0]], 1e-4), f"the first loss is {losses[0]}, expected "
            f"{expected_losses[0]:.4f}: compute it with `loss_fn(model(points), targets)`.")
    unchanged = [p.detach() for p in fresh_network().parameters()]
    require(not all(torch.equal(p, q) for p, q in zip(parameters, unchanged)),
            "the parameters never moved: call `optimizer.step()` after `loss.backward()`.")
    moved_right = all(torch.allclose(p, q, atol=1e-5) for p, q in zip(parameters, expected))
    require(moved_right, "after three epochs the parameters differ from three correct steps: the gradients "
            "add up from one epoch to the next (clear them with `optimizer.zero_grad()` before `backward()`), "
            "or `step()` runs before `backward()`.")


def student():
    """A fresh seeded student network."""
    torch.manual_seed(4)
    return nn.Sequential(nn.Linear(2, 8), nn.Tanh(), nn.Linear(8, 1))


def check_freeze_first(freeze_first_layer) -> None:
    """freeze_first_layer(student): student[0] frozen; Adam(lr 0.01) over student[2]'s weight and bias only."""
    net = student()
    opt = call(freeze_first_layer, net)
    require(isinstance(opt, torch.optim.Adam), f"return a torch.optim.Adam, not {type(opt).__name__}.")
    require(not any(p.requires_grad for p in net[0].parameters()), "`student[0]` still requires grad.")
    require(all(p.requires_grad for p in net[2].parameters()), "`student[2]` should stay trainable.")
    held = [p for group in opt.param_groups for p in group["params"]]
    require(not any(p is q for p in net[0].parameters() for q in held), "the optimizer holds `student[0]`'s "
            "parameters: Adam would still move them if they ever got a gradient. Give it only what trains.")
    require(len(held) == 2, f"the optimizer holds {len(held)} tensors, expected `student[2]`'s weight and bias.")
    require({g["lr"] for g in opt.param_groups} == {0.01}, "use lr 0.01.")


def check_probe(probe_loss) -> None:
    """probe_loss(net, probe, points, distance): its backward trains the probe, never reaches net."""
    torch.manual_seed(5)
    net, probe = nn.Sequential(nn.Linear(2, 8), nn.Tanh()), nn.Linear(8, 1)
    points, _ = toy_data()
    distance = (points ** 2).sum(1, keepdim=True)
    loss = call(probe_loss, net, probe, points, distance)
    require_tensor(loss, "probe_loss")
    require(all(p.requires_grad for p in net.parameters()), "you switched `net`'s `requires_grad` off: that "
            "freezes it for its own training too. Cut only this loss's path to it.")
    with torch.no_grad():
        expected = ((probe(net(points)) - distance) ** 2).mean().item()
    require(close([loss.item()], [expected], 1e-4), f"the loss is {loss.item()}, expected the MSE of "
            f"`probe(net(points))` against `distance`, {expected:.4f}.")
    require(loss.grad_fn is not None, "the loss has no graph: detach the features, not the probe's output.")
    loss.backward()
    require(all(p.grad is None for p in net.parameters()), "backward reached `net`: detach its output first.")
    require(all(p.grad is not None for p in probe.parameters()), "the probe got no gradient.")


def moons(n_points: int, seed: int):
    """Two noisy interleaving half circles (points, labels), made with numpy: the check's own data."""
    rng = np.random.default_rng(seed)
    angle = rng.uniform(0, np.pi, n_points)
    half = n_points // 2
    upper = np.stack([np.cos(angle[:half]), np.sin(angle[:half])], axis=1)
    lower = np.stack([1 - np.cos(angle[half:]), 0.5 - np.sin(angle[half:])], axis=1)
    points = np.concatenate([upper, lower]) + rng.normal(0, 0.1, (n_points, 2))
    labels = np.concatenate([np.zeros(half), np.ones(n_points - half)]).reshape(-1, 1)
    return torch.tensor(points, dtype=torch.float32), torch.tensor(labels, dtype=torch.float32)


def check_fit(fit) -> None:
    """fit(points, labels) returns a trained model: at least 95% right on fresh points it never saw."""
    torch.manual_seed(0)
    model = call(fit, *moons(200, seed=7))
    require(callable(model), f"return the trained model, not {type(model).__name__}.")
    points, labels = moons(400, seed=8)
    with torch.no_grad():
        logits = model(points)
    require_tensor(logits, "the model")
    require(tuple(logits.shape) == (400, 1), f"the model maps 400 points to shape {tuple(logits.shape)}, "
            "expected (400, 1): one logit per point.")
    accuracy = ((logits > 0).float() == labels).float().mean().item()
    require(accuracy >= 0.95, f"{accuracy:.1%} of fresh points are classified right; aim for 95%. A straight "
            "line cannot separate the moons: use hidden layers, and train long enough.")


EXERCISES = (
    Exercise(
        "07.1", "1. One full-batch training step", "train_epoch", check_train_epoch,
        hints=("Four lines: forward and loss, clear the old gradients, backward, update; then return a float.",
               "`loss = loss_fn(model(points), targets)`, `optimizer.zero_grad()`, `loss.backward()`, "
               "`optimizer.step()`, `return loss.item()`."),
    ),
    Exercise(
        "07.2", "2. Freeze the first layer and optimize the rest", "freeze_first_layer", check_freeze_first,
        hints=("`student[0].requires_grad_(False)` freezes it; the optimizer must not hold it either.",
               "`torch.optim.Adam([p for p in student.parameters() if p.requires_grad], lr=0.01)`."),
    ),
    Exercise(
        "07.3", "3. A probe that learns without touching the network", "probe_loss", check_probe,
        hints=("The probe needs `net`'s values, not its history.",
               "`mse(probe(net(points).detach()), distance)` with `mse = nn.MSELoss()`."),
        points=2,
    ),
    Exercise(
        "07.4", "4. (open) Build and train your own classifier", "fit", check_fit,
        hints=("Any model and optimizer will do: an MLP (2 → 16 → 16 → 1 with `tanh`) trained with "
               "Adam for a few hundred full-batch steps reaches it.", "Make the model, `optimizer = "
               "torch.optim.Adam(model.parameters(), lr=0.05)`, then 300 times: `train_epoch(model, optimizer, "
               "points, labels)` from exercise 1 (or its four lines); return the model."),
        points=2,
    ),
)
