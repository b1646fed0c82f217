"""Notebook 04 (nn.Parameter and Conv2d): quizzes and exercises."""

import minitorch as torch
from minitorch import nn
from minitorch.teach.exercise import Exercise, attempted, call
from minitorch.teach.lessons._checks import close, require, require_tensor, values
from minitorch.teach.quiz import Quiz

QUIZZES = {
    "04.1": Quiz(
        "`inputs` and `filters` are plain tensors made by `torch.randn`, and `out_plain = F.conv2d(inputs, "
        "filters, stride=2, padding=1)`. What does `print(filters.requires_grad, out_plain.requires_grad, "
        "out_plain.grad_fn)` show?",
        ["`False False None`", "`False True <ConvolutionBackward0 object at 0x...>`",
         "`True True <ConvolutionBackward0 object at 0x...>`"],
        answer="`False False None`",
        explanation="An op records a graph only when one of its inputs requires grad. `torch.randn` makes "
        "tensors with `requires_grad=False`: a convolution's weight is trainable only if you make it so.",
        code="""import torch
import torch.nn.functional as F
out = F.conv2d(torch.randn(1, 4, 5, 5), torch.randn(8, 4, 3, 3), stride=2, padding=1)
print(out.requires_grad, out.grad_fn)""",
        prints="False None\n",
    ),
    "04.2": Quiz(
        "Which names does `list(Scale().named_parameters())` give?",
        ["`weight`, `offset`, `doubled`", "`weight`, `doubled`", "`weight`", "`weight`, `count`"],
        answer="`weight`",
        explanation="Only a value that is itself an `nn.Parameter` is registered. `Parameter * 2` runs a "
        "multiplication, whose result is an ordinary tensor. A buffer is registered, but as a buffer.",
        code="""import torch
from torch import nn
class Scale(nn.Module):
    def __init__(self):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(3))
        self.offset = torch.zeros(3)
        self.doubled = nn.Parameter(torch.ones(3)) * 2
        self.register_buffer("count", torch.zeros(1))
print([name for name, _ in Scale().named_parameters()])""",
        prints="['weight']\n",
    ),
    "04.3": Quiz(
        "A 32 × 32 image goes through `nn.Conv2d(3, 16, kernel_size=3, stride=2, padding=1)`. "
        "What is the output's height and width?",
        ["32 × 32", "16 × 16", "15 × 15", "30 × 30"],
        answer="16 × 16",
        explanation="(32 + 2·1 − 1·(3 − 1) − 1) // 2 + 1 = 31 // 2 + 1 = 16. Padding 1 with kernel 3 "
        "keeps the size; stride 2 then halves it.",
        code="""import torch
print(torch.nn.Conv2d(3, 16, kernel_size=3, stride=2, padding=1)(torch.zeros(1, 3, 32, 32)).shape)""",
        prints="torch.Size([1, 16, 16, 16])\n",
    ),
    "04.4": Quiz(
        "After `y.sum().backward()`, what is `x.grad` at the top-left corner pixel, `x.grad[0, 0, 0, 0]`?",
        ["1", "4", "9", "0"],
        answer="1",
        explanation="The sum's gradient is 1 for each output pixel. The corner pixel lies under exactly one "
        "of the four windows, where kernel tap (0, 0) weighs it by 1. A central pixel lies under all four.",
        code="""import torch
import torch.nn.functional as F
x = torch.ones(1, 1, 4, 4, requires_grad=True)
F.conv2d(x, torch.ones(1, 1, 3, 3)).sum().backward()
print(x.grad[0, 0, 0, 0].item())""",
        prints="1.0\n",
    ),
    "04.5": Quiz(
        "`conv2d.weight` no longer requires grad; its bias still does. After `conv2d(inputs).sum().backward()`, "
        "which of these is `None`?",
        ["`conv2d.weight.grad` only", "`conv2d.bias.grad` only", "both: a frozen weight stops the whole layer",
         "neither: the weight still gets a gradient, the optimizer just ignores it"],
        answer="`conv2d.weight.grad` only",
        explanation="An output requires grad when at least one input of its op does. The bias still does, "
        "so the convolution is recorded, with a gradient path to the bias only.",
        code="""import torch
conv = torch.nn.Conv2d(4, 8, 3)
conv.weight.requires_grad_(False)
conv(torch.randn(1, 4, 5, 5)).sum().backward()
print(conv.weight.grad is None, conv.bias.grad is None)""",
        prints="True False\n",
    ),
}


