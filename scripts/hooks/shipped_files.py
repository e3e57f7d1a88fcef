"""The release holds only files a page uses: theme files no page loads are left out.

Material copies its whole theme folder into every build. The course does not use:

* the lunr search files (`assets/javascripts/lunr/`, 30-odd language files) and
  Material's search worker (`assets/javascripts/workers/search.*.min.js`): every page's
  configuration points search at the course's own worker instead
  (`assets/javascripts/course-search.js`, see `scripts/hooks/search.py`);
* JavaScript and CSS source maps (`*.map`, 1.3 MB): only a browser's developer tools
  read them, never a page. The bundles keep their last `sourceMappingURL` line (the page
  script's one change is `scripts/material_bundle.py`);
* Material's default icon (`assets/images/favicon.png`): the course's is `assets/favicon.svg`.

Each is dropped from MkDocs' file list before the build copies it. `tests/test_build.py`
checks that none of them is in the built site and that every file a page loads is.
"""

from __future__ import annotations

#: path prefix in the built site -> why no page loads it
UNUSED_THEME_FILES = {
    "assets/javascripts/lunr/": "Material 的 lunr 分词和语言文件：课程用自己的搜索 worker",
    "assets/javascripts/workers/search.": "Material 的搜索 worker：每页的配置已改指 course-search.js",
    "assets/images/favicon.png": "Material 的默认图标：课程用 assets/favicon.svg",
}


def is_unused(path: str) -> bool:
    """True for a built-site path that no page of the course loads."""
    return path.endswith(".map") or path.startswith(tuple(UNUSED_THEME_FILES))


def on_files(files, config):
    for file in [f for f in files if is_unused(f.dest_uri)]:
        files.remove(file)
    return files
