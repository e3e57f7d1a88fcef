"""Teaching materials generated from the course sources: slides (`make slides`) and the
printed 学员手册 (`make handbook`). Both read the built site through Chromium, so what they
show is what a reader of the site sees; the Markdown and the bank stay the only sources.

Output goes to `build/teaching/` (never into docs/); the hook `scripts/hooks/teaching_downloads.py`
adds what is there to the site as 教员 → 课件与学员手册 downloads.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: Where `make slides` and `make handbook` write.
OUTPUT = ROOT / "build" / "teaching"
