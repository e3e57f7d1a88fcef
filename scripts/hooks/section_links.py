"""The law texts' ¶ section links are labelled with `aria-label` instead of `title`.

The full text has a ¶ link on each of its 57 headings (chapters and articles); a
tooltip on each (docs/assets/course.js shows one for every titled element in the
content) would only repeat 本节链接 next to every article. `aria-label` keeps the link's
name for screen readers. Other pages keep the tooltip. The law pages are the ones whose
front matter names a `law:`.
"""

from __future__ import annotations

import re

#: The ¶ link Python-Markdown's toc extension writes (permalink_title in mkdocs.yml).
SECTION_LINK_RE = re.compile(r'(<a class="headerlink" href="[^"]*") title="([^"]*)"')


def on_page_content(html, page, config, files):
    if not page.meta.get("law"):
        return html
    return SECTION_LINK_RE.sub(r'\1 aria-label="\2"', html)
