# Mirrors: d2l.ai, "Sentiment Analysis: Using Convolutional Neural Networks" (https://d2l.ai/chapter_natural-language-processing-applications/sentiment-analysis-cnn.html) and the "nn.Conv1d" docs example, max-over-time pooling with .max(dim=2) in place of AdaptiveAvgPool1d
import torch
from torch import nn

torch.manual_seed(0)
m = nn.Conv1d(16, 33, 3, stride=2)
input = torch.randn(20, 16, 50)
output = m(input)
print(m, output.shape, output.grad_fn)


def corr1d(X, K):
    w = K.shape[0]
    Y = torch.zeros(X.shape[0] - w + 1)
    for i in range(Y.shape[0]):
        Y[i] = (X[i: i + w] * K).sum()
    return Y


X, K = torch.tensor([0, 1, 2, 3, 4, 5, 6]), torch.tensor([1, 2])
print(corr1d(X, K))


def corr1d_multi_in(X, K):
    # First, iterate through the 0th dimension (channel dimension) of `X` and
    # `K`. Then, add them together
    return sum(corr1d(x, k) for x, k in zip(X, K))


X = torch.tensor([[0, 1, 2, 3, 4, 5, 6],
              [1, 2, 3, 4, 5, 6, 7],
              [2, 3, 4, 5, 6, 7, 8]])
K = torch.tensor([[1, 2], [3, 4], [-1, -3]])
print(corr1d_multi_in(X, K))
print(nn.functional.conv1d(X.float().unsqueeze(0), K.float().unsqueeze(0)))


class TextCNN(nn.Module):
    def __init__(self, vocab_size, embed_size, kernel_sizes, num_channels,
                 **kwargs):
        super().__init__(**kwargs)
        self.embedding = nn.Embedding(vocab_size, embed_size)
        # The embedding layer not to be trained
        self.constant_embedding = nn.Embedding(vocab_size, embed_size)
        self.dropout = nn.Dropout(0.5)
        self.decoder = nn.Linear(sum(num_channels), 2)
        self.relu = nn.ReLU()
        # Create multiple one-dimensional convolutional layers
        self.convs = nn.ModuleList()
        for c, k in zip(num_channels, kernel_sizes):
            self.convs.append(nn.Conv1d(2 * embed_size, c, k))

    def forward(self, inputs):
        # Concatenate two embedding layer outputs with shape (batch size, no.
        # of tokens, token vector dimension) along vectors
        embeddings = torch.cat((
            self.embedding(inputs), self.constant_embedding(inputs)), dim=2)
        # Per the input format of one-dimensional convolutional layers,
        # rearrange the tensor so that the second dimension stores channels
        embeddings = embeddings.permute(0, 2, 1)
        # For each one-dimensional convolutional layer, after max-over-time
        # pooling, a tensor of shape (batch size, no. of channels) is
        # obtained. Concatenate all tensors along the last dimension
        encoding = torch.cat([
            self.relu(conv(embeddings)).max(dim=2).values
            for conv in self.convs], dim=1)
        outputs = self.decoder(self.dropout(encoding))
        return outputs


embed_size, kernel_sizes, nums_channels = 10, [3, 4, 5], [8, 8, 8]
net = TextCNN(50, embed_size, kernel_sizes, nums_channels)


def init_weights(module):
    if type(module) in (nn.Linear, nn.Conv1d):
        nn.init.xavier_uniform_(module.weight)


net.apply(init_weights)
print(net)
tokens = torch.randint(0, 50, (4, 12))
labels = torch.tensor([0, 1, 1, 0])
trainer = torch.optim.Adam(net.parameters(), lr=0.01)
loss = nn.CrossEntropyLoss(reduction="none")
for epoch in range(3):
    trainer.zero_grad()
    l = loss(net(tokens), labels)
    l.sum().backward()
    trainer.step()
    print(epoch, f"{l.mean().item():.4f}")
net.eval()
print(net(tokens).argmax(dim=1), net.convs[0].weight.grad.shape)
