"""Results of pure functions kept from one build to the next, in `.cache/build/` (git-ignored).

A clean `mkdocs build` turns mostly the same pages into the same search entries,
glossary tooltips, quiz fragments and API documentation as the build before. A
function whose result depends on its arguments and the course's code alone is
decorated with `remember`, and its results are kept:

- **in memory** for the life of the process: `mkdocs serve` rebuilds the whole
  site after every saved change, and an unchanged page is not processed again;
- **on disk**, one file per function (`.cache/build/<name>.pickle`), written
  after each build by scripts/hooks/build_cache.py, so the next build starts warm.

A result is found by a SHA-256 of the arguments' `repr`. A file holds the *code
version* it was written under: the text of every file in `scripts/` and the
versions of the packages that shape the output (`PACKAGES`). Any edit to the
course's code, or an upgrade, makes every stored result stale, and the build
computes afresh, as a first build does. A missing, unreadable or stale file is
an empty cache, never an error; `make clean` deletes the folder.

Results that depend on the site's list of pages (a quiz fragment's links, for
example) put `site_signature()` among their arguments; scripts/hooks/build_cache.py
sets it from the build's files. A result whose computation logged a warning is not
kept (`counting_warnings`), so the warning comes back in every build.

Jinja templates get the same treatment from Jinja's own `FileSystemBytecodeCache`
(`template_cache`): compiled once, reused while the template's text is unchanged.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import logging
import os
import pickle
import sys
import tempfile
from pathlib import Path

import jinja2

ROOT = Path(__file__).resolve().parent.parent
#: `BUILD_CACHE_DIR` puts it elsewhere (`make bench` times builds with an empty one).
CACHE_DIR = Path(os.environ.get("BUILD_CACHE_DIR") or ROOT / ".cache" / "build")
#: Distributions whose version is part of the code version (griffe is distributed as griffelib).
PACKAGES = ("mkdocs", "mkdocs-material", "mkdocs-quiz", "markdown", "pymdown-extensions", "mkdocstrings",
            "mkdocstrings-python", "mkdocs-autorefs", "griffelib", "jinja2", "jieba", "pyyaml")
#: Results kept per function: those used by the latest build, then older ones up to this many.
MAX_ENTRIES = 20_000


@functools.cache
def code_version() -> str:
    """SHA-256 of the text of scripts/**/*.py and scripts/data/*, the Python version and `PACKAGES`' versions."""
    digest = hashlib.sha256(sys.version.encode("utf-8"))
    for name in PACKAGES:
        try:
            version = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"\0{name}={version}".encode("utf-8"))
    scripts = ROOT / "scripts"
    for path in sorted([*scripts.rglob("*.py"), *(p for p in (scripts / "data").rglob("*") if p.is_file())]):
        if "__pycache__" in path.parts:
            continue
        digest.update(f"\0{path.relative_to(ROOT).as_posix()}\0".encode("utf-8"))
        digest.update(path.read_bytes())
    return digest.hexdigest()


class Store:
    """One function's results: loaded from disk on first use, written back by `save`."""

    def __init__(self, name: str, folder: Path | None = None):
        self.name = name
        self.folder = folder
        self.entries: dict[str, object] | None = None
        self.used: set[str] = set()
        self.added = False

    @property
    def path(self) -> Path:
        return (self.folder or CACHE_DIR) / f"{self.name}.pickle"

    def _load(self) -> dict[str, object]:
        if self.entries is None:
            self.entries = {}
            try:
                with self.path.open("rb") as f:
                    stored = pickle.load(f)
                if isinstance(stored, dict) and stored.get("version") == code_version():
                    self.entries = dict(stored["entries"])
            except Exception:  # noqa: BLE001 - a missing, partial or foreign file is an empty cache
                self.entries = {}
        return self.entries

    def get(self, key: str, default=None):
        entries = self._load()
        if key in entries:
            self.used.add(key)
            return entries[key]
        return default

    def __contains__(self, key: str) -> bool:
        return key in self._load()

    def put(self, key: str, value) -> None:
        self._load()[key] = value
        self.used.add(key)
        self.added = True

    def save(self) -> None:
        """Write the results used since the last save (then older ones, up to MAX_ENTRIES) if any is new."""
        if self.entries is None or not self.added:
            self.used.clear()
            return
        kept = {k: self.entries[k] for k in self.used if k in self.entries}
        for key, value in self.entries.items():
            if len(kept) >= MAX_ENTRIES:
                break
            kept.setdefault(key, value)
        self.entries = kept
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.name}-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump({"version": code_version(), "entries": kept}, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)  # another build writing at the same time: the last one wins, both are valid
        except OSError:
            Path(tmp).unlink(missing_ok=True)
        self.used.clear()
        self.added = False


STORES: dict[str, Store] = {}


def store(name: str) -> Store:
    if name not in STORES:
        STORES[name] = Store(name)
    return STORES[name]


def save_all() -> None:
    """Write every store that gained a result (called after each build)."""
    for s in STORES.values():
        s.save()


def key_of(*parts) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()


def remember(function):
    """Keep `function`'s results (see the module docstring). Only for a function whose result
    depends on its arguments and the course's code alone, and which the caller does not change."""
    results = store(f"{function.__module__}.{function.__qualname__}")

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        key = key_of(args, sorted(kwargs.items()))
        missing = object()
        result = results.get(key, missing)
        if result is missing:
            result = function(*args, **kwargs)
            results.put(key, result)
        return result

    return wrapper


#: The current build's pages and configuration (set_site).
_site_signature = ""


def set_site(files, config) -> None:
    """Record the build's pages (source path, URL) and the text of its configuration file(s)."""
    global _site_signature
    digest = hashlib.sha256()
    for file in files.documentation_pages():
        digest.update(f"{file.src_uri}\0{file.url}\n".encode("utf-8"))
    config_file = Path(config.config_file_path or "mkdocs.yml")
    for path in sorted({config_file, config_file.with_name("mkdocs.yml")}):
        if path.is_file():
            digest.update(b"\0" + path.read_bytes())
    _site_signature = digest.hexdigest()


def site_signature() -> str:
    """What a rendered fragment depends on besides its text and page: the pages, their URLs, the configuration."""
    if not _site_signature:
        raise RuntimeError("scripts.build_cache.set_site has not run: the build_cache hook must be in mkdocs.yml")
    return _site_signature


class counting_warnings(logging.Handler):
    """`with counting_warnings() as w:` counts the warnings logged meanwhile (MkDocs', its plugins' and griffe's).

    A result whose computation logged a warning (a broken link, say) is not kept, so the
    next build logs it again and `--strict` still fails.
    """

    LOGGERS = ("mkdocs", "griffe")

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1

    def __enter__(self):
        for name in self.LOGGERS:
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *exc):
        for name in self.LOGGERS:
            logging.getLogger(name).removeHandler(self)
        return False


@functools.cache
def template_cache(name: str) -> jinja2.BytecodeCache:
    """Jinja's compiled templates for one environment (`theme`, `mkdocstrings`), kept in .cache/build/jinja-<name>/.

    Jinja keys a template by its name and file and checks the SHA-1 of its text before using the stored code,
    so an edited template is compiled afresh.
    """
    folder = CACHE_DIR / f"jinja-{name}"
    folder.mkdir(parents=True, exist_ok=True)
    return jinja2.FileSystemBytecodeCache(str(folder))
