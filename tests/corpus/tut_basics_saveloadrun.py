# Mirrors: PyTorch tutorials, Learn the Basics, "Save and Load the Model" (https://pytorch.org/tutorials/beginner/basics/saveloadrun_tutorial.html), with a small model in place of VGG16 and an in-memory file
import io

import torch
from torch import nn

torch.manual_seed(0)
model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
buffer = io.BytesIO()
torch.save(model.state_dict(), buffer)
buffer.seek(0)
model2 = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
print(model2.load_state_dict(torch.load(buffer, weights_only=True)))
model2.eval()
print(model2)
x = torch.randn(2, 4)
print(torch.equal(model(x), model2(x)))
print(model2[0].weight)

checkpoint = io.BytesIO()
optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
model(x).sum().backward()
optimizer.step()
torch.save({'epoch': 5, 'model_state_dict': model.state_dict(),
            'optimizer_state_dict': optimizer.state_dict(), 'loss': 0.25}, checkpoint)
checkpoint.seek(0)
loaded = torch.load(checkpoint)
print(loaded['epoch'], loaded['loss'], list(loaded['model_state_dict'].keys()))
optimizer2 = torch.optim.SGD(model2.parameters(), lr=0.5)
optimizer2.load_state_dict(loaded['optimizer_state_dict'])
print(optimizer2.param_groups[0]['lr'], optimizer2.state_dict()['state'][0]['momentum_buffer'].shape)