def check_down(make_down) -> None:
    """make_down() returns a Conv2d with a 3 x 3 kernel that halves a 3-channel image into 16 channels."""
    down = call(make_down)
    require(isinstance(down, nn.Conv2d), f"`make_down` should return an `nn.Conv2d`, not {type(down).__name__}.")
    require(down.kernel_size == (3, 3), f"the kernel is {down.kernel_size}, expected 3 × 3.")
    require(down.in_channels == 3, f"the layer takes {down.in_channels} channels; an RGB image has 3.")
    for size in (32, 20):
        shape = tuple(down(torch.zeros(1, 3, size, size)).shape)
        expected = (1, 16, size // 2, size // 2)
        require(shape == expected, f"a {size} × {size} image gives {shape}, expected {expected}: "
                "check stride and padding with the output-size formula.")


def check_affine(affine_class) -> None:
    """Affine() registers scale and shift and computes x * scale + shift, for any values of them."""
    module = attempted(affine_class())
    attempted(getattr(module, "scale", None))
    names = [name for name, _ in module.named_parameters()]
    require(names == ["scale", "shift"], f"named_parameters() lists {names}, expected ['scale', 'shift']: "
            "a plain tensor (or a Parameter times something) is not registered.")
    require(values(module.scale) == [1.0] * 3 and values(module.shift) == [0.0] * 3,
            "start with scale = ones(3) and shift = zeros(3).")
    scale, shift, x = [2.0, -1.0, 0.5], [0.25, 1.0, -3.0], [1.0, 2.0, 3.0]
    with torch.no_grad():
        module.scale.copy_(torch.tensor(scale))
        module.shift.copy_(torch.tensor(shift))
    result = attempted(module(torch.tensor(x)))
    require_tensor(result, "forward")
    require(result.requires_grad, "the output does not require grad: is forward using the parameters?")
    expected = [v * s + b for v, s, b in zip(x, scale, shift)]
    require(close(values(result), expected), f"with scale {scale} and shift {shift}, forward gives "
            f"{values(result)}, expected x * scale + shift = {expected}.")


def check_prune(prune_filter) -> None:
    """prune_filter(layer, index) zeroes one filter of the existing weight, in place and versioned."""
    torch.manual_seed(1)
    layer = nn.Conv2d(1, 3, 3)
    weight, before, version = layer.weight, layer.weight.detach().clone(), layer.weight._version
    result = call(prune_filter, layer, 1)
    require(result is layer, "return `layer` itself.")
    require(layer.weight is weight, "`layer.weight` is a new Parameter now: an optimizer made earlier still "
            "holds the old one. Edit the existing weight in place.")
    require(weight.is_leaf and weight.requires_grad, "the weight should stay a trainable leaf.")
    require(weight[1].abs().sum().item() == 0, "filter 1 (`layer.weight[1]`) is not all zeros yet.")
    require(torch.equal(weight[0], before[0]) and torch.equal(weight[2], before[2]), "only filter 1 should change.")
    require(weight._version > version, "`weight._version` did not move: the write went through `.data`, hidden from "
            "autograd (Myth M22). Assign into the weight itself, inside `torch.no_grad()`.")


def unregistered(module) -> list[str]:
    """Names of tensors that require grad, stored on a module as plain attributes (so not registered)."""
    return [f"{prefix}.{name}".lstrip(".") for prefix, sub in module.named_modules()
            for name, value in vars(sub).items()
            if isinstance(value, torch.Tensor) and not isinstance(value, nn.Parameter) and value.requires_grad]


def check_cnn(cnn_class) -> None:
    """TinyCNN(): any design with a convolution; 8 x 8 images to 10 scores; every parameter registered and used."""
    torch.manual_seed(0)
    model = attempted(cnn_class())
    images = torch.randn(2, 1, 8, 8)
    scores = attempted(model(images))
    require_tensor(scores, "forward")
    require(tuple(scores.shape) == (2, 10), f"a batch of 2 images gives shape {tuple(scores.shape)}, "
            "expected (2, 10): one score per class for each image.")
    require(any(isinstance(m, nn.Conv2d) for m in model.modules()), "use at least one `nn.Conv2d`.")
    hidden = unregistered(model)
    require(not hidden, f"{hidden} require grad but are not registered: wrap them in `nn.Parameter` (or use a "
            "layer), or the optimizer never sees them.")
    scores.sum().backward()
    unused = [name for name, p in model.named_parameters() if p.grad is None]
    require(not unused, f"{unused} got no gradient: they are registered but forward does not use them.")


EXERCISES = (
    Exercise(
        "04.1", "1. A 3 × 3 convolution from 3 × 32 × 32 to 16 × 16 × 16", "make_down", check_down,
        hints=("3 input channels, 16 output channels; padding 1 keeps 32, stride 2 halves it.",
               "`nn.Conv2d(3, 16, kernel_size=3, stride=2, padding=1)`."),
    ),
    Exercise(
        "04.2", "2. `Affine`: `x * scale + shift` with trainable `scale` and `shift`", "Affine", check_affine,
        hints=("Wrap each tensor in `nn.Parameter(...)` when you assign it to `self`, after `super().__init__()`.",
               "forward returns `x * self.scale + self.shift`: both parameters, every time."),
    ),
    Exercise(
        "04.3", "3. Zero one filter of a layer, keeping the weight trainable", "prune_filter", check_prune,
        hints=("Assigning into `layer.weight[index]` is an in-place edit of a leaf that requires grad.",
               "Do it inside `with torch.no_grad():`, then `return layer`."),
        points=2,
    ),
    Exercise(
        "04.4", "4. (open) A small convolutional network of your own design", "TinyCNN", check_cnn,
        hints=("A convolution, a non-linearity, something that shrinks the image (stride or pooling), then a "
               "`nn.Linear` to 10 scores. `x.flatten(1)` turns `(N, C, H, W)` into `(N, C * H * W)`.",
               "`nn.Conv2d(1, 4, 3, padding=1)` keeps 8 × 8; `nn.MaxPool2d(2)` halves it to 4 × 4; so the "
               "linear layer takes `4 * 4 * 4` inputs."),
        points=2,
    ),
)
