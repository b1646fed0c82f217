"""torch.optim.lr_scheduler against real torch: the learning rates epoch by epoch, get_last_lr, state_dict,
two schedulers chained on one optimizer, and the warning when the scheduler steps before the optimizer."""

import warnings

import pytest

import minitorch

pytestmark = pytest.mark.parity

SCHEDULERS = {
    "StepLR": lambda s, opt: s.StepLR(opt, step_size=3, gamma=0.5),
    "MultiStepLR": lambda s, opt: s.MultiStepLR(opt, milestones=[2, 5, 5], gamma=0.1),
    "ExponentialLR": lambda s, opt: s.ExponentialLR(opt, gamma=0.9),
    "LambdaLR": lambda s, opt: s.LambdaLR(opt, lambda epoch: 0.95 ** epoch),
    "CosineAnnealingLR": lambda s, opt: s.CosineAnnealingLR(opt, T_max=4, eta_min=0.001),
}


def _trajectory(lib, make, chained=False):
    model = lib.nn.Linear(2, 1)
    optimizer = lib.optim.SGD([{"params": [model.weight]}, {"params": [model.bias], "lr": 0.3}], lr=0.1)
    schedulers = [make(lib.optim.lr_scheduler, optimizer)]
    if chained:
        schedulers.append(lib.optim.lr_scheduler.ExponentialLR(optimizer, gamma=0.5))
    lrs = []
    for _ in range(11):
        optimizer.step()
        for scheduler in schedulers:
            scheduler.step()
        lrs.append((schedulers[0].get_last_lr(), [g["lr"] for g in optimizer.param_groups]))
    state = schedulers[0].state_dict()
    return lrs, sorted(state), state["last_epoch"], state["_step_count"], state["base_lrs"]


@pytest.mark.parametrize("name", sorted(SCHEDULERS))
@pytest.mark.parametrize("chained", [False, True])
def test_learning_rates_epoch_by_epoch(torch, name, chained):
    assert _trajectory(minitorch, SCHEDULERS[name], chained) == _trajectory(torch, SCHEDULERS[name], chained)


def _warnings(lib):
    optimizer = lib.optim.SGD(lib.nn.Linear(2, 1).parameters(), lr=0.1)
    scheduler = lib.optim.lr_scheduler.StepLR(optimizer, 2)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        scheduler.step()
        scheduler.get_lr()
    return [str(w.message) for w in caught], list(scheduler.state_dict())


def test_step_before_optimizer_and_get_lr_warn(torch):
    assert _warnings(minitorch) == _warnings(torch)


def test_not_an_optimizer(torch):
    def error(lib):
        with pytest.raises(TypeError) as info:
            lib.optim.lr_scheduler.StepLR(object(), 2)
        return str(info.value)

    assert error(minitorch) == error(torch)
