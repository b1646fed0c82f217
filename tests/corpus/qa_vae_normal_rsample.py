# Mirrors: a well-known Q&A, "VAE with torch.distributions: Normal.rsample and kl_divergence instead of the hand-written reparameterisation trick" (https://stackoverflow.com/questions/tagged/pytorch+vae)
import torch
from torch import nn
from torch.distributions import Normal, kl_divergence
from torch.nn import functional as F

torch.manual_seed(0)


class VAE(nn.Module):
    def __init__(self, d_in=8, d_hidden=6, d_latent=2):
        super().__init__()
        self.enc = nn.Linear(d_in, d_hidden)
        self.mu = nn.Linear(d_hidden, d_latent)
        self.logvar = nn.Linear(d_hidden, d_latent)
        self.dec = nn.Linear(d_latent, d_in)

    def forward(self, x):
        h = torch.relu(self.enc(x))
        mu, logvar = self.mu(h), self.logvar(h)
        q = Normal(mu, torch.exp(0.5 * logvar))
        z = q.rsample()
        return torch.sigmoid(self.dec(z)), q


model = VAE()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-2)
x = torch.rand(4, 8)
prior = Normal(torch.zeros(2), torch.ones(2))
for step in range(3):
    recon, q = model(x)
    bce = F.binary_cross_entropy(recon, x, reduction="sum")
    kld = kl_divergence(q, prior).sum()
    loss = bce + kld
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    print(step, round(bce.item(), 3), round(kld.item(), 3), q.batch_shape, q.rsample().grad_fn)
print(q)
z = prior.sample((3,))
print(z)
print(model.dec.bias.grad)
