# From Shelf to Feed: two commands.
#   make lab    set up (first time only) and open the course in JupyterLab
#   make test   set up, then check everything: lint, unit tests, every notebook, the browser test
# Windows without make: see README.md, "Without make".

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
LAB_STAMP  := $(VENV)/.installed-lab
TEST_STAMP := $(VENV)/.installed-test
PYTEST_ARGS ?=

.PHONY: lab test lint format slides bench check clean help browser-deps

help:
	@echo "make lab      open the course in JupyterLab (sets everything up the first time)"
	@echo "make test     run every check: lint, unit tests, notebooks, browser"
	@echo "make lint     ruff and notebook hygiene only"
	@echo "make format   let ruff fix what it can"
	@echo "make slides   build a reveal.js slide deck per chapter into slides/"
	@echo "make bench    run the benchmarks and print their figures"
	@echo "make check    check this machine is ready for a workshop"
	@echo "make clean    remove the virtual environment and build files"

$(PY):
	@bash scripts/make_venv.sh "$(PYTHON)" "$(VENV)"

# Reinstall only when pyproject.toml is newer than the stamp.
$(LAB_STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --disable-pip-version-check -q --upgrade pip
	$(PY) -m pip install --disable-pip-version-check -q -e .
	@touch $@

$(TEST_STAMP): pyproject.toml $(LAB_STAMP)
	$(PY) -m pip install --disable-pip-version-check -q -e '.[test]'
	@touch $@

lab: $(LAB_STAMP)
	$(VENV)/bin/jupyter lab --ip=127.0.0.1 --ServerApp.root_dir=. \
		--LabApp.default_url=/lab/tree/notebooks/00_welcome.ipynb \
		$(if $(filter 0,$(shell id -u)),--allow-root,)

browser-deps:
	@bash scripts/ensure_chromium.sh

lint: $(TEST_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) scripts/strip_outputs.py --check

format: $(TEST_STAMP)
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

test: $(TEST_STAMP) browser-deps lint
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(TEST_STAMP)
	$(PY) benchmarks/run.py

check: $(LAB_STAMP)
	$(PY) -m course.check

slides: $(TEST_STAMP)
	$(PY) -m course.slides slides

clean:
	rm -rf $(VENV) build dist *.egg-info slides
