"""Diagrams: static SVG made from the ```mermaid fences of the Markdown.

The fence stays the one source of a diagram. `make diagrams` (`python -m scripts diagrams`,
[`scripts.diagrams.render`][scripts.diagrams.render]) draws each fence once with the pinned
mermaid in Debian Chromium, cleans the SVG ([`scripts.diagrams.svg`][scripts.diagrams.svg])
and stores it in `scripts/data/diagrams/<key>.svg`, where the key is a hash of the fence's text,
the mermaid version and the drawing settings ([`scripts.diagrams.source`][scripts.diagrams.source]).
The build (`scripts/hooks/diagrams.py`) only reads that folder: it puts each stored SVG inline in
its page, so readers download no diagram script and `make serve` needs no Chromium. A fence
whose SVG is missing (new or edited fence, other mermaid version) fails `make check` and the
strict build with `path:line: 图表未生成或已过期：运行 make diagrams` (`scripts/checks/diagrams.py`).
"""
