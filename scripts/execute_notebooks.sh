#!/usr/bin/env bash
# `make notebooks`: re-execute every notebook in place, so that the outputs stored in the repository
# (what GitHub, nbviewer and strict nbval see) are current. Stops at the first notebook that fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

shopt -s nullglob
notebooks=(notebooks/*.ipynb)
if [ ${#notebooks[@]} -eq 0 ]; then
    echo "make notebooks: no notebooks in notebooks/." >&2
    exit 1
fi
if ! .venv/bin/python -c 'import torch' 2>/dev/null; then
    echo "Note: torch is not installed in .venv, so the 'check with real PyTorch' cells will store" \
        "their no-torch note. To store PyTorch's outputs: .venv/bin/pip install torch==2.13.0" >&2
fi

# The same kernel settings as `make test`, so that the stored outputs are the ones nbval expects.
export IPYKERNEL_CELL_NAME="<IPY-INPUT>"
# record_timing=False keeps execution timestamps out of the cells' metadata (no noise in diffs).
.venv/bin/jupyter nbconvert --to notebook --execute --inplace \
    --ExecutePreprocessor.timeout=120 --ExecutePreprocessor.record_timing=False \
    "${notebooks[@]}"
