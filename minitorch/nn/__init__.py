"""``minitorch.nn``: Parameter, Module, layers, losses, and the ``functional`` and ``init`` submodules."""

from . import functional, init, utils
from .activation import (
    CELU,
    ELU,
    GELU,
    SELU,
    Hardsigmoid,
    Hardswish,
    Hardtanh,
    LeakyReLU,
    LogSigmoid,
    LogSoftmax,
    Mish,
    PReLU,
    ReLU,
    ReLU6,
    Sigmoid,
    SiLU,
    Softmax,
    Softmin,
    Softplus,
    Softsign,
    Tanh,
    Tanhshrink,
    Threshold,
)
from .batchnorm import BatchNorm1d, BatchNorm2d
from .bilinear import Bilinear
from .containers import ModuleDict, ModuleList, Sequential
from .conv1d import Conv1d
from .conv_transpose import ConvTranspose1d, ConvTranspose2d
from .distance import CosineSimilarity, PairwiseDistance
from .embedding_bag import EmbeddingBag
from .fold import Fold, Unfold
from .instancenorm import InstanceNorm1d, InstanceNorm2d
from .layers import Conv2d, Dropout, Flatten, Identity, Linear, MaxPool2d, Unflatten, ZeroPad2d
from .lazy import LazyConv2d, LazyLinear, UninitializedParameter
from .loss import BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, HuberLoss, L1Loss, MSELoss, NLLLoss, SmoothL1Loss
from .module import Module
from .more_losses import (
    GaussianNLLLoss,
    MultiLabelMarginLoss,
    MultiLabelSoftMarginLoss,
    MultiMarginLoss,
    PoissonNLLLoss,
    SoftMarginLoss,
)
from .multihead_attention import MultiheadAttention
from .normalization import GroupNorm, LayerNorm, LocalResponseNorm
from .pair_losses import (
    CosineEmbeddingLoss,
    HingeEmbeddingLoss,
    KLDivLoss,
    MarginRankingLoss,
    TripletMarginLoss,
)
from .parameter import Parameter
from .parameter_containers import ParameterDict, ParameterList
from .pixelshuffle import PixelShuffle, PixelUnshuffle
from .pooling import AdaptiveAvgPool2d, AvgPool2d, Dropout2d
from .pooling_more import (
    AdaptiveAvgPool1d,
    AdaptiveMaxPool1d,
    AdaptiveMaxPool2d,
    AvgPool1d,
    MaxPool1d,
    Upsample,
    UpsamplingBilinear2d,
    UpsamplingNearest2d,
)
from .rnn import GRU, LSTM, RNN, RNNBase
from .rnn_cell import GRUCell, LSTMCell, RNNCell, RNNCellBase
from .shrink import GLU, Hardshrink, Softshrink
from .sparse import Embedding
from .transformer import Transformer, TransformerDecoder, TransformerEncoder
from .transformer_layers import TransformerDecoderLayer, TransformerEncoderLayer

__all__ = [
    "functional", "init", "utils", "Parameter", "Module", "Sequential", "ModuleList", "ModuleDict",
    "Embedding", "LayerNorm", "PReLU", "LazyLinear", "LazyConv2d", "UninitializedParameter",
    "Linear", "Bilinear", "Conv1d", "Conv2d", "ConvTranspose1d", "ConvTranspose2d",
    "Flatten", "ZeroPad2d", "MaxPool2d", "AvgPool2d", "AdaptiveAvgPool2d", "Dropout", "Dropout2d",
    "Identity", "RNNBase", "RNN", "LSTM", "GRU", "RNNCellBase", "RNNCell", "LSTMCell", "GRUCell",
    "BatchNorm1d", "BatchNorm2d",
    "ReLU", "Sigmoid", "Tanh", "Softmax", "LogSoftmax", "Softmin", "LeakyReLU", "ELU", "CELU", "SELU", "GELU",
    "SiLU", "Mish", "Softplus", "Hardtanh", "ReLU6", "Hardsigmoid", "Hardswish", "LogSigmoid", "Softsign",
    "Tanhshrink", "Threshold",
    "MSELoss", "L1Loss", "SmoothL1Loss", "HuberLoss", "BCELoss", "BCEWithLogitsLoss", "CrossEntropyLoss", "NLLLoss",
    "CosineSimilarity", "PairwiseDistance", "Unflatten", "GroupNorm", "ParameterList", "ParameterDict",
    "KLDivLoss", "MarginRankingLoss", "HingeEmbeddingLoss", "CosineEmbeddingLoss", "TripletMarginLoss",
    "MaxPool1d", "AvgPool1d", "AdaptiveAvgPool1d", "AdaptiveMaxPool1d", "AdaptiveMaxPool2d", "Upsample",
    "UpsamplingNearest2d", "UpsamplingBilinear2d", "Softshrink", "Hardshrink", "GLU", "MultiheadAttention",
    "Transformer", "TransformerEncoder", "TransformerDecoder", "TransformerEncoderLayer", "TransformerDecoderLayer",
    "EmbeddingBag", "Fold", "Unfold", "InstanceNorm1d", "InstanceNorm2d", "LocalResponseNorm", "PixelShuffle",
    "PixelUnshuffle", "SoftMarginLoss", "MultiMarginLoss", "MultiLabelSoftMarginLoss", "MultiLabelMarginLoss",
    "PoissonNLLLoss", "GaussianNLLLoss",
]
