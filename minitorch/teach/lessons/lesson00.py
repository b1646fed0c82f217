"""Notebook 00 (start here): one prediction about the first graph."""

from minitorch.teach.quiz import Quiz

QUIZZES = {
    "00.1": Quiz(
        "`b = a * a` with `a = torch.tensor([2., 3.], requires_grad=True)`, and `loss = b.sum()`. "
        "`MulBackward0` multiplies the incoming gradient by each saved factor, and `AccumulateGrad` adds "
        "what reaches `a`. Predict: what will `print(a.grad)` show after `loss.backward()`?",
        ["`tensor([2., 3.])`", "`tensor([4., 6.])`", "`tensor([4., 9.])`", "`None`"],
        answer="`tensor([4., 6.])`",
        explanation="`MulBackward0` saved `a` twice (as `self` and as `other`). Each factor's gradient is "
        "the other factor, so `a` receives `a` twice, and `AccumulateGrad` adds them: `2 * a = [4., 6.]`.",
        code="import torch\na = torch.tensor([2., 3.], requires_grad=True)\n(a * a).sum().backward()\nprint(a.grad)",
        prints="tensor([4., 6.])\n",
    ),
}

EXERCISES = ()
