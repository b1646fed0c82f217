# Mirrors: PyTorch docs, "nn.Embedding", "nn.LayerNorm" and "nn.ModuleDict" / "nn.ModuleList" examples (https://pytorch.org/docs/stable/generated/torch.nn.Embedding.html)
import torch
import torch.nn as nn

torch.manual_seed(0)
embedding = nn.Embedding(10, 3)
print(embedding)
input = torch.LongTensor([[1, 2, 4, 5], [4, 3, 2, 9]])
print(embedding(input))
embedding = nn.Embedding(10, 3, padding_idx=0)
input = torch.LongTensor([[0, 2, 0, 5]])
print(embedding(input))
weight = torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]])
embedding = nn.Embedding.from_pretrained(weight)
print(embedding(torch.LongTensor([1])))

batch, sentence_length, embedding_dim = 2, 3, 4
embedding = torch.randn(batch, sentence_length, embedding_dim)
layer_norm = nn.LayerNorm(embedding_dim)
print(layer_norm)
print(layer_norm(embedding))
N, C, H, W = 2, 3, 2, 2
input = torch.randn(N, C, H, W)
layer_norm = nn.LayerNorm([C, H, W])
output = layer_norm(input)
print(output.shape, output.grad_fn)


class MyModule(nn.Module):
    def __init__(self):
        super().__init__()
        self.choices = nn.ModuleDict({'conv': nn.Conv2d(10, 10, 3), 'pool': nn.MaxPool2d(3)})
        self.activations = nn.ModuleDict([['lrelu', nn.LeakyReLU()], ['prelu', nn.PReLU()]])
        self.linears = nn.ModuleList([nn.Linear(10, 10) for i in range(3)])

    def forward(self, x, choice, act):
        x = self.choices[choice](x)
        x = self.activations[act](x)
        return x


m = MyModule()
print(m)
print(m(torch.randn(1, 10, 6, 6), 'pool', 'lrelu').shape)
