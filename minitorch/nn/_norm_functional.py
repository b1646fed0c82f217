"""``F.instance_norm`` and ``F.local_response_norm``, composed of other ops as torch composes them.

Instance norm is ATen's composition over batch norm: ``(N, C, *)`` viewed as one sample of ``N * C`` channels
(the per-channel weight, bias and running statistics repeated ``N`` times), batch-normalised, viewed back; the
running statistics are then averaged over the batch. Local response norm is torch's Python composition:
``x / (k + alpha * mean of x^2 over `size` neighbouring channels) ** beta``, the mean an average pooling of
the zero-padded squares along the channel dim.
"""

from ..autograd.grad_mode import no_grad
from ..ops.avg_pool import avg_pool2d
from ..ops.avg_pool3d import avg_pool3d
from ..ops.pad import constant_pad_nd
from ._layer_functional import batch_norm


def _repeat(tensor, times):
    return None if tensor is None else tensor.repeat(times)


def instance_norm(input, running_mean=None, running_var=None, weight=None, bias=None, use_input_stats=True,  # noqa: A002
                  momentum=0.1, eps=1e-05):
    """Normalise every channel of every sample over its spatial positions (``(N, C, *)`` inputs)."""
    if use_input_stats:
        spatial = 1
        for size in input.shape[2:]:
            spatial *= size
        if spatial == 1:
            raise ValueError(f"Expected more than 1 spatial element when training, got input size {input.shape}")
    batch, channels = input.shape[0], input.shape[1]
    shape = (1, batch * channels, *input.shape[2:])
    mean, var = _repeat(running_mean, batch), _repeat(running_var, batch)
    out = batch_norm(input.contiguous().view(shape), mean, var, _repeat(weight, batch), _repeat(bias, batch),
                       use_input_stats, momentum, eps)
    with no_grad():
        for running, repeated in ((running_mean, mean), (running_var, var)):
            if running is not None:
                running.copy_(repeated.view(batch, channels).mean(0))
    return out.view(input.shape)



def local_response_norm(input, size, alpha=0.0001, beta=0.75, k=1.0):  # noqa: A002
    """Divide each value by ``(k + alpha * mean(x^2 over `size` neighbouring channels)) ** beta``."""
    if input.ndim < 3:
        raise ValueError(f"Expected 3D or higher dimensionality                          input (got {input.ndim} "
                         "dimensions)")
    if input.numel() == 0:
        return input
    div = input.mul(input)
    if input.ndim == 3:
        div = constant_pad_nd(div.unsqueeze(1), [0, 0, size // 2, (size - 1) // 2])
        div = avg_pool2d(div, (size, 1), (1, 1), (0, 0)).squeeze(1)
    else:
        sizes = input.shape
        div = div.view(sizes[0], 1, sizes[1], sizes[2], -1)
        div = constant_pad_nd(div, [0, 0, 0, 0, size // 2, (size - 1) // 2])
        div = avg_pool3d(div, (size, 1, 1)).squeeze(1).view(sizes)
    div = div.mul(alpha).add(k).pow(beta)
    return input / div
