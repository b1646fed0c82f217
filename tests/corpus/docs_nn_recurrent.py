# Mirrors: PyTorch docs, "nn.RNN", "nn.LSTM", "nn.GRU", "nn.RNNCell", "nn.LSTMCell", "nn.GRUCell" examples (https://pytorch.org/docs/stable/generated/torch.nn.LSTM.html)
import torch
import torch.nn as nn

torch.manual_seed(0)
rnn = nn.RNN(10, 20, 2)
input = torch.randn(5, 3, 10)
h0 = torch.randn(2, 3, 20)
output, hn = rnn(input, h0)
print(rnn, output.shape, hn.shape, output.grad_fn, hn.grad_fn)
print(output[-1, 0, :5], hn[0, 0, :5])

rnn = nn.LSTM(10, 20, 2)
input = torch.randn(5, 3, 10)
h0 = torch.randn(2, 3, 20)
c0 = torch.randn(2, 3, 20)
output, (hn, cn) = rnn(input, (h0, c0))
print(rnn, output.shape, hn.shape, cn.shape)
print(output[-1, 0, :5], cn[1, 2, :5])
print([name for name, _ in rnn.named_parameters()])

rnn = nn.GRU(10, 20, 2)
input = torch.randn(5, 3, 10)
h0 = torch.randn(2, 3, 20)
output, hn = rnn(input, h0)
print(rnn, output.shape, hn.shape, output.grad_fn)
print(output[2, 1, :5])

rnn = nn.LSTM(10, 20, batch_first=True, bidirectional=True, proj_size=5)
output, (hn, cn) = rnn(torch.randn(3, 5, 10))
print(rnn, output.shape, hn.shape, cn.shape, output.grad_fn)
print(rnn.weight_hr_l0_reverse.shape)

rnn = nn.RNNCell(10, 20)
input = torch.randn(6, 3, 10)
hx = torch.randn(3, 20)
output = []
for i in range(6):
    hx = rnn(input[i], hx)
    output.append(hx)
print(rnn, len(output), hx.shape, hx.grad_fn)
print(hx[0, :5])

rnn = nn.LSTMCell(10, 20)  # (input_size, hidden_size)
input = torch.randn(2, 3, 10)  # (time_steps, batch, input_size)
hx = torch.randn(3, 20)  # (batch, hidden_size)
cx = torch.randn(3, 20)
output = []
for i in range(input.size()[0]):
    hx, cx = rnn(input[i], (hx, cx))
    output.append(hx)
output = torch.stack(output, dim=0)
print(rnn, output.shape, cx.grad_fn)
print(output[1, 2, :5])

rnn = nn.GRUCell(10, 20)
input = torch.randn(6, 3, 10)
hx = torch.randn(3, 20)
output = []
for i in range(6):
    hx = rnn(input[i], hx)
    output.append(hx)
print(rnn, hx.grad_fn)
print(hx[2, :5])

loss = hx.pow(2).mean()
loss.backward()
print(rnn.weight_hh.grad.shape, rnn.bias_ih.grad[:5])
