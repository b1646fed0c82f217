# Mirrors: PyTorch recipes, "Saving and loading multiple models in one file using PyTorch" (https://pytorch.org/tutorials/recipes/recipes/saving_multiple_models_in_one_file.html), with an in-memory file
import io

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.fc1 = nn.Linear(8, 6)
        self.fc2 = nn.Linear(6, 2)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


netA = Net()
netB = Net()
optimizerA = optim.SGD(netA.parameters(), lr=0.001, momentum=0.9)
optimizerB = optim.Adam(netB.parameters(), lr=0.001)
x = torch.randn(4, 8)
for net, opt in ((netA, optimizerA), (netB, optimizerB)):
    opt.zero_grad()
    net(x).pow(2).mean().backward()
    opt.step()

PATH = io.BytesIO()
torch.save({
    'modelA_state_dict': netA.state_dict(),
    'modelB_state_dict': netB.state_dict(),
    'optimizerA_state_dict': optimizerA.state_dict(),
    'optimizerB_state_dict': optimizerB.state_dict(),
}, PATH)

modelA = Net()
modelB = Net()
optimModelA = optim.SGD(modelA.parameters(), lr=0.001, momentum=0.9)
optimModelB = optim.Adam(modelB.parameters(), lr=0.001)

PATH.seek(0)
checkpoint = torch.load(PATH, weights_only=True)
print(sorted(checkpoint.keys()))
print(modelA.load_state_dict(checkpoint['modelA_state_dict']))
print(modelB.load_state_dict(checkpoint['modelB_state_dict']))
optimModelA.load_state_dict(checkpoint['optimizerA_state_dict'])
optimModelB.load_state_dict(checkpoint['optimizerB_state_dict'])
print(optimModelB.state_dict()['state'][0]['step'])
print(optimModelB.state_dict()['param_groups'][0]['betas'])
modelA.eval()
modelB.eval()
print(torch.equal(modelA(x), netA(x)), torch.equal(modelB(x), netB(x)))
print(modelB(x))
