"""Helpers shared by the tests: building the site, serving it with nginx, driving Chromium."""
