#!/usr/bin/env bash
# `make test` after set-up: ruff, then one pytest run over the unit, parity and browser tests and every
# notebook (strict nbval). Exits non-zero if either fails, or if pytest found no tests at all.
# Arguments are passed on to pytest. pytest's last lines say what ran and, one line per reason, what
# skipped and how to run it.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# Warnings raised in notebook cells then name "<IPY-INPUT>", not a random temporary file.
export IPYKERNEL_CELL_NAME="<IPY-INPUT>"
# numpy's OpenBLAS picks its kernels for the CPU, and another kernel may round a last bit differently.
# The stored outputs (notebooks, snippets) must not depend on it, so on x86-64 the tests run with the
# oldest kernel, Prescott, which is rarely the one that stored them: an output that depends on the
# kernel fails here, on any machine. Set OPENBLAS_CORETYPE yourself to try another (e.g. Haswell).
if [ -z "${OPENBLAS_CORETYPE:-}" ] && [ "$(uname -m)" = x86_64 ]; then
    export OPENBLAS_CORETYPE=Prescott
fi

echo "ruff check:"
.venv/bin/python -m ruff check .
ruff_status=$?

paths=(tests)
[ -d notebooks ] && paths+=(notebooks)
.venv/bin/python -m pytest \
    --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg --nbval-cell-timeout 120 \
    --continue-on-collection-errors \
    "${paths[@]}" "$@"
pytest_status=$?
if [ "$pytest_status" -eq 5 ]; then
    echo "make test: pytest collected no tests, which counts as a failure." >&2
fi

if [ "$pytest_status" -ne 0 ] || [ "$ruff_status" -ne 0 ]; then
    echo "make test: FAILED (pytest exit code $pytest_status, ruff exit code $ruff_status)" >&2
    exit 1
fi
