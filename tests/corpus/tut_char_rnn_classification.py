# Mirrors: PyTorch tutorials, NLP From Scratch, "Classifying Names with a Character-Level RNN" (https://pytorch.org/tutorials/intermediate/char_rnn_classification_tutorial.html), on a dozen inline names instead of the data files, a few batches
import string
import unicodedata

import torch
import torch.nn as nn

torch.manual_seed(2024)

# We can use "_" to represent an out-of-vocabulary character, that is, any character we are not handling in our model
allowed_characters = string.ascii_letters + " .,;'" + "_"
n_letters = len(allowed_characters)


# Turn a Unicode string to plain ASCII, thanks to https://stackoverflow.com/a/518232/2809427
def unicodeToAscii(s):
    return ''.join(
        c for c in unicodedata.normalize('NFD', s)
        if unicodedata.category(c) != 'Mn'
        and c in allowed_characters
    )


print(f"converting 'Ślusàrski' to {unicodeToAscii('Ślusàrski')}")


# Find letter index from all_letters, e.g. "a" = 0
def letterToIndex(letter):
    # return our out-of-vocabulary character if we encounter a letter unknown to our model
    if letter not in allowed_characters:
        return allowed_characters.find("_")
    else:
        return allowed_characters.find(letter)


# Turn a line into a <line_length x 1 x n_letters>,
# or an array of one-hot letter vectors
def lineToTensor(line):
    tensor = torch.zeros(len(line), 1, n_letters)
    for li, letter in enumerate(line):
        tensor[li][0][letterToIndex(letter)] = 1
    return tensor


print(f"The letter 'a' becomes {lineToTensor('a')}")  # notice that the first position in the tensor = 1
print(f"The name 'Ahn' becomes {lineToTensor('Ahn').shape}")

names = [("Nguyen", "Vietnamese"), ("Tran", "Vietnamese"), ("Pham", "Vietnamese"), ("Schmidt", "German"),
         ("Mueller", "German"), ("Fischer", "German"), ("Rossi", "Italian"), ("Bianchi", "Italian"),
         ("Romano", "Italian"), ("Tanaka", "Japanese"), ("Suzuki", "Japanese"), ("Yamamoto", "Japanese")]
labels_uniq = sorted({label for _, label in names})


class CharRNN(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super().__init__()

        self.rnn = nn.RNN(input_size, hidden_size)
        self.h2o = nn.Linear(hidden_size, output_size)
        self.softmax = nn.LogSoftmax(dim=1)

    def forward(self, line_tensor):
        rnn_out, hidden = self.rnn(line_tensor)
        output = self.h2o(hidden[0])
        output = self.softmax(output)

        return output


n_hidden = 128
rnn = CharRNN(n_letters, n_hidden, len(labels_uniq))
print(rnn)


def label_from_output(output, output_labels):
    top_n, top_i = output.topk(1)
    label_i = top_i[0].item()
    return output_labels[label_i], label_i


input = lineToTensor('Albert')
output = rnn(input)  # this is equivalent to ``output = rnn.forward(input)``
print(output)
print(label_from_output(output, labels_uniq))

criterion = nn.NLLLoss()
optimizer = torch.optim.SGD(rnn.parameters(), lr=0.15)
rnn.train()
for epoch in range(1, 6):
    rnn.zero_grad()  # clear the gradients
    batches = list(range(len(names)))
    batches = [batches[i::3] for i in range(3)]
    for batch in batches:
        batch_loss = 0
        for i in batch:  # for each example in this batch
            name, label = names[i]
            label_tensor = torch.tensor([labels_uniq.index(label)], dtype=torch.long)
            output = rnn(lineToTensor(name))
            loss = criterion(output, label_tensor)
            batch_loss += loss

        # optimize parameters
        batch_loss.backward()
        nn.utils.clip_grad_norm_(rnn.parameters(), 3)
        optimizer.step()
        optimizer.zero_grad()
    print(f"{epoch} loss {batch_loss.item() / len(batch):.4f}")

rnn.eval()
with torch.no_grad():
    for name in ["Tanaka", "Fischer", "Pham", "Rossini"]:
        print(name, label_from_output(rnn(lineToTensor(name)), labels_uniq))
print(output.grad_fn, output.grad_fn.next_functions[0][0])
