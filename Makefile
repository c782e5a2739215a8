# Two commands on a fresh machine:  make run  (index corpus/ if needed, serve the chat)
#                                   make test (install everything, run the whole suite)
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install browser lint eval bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first and pinned: an unpinned torch pulls a multi-GB CUDA build
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/qa-bot serve

# chromium for the browser tests; npm to fetch axe-core for their accessibility checks
browser:
	@{ command -v chromium && command -v npm; } >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium npm >/dev/null; \
	  else echo "Installeer chromium en npm: sudo apt-get install -y chromium npm" >&2; exit 1; fi; }

test: $(STAMP) browser
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/qa-bot eval tests/eval/dev.jsonl --corpus tests/fixtures/eval_corpus
	$(BIN)/qa-bot eval tests/eval/questions.jsonl --corpus tests/fixtures/eval_corpus

clean:
	rm -rf $(VENV) index
