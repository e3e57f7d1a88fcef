"""One change to Material's page script (`assets/javascripts/bundle.<hash>.min.js`): loading a
page no longer restyles the whole page twice for the colour palette.

Material's palette component, on every page load, puts `data-md-color-switching` on
`<body>` while it applies the reader's palette, reads a computed style, and takes the
attribute off again a moment later. Its stylesheet has
`[data-md-color-switching] * { transition-duration: 0s !important }` (no colour fades
during a switch), so each of the two attribute changes makes the browser recompute the
style of every element of the page: on a module page with diagrams and quizzes, two of
the longest main-thread stretches Lighthouse counts on a phone. At load the palette is
nearly always the one the page already shows (Material's inline script in `<body>`
applied the stored palette before the first paint), so nothing needs to be switched.

The patched script sets the attribute only when the palette it applies differs from the
one `<body>` shows (scheme, primary or accent colour), or when it follows the system
setting (`(prefers-color-scheme)`, whose colours Material looks up after this point). A
reader's switch with the toggle changes the scheme, so it is still made without fades;
taking off an attribute that was not set changes nothing.

The replacement must find its exact text in the bundle the expected number of times, or
the build fails (`MaterialBundlePatchError`): a Material upgrade is looked at, not
silently left unpatched or broken. `scripts/hooks/material_bundle.py` applies it to the
built site.
"""

from __future__ import annotations

from pathlib import Path

from scripts.upstream_text import mismatch

#: Where Material's page script is in a built site (one file; the hash changes with Material).
BUNDLE_GLOB = "assets/javascripts/bundle.*.min.js"
_SWITCHING = 'document.body.setAttribute("data-md-color-switching","")'
_PALETTE_CHANGES = (
    '(document.body.getAttribute("data-md-color-scheme")!==s.color.scheme'
    '||document.body.getAttribute("data-md-color-primary")!==s.color.primary'
    '||document.body.getAttribute("data-md-color-accent")!==s.color.accent'
    '||s.color.media==="(prefers-color-scheme)")'
)
#: Marker proving a bundle has been patched.
PATCHED_MARKER = "/*course:switching-only-on-change*/"
#: (what Material 9.8.2's bundle contains, what it becomes, how many times it occurs)
PATCHES: list[tuple[str, str, int]] = [
    (
        f"return i.subscribe(s=>{{if({_SWITCHING},s.color.media===",
        f"return i.subscribe(s=>{{if({PATCHED_MARKER}{_PALETTE_CHANGES}&&{_SWITCHING},s.color.media===",
        1,
    ),
]


class MaterialBundlePatchError(RuntimeError):
    """Material's bundle no longer contains a text the course patches."""


def patch_bundle(js: str) -> str:
    """Apply PATCHES to the bundle's text (unchanged if already patched)."""
    if PATCHED_MARKER in js:
        return js
    problem = mismatch(js, [(old, count) for old, _, count in PATCHES], "Material 的页面脚本 bundle ",
                       "scripts/material_bundle.py")
    if problem:
        raise MaterialBundlePatchError(problem)
    for old, new, _ in PATCHES:
        js = js.replace(old, new)
    return js


def patch_site(site: Path) -> Path:
    """Patch the bundle of the site built in `site`; the bundle's path."""
    bundles = sorted(site.glob(BUNDLE_GLOB))
    if len(bundles) != 1:
        raise MaterialBundlePatchError(f"{site}/{BUNDLE_GLOB} 应恰有 1 个文件，实际 {len(bundles)} 个")
    path = bundles[0]
    text = path.read_text(encoding="utf-8")
    patched = patch_bundle(text)
    if patched != text:
        path.write_text(patched, encoding="utf-8")
    return path
