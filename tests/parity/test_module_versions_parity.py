"""Each module's parameters and buffers carry torch's versions: a starting value written in place counts one
(``reset_parameters``), a training step of batch norm counts one on ``num_batches_tracked`` only (its kernel
writes the running statistics directly), as in torch 2.13."""

import pytest

PROGRAM = """
torch.manual_seed(0)
modules = [torch.nn.Linear(2, 3), torch.nn.Conv2d(1, 2, 3), torch.nn.Conv1d(1, 2, 3), torch.nn.BatchNorm1d(3),
           torch.nn.BatchNorm2d(2, affine=False), torch.nn.BatchNorm1d(3, track_running_stats=False),
           torch.nn.LayerNorm(3), torch.nn.GroupNorm(1, 2), torch.nn.Embedding(4, 2), torch.nn.RNN(2, 3),
           torch.nn.LSTM(2, 2), torch.nn.GRU(2, 2), torch.nn.Bilinear(2, 2, 3), torch.nn.PReLU(3)]
result = [{name: value._version for name, value in m.state_dict(keep_vars=True).items()} for m in modules]
bn = torch.nn.BatchNorm1d(3)
for training in (True, False):
    bn.train(training)
    bn(torch.randn(4, 3))
    result.append({name: value._version for name, value in bn.state_dict(keep_vars=True).items()})
mean, var = torch.zeros(3), torch.ones(3)
torch.nn.functional.batch_norm(torch.randn(4, 3), mean, var, training=True)
bn.reset_parameters()
result += [mean._version, var._version, mean.tolist() != [0.0] * 3,
           {name: value._version for name, value in bn.state_dict(keep_vars=True).items()}]
"""


@pytest.mark.parity
def test_versions_of_parameters_and_buffers_as_in_torch(torch):
    """Versions after construction, after training and eval steps, and after ``reset_parameters``."""
    import minitorch

    outcomes = []
    for module in (minitorch, torch):
        namespace = {"torch": module}
        exec(PROGRAM, namespace)
        outcomes.append(namespace["result"])
    assert outcomes[0] == outcomes[1]
