# Mirrors: PyTorch docs, "How to adjust learning rate" - torch.optim.lr_scheduler.StepLR, ExponentialLR and MultiStepLR (https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate)
import torch
from torch.optim.lr_scheduler import ExponentialLR, MultiStepLR, StepLR

torch.manual_seed(0)
model = torch.nn.Linear(2, 1)
optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
scheduler = StepLR(optimizer, step_size=3, gamma=0.1)
for epoch in range(8):
    optimizer.zero_grad()
    loss = model(torch.ones(4, 2)).pow(2).mean()
    loss.backward()
    optimizer.step()
    scheduler.step()
    print(epoch, scheduler.get_last_lr(), optimizer.param_groups[0]['lr'])

optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
scheduler1 = ExponentialLR(optimizer, gamma=0.9)
scheduler2 = MultiStepLR(optimizer, milestones=[3, 6], gamma=0.1)
for epoch in range(8):
    optimizer.step()
    scheduler1.step()
    scheduler2.step()
    print(epoch, f"{optimizer.param_groups[0]['lr']:.8f}")
print(scheduler1.state_dict())
