"""torch.save / torch.load: tensors, containers and state dicts come back equal, to a path or a file object."""

import io

import pytest

import minitorch as torch


def test_tensor_list_and_dict_round_trip_through_a_path(tmp_path):
    x, y = torch.arange(4), torch.zeros(4)
    torch.save(x, tmp_path / "x")
    torch.save([x, y], str(tmp_path / "xs"))
    torch.save({"x": x, "y": y}, tmp_path / "d")
    assert repr(torch.load(tmp_path / "x")) == "tensor([0, 1, 2, 3])"
    x2, y2 = torch.load(tmp_path / "xs")
    assert torch.equal(x2, x) and torch.equal(y2, y) and y2.dtype == torch.float32
    assert list(torch.load(tmp_path / "d", weights_only=True)) == ["x", "y"]


def test_model_and_optimizer_state_round_trip_through_a_buffer():
    torch.manual_seed(0)
    model = torch.nn.Linear(3, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    model(torch.ones(1, 3)).sum().backward()
    optimizer.step()
    buffer = io.BytesIO()
    torch.save({"model": model.state_dict(), "optim": optimizer.state_dict(), "epoch": 3}, buffer)
    buffer.seek(0)
    loaded = torch.load(buffer, map_location="cpu")
    clone = torch.nn.Linear(3, 2)
    clone.load_state_dict(loaded["model"])
    assert torch.equal(clone.weight, model.weight) and loaded["epoch"] == 3
    assert loaded["optim"]["state"][0]["momentum_buffer"].shape == (2, 3)


def test_a_saved_leaf_keeps_requires_grad_and_a_missing_file_raises(tmp_path):
    torch.save(torch.ones(2, requires_grad=True), tmp_path / "w")
    assert torch.load(tmp_path / "w").requires_grad
    with pytest.raises(FileNotFoundError):
        torch.load(tmp_path / "missing")
