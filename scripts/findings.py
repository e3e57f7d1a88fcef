"""One finding of a check: where it is and what is wrong, printed as `path:line: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    """A problem found in a file.

    Attributes:
        path: the file, relative to the project root where possible.
        line: 1-based line number (0 when the problem concerns the whole file).
        message: what is wrong and what to do about it, in one line.
    """

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"
