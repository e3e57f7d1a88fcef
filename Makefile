# 《信访工作条例》与信访工作法治化培训课程
#   make serve   set up and preview the site at http://127.0.0.1:8000
#   make test    set up and run every check and test (browser tests included)
# Both do their own set-up on a fresh Debian machine with Python 3.11 and make.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve build check test bench qti slides handbook diagrams clean

setup: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || \
	  { echo "需要 Python 3.11：请先运行 sudo apt-get install -y python3.11 python3.11-venv"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	bash scripts/ensure-system-packages.sh setup
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# A full rebuild per saved change, not --dirty: MkDocs warns on every dirty build (which
# --strict turns into a failed build) and a dirty build's search index, bank data and
# anchor checks would cover only the changed pages. Rebuilds are kept fast by results
# kept from build to build instead (scripts/build_cache.py, in .cache/build/).
serve: setup
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict

check: setup
	$(BIN)/python -m scripts check

test: setup
	bash scripts/ensure-system-packages.sh test
	@$(BIN)/python -m pytest; rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest 没有收集到任何测试：测试目录或配置有误"; fi; \
	  exit $$rc

qti: setup
	$(BIN)/python -m scripts qti

# Draws each ```mermaid fence without a stored SVG (Chromium needed); commit scripts/data/diagrams/.
diagrams: setup
	$(BIN)/python -m scripts diagrams

# make bench BENCH_ARGS=--no-lighthouse   (also --no-serve, --no-search, --no-self-check, --runs N)
bench: setup
	$(BIN)/python -m scripts.bench $(BENCH_ARGS)

# Teaching materials into build/teaching/ (both use Chromium; the next build or dist puts them in the site).
slides: setup
	$(BIN)/python -m scripts slides

handbook: setup
	$(BIN)/python -m scripts handbook

# Publishing (see docs/maintainer/publishing.md). SITE_URL: the host's address with the
# sub-path, e.g. SITE_URL=http://intranet-web/xinfang/. The host's folder is DEST, not
# PATH: a make variable named PATH would replace the shell's search path.
#   make dist                     slides + handbook, build --strict, check, pack dist/*.tar.gz + SHA256SUMS + manifest.json
#   make offline                  site-offline/ (open index.html from disk) and dist/*-offline.zip
#   make deploy HOST=user@host DEST=/srv/xinfang   (or TARGET=/local/dir; DRY_RUN=1; KEEP=5; RELOAD='sudo systemctl reload nginx')
#   make rollback HOST=user@host DEST=/srv/xinfang (or TARGET=/local/dir; TO=<version>)
.PHONY: dist offline deploy rollback
DEPLOY_WHERE = $(if $(TARGET),--target '$(TARGET)',--host '$(HOST)' --path '$(DEST)')
DEPLOY_OPTS = $(if $(DRY_RUN),--dry-run) $(if $(RELOAD),--reload-cmd '$(RELOAD)')

# dist makes the slides and the 学员手册 afresh first, so the release carries them as the
# content now stands (both need Chromium; `make test` installs it).
dist: setup slides handbook
	$(BIN)/python -m scripts dist $(if $(SITE_URL),--site-url '$(SITE_URL)')

offline: setup
	$(BIN)/python -m scripts.publish.offline

deploy: setup
	$(BIN)/python -m scripts deploy $(DEPLOY_WHERE) $(DEPLOY_OPTS) $(if $(KEEP),--keep $(KEEP))

rollback: setup
	$(BIN)/python -m scripts rollback $(DEPLOY_WHERE) $(DEPLOY_OPTS) $(if $(TO),--to '$(TO)')

clean:
	rm -rf site site-offline dist build .cache/build
