"""Checker for report drafts (`python -m scripts report-check FILE`): required content, 条例 citations, wording."""
