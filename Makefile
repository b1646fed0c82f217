# minitorch notebooks: set-up, JupyterLab, tests.   `make help` lists the targets.
#
# Variables: PYTHON  the interpreter that creates .venv (default python3, must be >= 3.10)
#            EXTRAS  extras of pyproject.toml to install (default test; CI uses test,parity,browser)
#            PYTEST_ARGS, LAB_ARGS  passed on to pytest / jupyter lab

PYTHON ?= python3
EXTRAS ?= test
PYTEST_ARGS ?=
LAB_ARGS ?=

VENV := .venv
SETUP = PYTHON="$(PYTHON)" bash scripts/setup.sh
# Serve the whole repository (notebooks may show ../assets/ images) and open the first notebook.
START_URL := /lab/tree/notebooks/$(if $(wildcard notebooks/00_start_here.ipynb),00_start_here.ipynb)
# JupyterLab refuses to start as root without --allow-root.
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)

.DEFAULT_GOAL := help
.PHONY: help setup lab test browser notebooks bench fuzz fuzz2 clean distclean

help:
	@echo "make lab        set up (first run only) and open JupyterLab on the notebooks"
	@echo "make test       set up, then run every test: unit, parity, browser, notebooks (strict nbval), ruff"
	@echo "make browser    run only the browser tests (marker browser; tests/browser is marked so)"
	@echo "make notebooks  re-execute every notebook in place so the stored outputs are current"
	@echo "make bench      run the benchmarks (writes benchmarks/results.md)"
	@echo "make fuzz       compare FUZZ_PROGRAMS (default 20000) random memory-sharing programs with torch;"
	@echo "                in both modes; FUZZ_SEED moves the first seed, FUZZ_ENGINE=0 or 1 runs one mode (1: hooks, .grad assignments, backward twice)"
	@echo "make fuzz2      compare FUZZ2_PROGRAMS (default 20000) random programs over the whole API with torch;"
	@echo "                FUZZ2_SEED moves the first seed"
	@echo "make clean      remove caches and build files; make distclean also removes .venv"

setup:
	@$(SETUP) $(EXTRAS)

# The series' own notebooks are marked trusted, so their saved outputs show as they were stored.
lab: setup
	@$(VENV)/bin/jupyter trust notebooks/*.ipynb >/dev/null
	$(VENV)/bin/jupyter lab $(ALLOW_ROOT) --ServerApp.root_dir=. --LabApp.default_url=$(START_URL) $(LAB_ARGS)

test: setup
	@bash scripts/test.sh $(PYTEST_ARGS)

browser:
	@$(SETUP) $(EXTRAS),browser
	$(VENV)/bin/python -m pytest -m browser tests $(PYTEST_ARGS)

notebooks: setup
	@bash scripts/execute_notebooks.sh

bench:
	@$(SETUP) $(EXTRAS),parity,bench
	$(VENV)/bin/python benchmarks/run.py

FUZZ_PROGRAMS ?= 20000
FUZZ_SEED ?= 1000
FUZZ_ENGINE ?=

fuzz:
	@$(SETUP) $(EXTRAS),parity
	MINITORCH_FUZZ_PROGRAMS=$(FUZZ_PROGRAMS) MINITORCH_FUZZ_SEED=$(FUZZ_SEED) MINITORCH_FUZZ_ENGINE=$(FUZZ_ENGINE) \
		$(VENV)/bin/python -m pytest tests/parity/test_alias_programs.py -q $(PYTEST_ARGS)

FUZZ2_PROGRAMS ?= 20000
FUZZ2_SEED ?= 100000

fuzz2:
	@$(SETUP) $(EXTRAS),parity
	MINITORCH_FUZZ2_PROGRAMS=$(FUZZ2_PROGRAMS) MINITORCH_FUZZ2_SEED=$(FUZZ2_SEED) \
		$(VENV)/bin/python -m pytest tests/parity/test_breadth_programs.py -q $(PYTEST_ARGS)

clean:
	rm -rf .pytest_cache .ruff_cache .hypothesis build dist *.egg-info
	find . -path ./$(VENV) -prune -o \( -name __pycache__ -o -name .ipynb_checkpoints \) -type d -print \
		| xargs rm -rf

distclean: clean
	rm -rf $(VENV)
