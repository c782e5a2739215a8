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
# (only what is missing: an npm that came with another Node.js conflicts with Debian's npm package)
browser:
	@missing="$$(for tool in chromium npm; do command -v $$tool >/dev/null 2>&1 || printf '%s ' $$tool; done)"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Installeer $$missing: sudo apt-get install -y $$missing" >&2; exit 1; fi; fi

test: $(STAMP) browser
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy src
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/qa-bot eval tests/eval/dev.jsonl --corpus tests/fixtures/eval_corpus
	$(BIN)/qa-bot eval tests/eval/questions.jsonl --corpus tests/fixtures/eval_corpus

clean:
	rm -rf $(VENV) index
