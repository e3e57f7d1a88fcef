"""The Chromium every command and test drives: Debian's package, started so that it calls no host itself."""

CHROMIUM = "/usr/bin/chromium"
#: Flags that keep Chromium itself from calling home (component updates, sync …),
#: so every request seen comes from the page.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
]
