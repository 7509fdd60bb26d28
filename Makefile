# SAT Tool — everyday commands. Each target creates .venv and installs the project first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test soak lint bench clean screenshots translations

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

## run: open the desktop application
run: $(STAMP)
	$(BIN)/sat-tool

## test: lint, check the layer contracts, then run the whole suite offscreen
test: $(STAMP)
	$(BIN)/ruff check --quiet sat_tool tests main.py
	$(BIN)/lint-imports --no-cache
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

## soak: the long run of the several-processes tests (500 kills, a 60-second live session)
soak: $(STAMP)
	SAT_TOOL_SOAK_KILLS=500 SAT_TOOL_LIVE_SECONDS=60 QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest -q -s tests/test_soak.py tests/test_live.py

## bench: every speed and memory figure against its floor, side by side; writes docs/benchmarks.md
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen tests/with-postgres $(BIN)/python -m tests.bench.run

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache

## screenshots: the README's pictures, made from the offscreen application with the sample open
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m sat_tool.ui.screenshots docs/screenshots

## translations: refresh the catalogue source of every string a person reads (resources/translations)
translations: $(STAMP)
	$(BIN)/pyside6-lupdate sat_tool/ui/*.py sat_tool/domain/*.py sat_tool/services/*.py \
		sat_tool/formats/*.py sat_tool/report/*.py sat_tool/errors.py -ts resources/translations/sat-tool.ts -no-obsolete
