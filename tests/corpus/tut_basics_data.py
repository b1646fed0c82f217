# Mirrors: PyTorch tutorials, Learn the Basics, "Datasets & DataLoaders" (https://pytorch.org/tutorials/beginner/basics/data_tutorial.html), with a synthetic dataset in place of FashionMNIST
import torch
from torch.utils.data import DataLoader, Dataset


class CustomImageDataset(Dataset):
    def __init__(self, n, transform=None, target_transform=None):
        self.images = torch.arange(n * 4 * 4, dtype=torch.float32).reshape(n, 1, 4, 4) / 100
        self.labels = [i % 3 for i in range(n)]
        self.transform = transform
        self.target_transform = target_transform

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, idx):
        image, label = self.images[idx], self.labels[idx]
        if self.transform:
            image = self.transform(image)
        if self.target_transform:
            label = self.target_transform(label)
        return image, label


training_data = CustomImageDataset(10, transform=lambda img: img * 2)
print(len(training_data))
img, label = training_data[1]
print(img.shape, label)

train_dataloader = DataLoader(training_data, batch_size=4)
train_features, train_labels = next(iter(train_dataloader))
print(f"Feature batch shape: {train_features.size()}")
print(f"Labels batch shape: {train_labels.size()}")
print(train_labels)
img = train_features[0].squeeze()
print(img)
for batch, (X, y) in enumerate(train_dataloader):
    print(batch, X.shape, y.tolist())
