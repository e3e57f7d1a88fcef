"""MkDocs hooks of the course (listed under `hooks:` in mkdocs.yml)."""
