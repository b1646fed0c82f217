"""``nn.PixelShuffle`` and ``nn.PixelUnshuffle``; ``F.pixel_shuffle``/``F.pixel_unshuffle`` are in
``ops/pixel_shuffle.py``."""

from ..ops.pixel_shuffle import pixel_shuffle, pixel_unshuffle
from .module import Module


class PixelShuffle(Module):
    """``(*, C * r^2, H, W)`` to ``(*, C, H * r, W * r)``: channels become ``r x r`` blocks of pixels."""

    def __init__(self, upscale_factor):
        """Keep the factor ``r``."""
        super().__init__()
        self.upscale_factor = upscale_factor

    def forward(self, input):  # noqa: A002
        """Shuffle ``input``'s channels into pixels."""
        return pixel_shuffle(input, self.upscale_factor)

    def extra_repr(self):
        """``upscale_factor=r``."""
        return f"upscale_factor={self.upscale_factor}"


class PixelUnshuffle(Module):
    """``(*, C, H * r, W * r)`` to ``(*, C * r^2, H, W)``: the inverse of ``PixelShuffle``."""

    def __init__(self, downscale_factor):
        """Keep the factor ``r``."""
        super().__init__()
        self.downscale_factor = downscale_factor

    def forward(self, input):  # noqa: A002
        """Fold ``input``'s ``r x r`` blocks of pixels into channels."""
        return pixel_unshuffle(input, self.downscale_factor)

    def extra_repr(self):
        """``downscale_factor=r``."""
        return f"downscale_factor={self.downscale_factor}"


__all__ = ["PixelShuffle", "PixelUnshuffle", "pixel_shuffle", "pixel_unshuffle"]
