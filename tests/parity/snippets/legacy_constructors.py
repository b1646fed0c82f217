import torch

print(torch.FloatTensor(2, 3).shape, torch.FloatTensor([1, 2]), torch.DoubleTensor([1, 2]))
print(torch.LongTensor([1, 2]), torch.IntTensor([3]), torch.ByteTensor([1, 255]), torch.BoolTensor([1, 0]))
print(torch.Tensor([1, 2]), torch.Tensor(2, 2).shape, torch.Tensor().shape, torch.Tensor(torch.Size([3])).shape)
print(
    torch.LongTensor(2).dtype, torch.DoubleTensor(2, 2).dtype, torch.ShortTensor([1]).dtype, torch.CharTensor([1]).dtype
)
x = torch.zeros(2)
print(isinstance(x, torch.FloatTensor), isinstance(x, torch.LongTensor), isinstance(x.long(), torch.LongTensor))
print(torch.FloatTensor, x.type(), x.type(torch.IntTensor), x.type(torch.DoubleTensor).dtype)
