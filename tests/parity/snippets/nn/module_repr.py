import torch.nn as nn


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, kernel_size=3, padding=1)
        self.act = nn.ReLU(inplace=True)

    def forward(self, x):
        return self.act(self.conv(x))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(Block(), nn.MaxPool2d(2), nn.Flatten())
        self.head = nn.Linear(8 * 4 * 4, 10, bias=False)
        self.drop = nn.Dropout(0.25)


print(Net())
print(nn.Linear(3, 2))
print(nn.Conv2d(1, 4, 5, stride=2))
print(nn.Conv2d(4, 8, (3, 1), stride=(2, 1), padding=(1, 0), dilation=2, groups=2, bias=False))
print(nn.Conv2d(2, 2, 3, padding="same"))
print(nn.Sequential())
print(nn.ModuleList([nn.ReLU(), nn.Sigmoid(), nn.Tanh()]))
print(nn.ZeroPad2d((1, 2, 3, 4)))
print(nn.ZeroPad2d(2))
print(nn.MSELoss(), nn.CrossEntropyLoss(), nn.BCELoss(), nn.BCEWithLogitsLoss())
print(nn.MaxPool2d(3, stride=1, padding=1))
print(nn.Flatten(0))
print(nn.Dropout())
print(nn.Module())
