"""Results of pure functions kept across the rebuilds of one `mkdocs serve` process.

`mkdocs serve` rebuilds the whole site after every saved change, in the same Python
process; most pages have not changed. A function decorated with
`remember_across_rebuilds` returns its earlier result when it is called again with
equal arguments (compared by a SHA-256 of their `repr`), so an unchanged page is not
split into search entries or given glossary tooltips again. Only for functions
whose result depends on their arguments alone and is not changed by the caller.
A single `mkdocs build` computes everything as before (each page once).

`COMPILED_TEMPLATES` does the same for Jinja templates (scripts/hooks/template_cache.py).
"""

from __future__ import annotations

import functools
import hashlib

import jinja2
import jinja2.bccache

#: Results kept per function; more than a build's worth (44 pages) and the oldest go first.
MAX_ENTRIES = 200


def remember_across_rebuilds(function):
    results: dict[str, object] = {}

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        key = hashlib.sha256(repr((args, sorted(kwargs.items()))).encode("utf-8")).hexdigest()
        if key in results:
            return results[key]
        result = function(*args, **kwargs)
        if len(results) >= MAX_ENTRIES:
            results.pop(next(iter(results)))
        results[key] = result
        return result

    wrapper.cache = results
    return wrapper


class CompiledTemplates(jinja2.BytecodeCache):
    """Jinja templates compiled once per `mkdocs serve` process instead of once per rebuild.

    Every rebuild makes new Jinja environments (the theme's and mkdocstrings'), which parse
    and compile every template again. Jinja keys a stored template by its name and checks
    the SHA-1 of its source before using it, so an edited template is compiled afresh.
    """

    def __init__(self):
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


#: One per process: the hooks are loaded afresh for each rebuild, this module is not.
COMPILED_TEMPLATES = CompiledTemplates()
