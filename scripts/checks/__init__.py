"""The content checks. Each module checks one thing and returns a list of
[`Finding`][scripts.findings.Finding]; [`runner`][scripts.checks.runner] runs them all."""
