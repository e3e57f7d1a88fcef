"""Mermaid's SVG made fit for the course's pages.

What mermaid writes, and what is kept:

* its `<style>` element (per-diagram CSS with fixed colours) goes: the Content-Security-Policy
  allows no inline style, and the page's stylesheet (`docs/assets/course.css`, "Diagrams")
  colours every diagram for the light and the dark scheme and for print;
* `style="…"` attributes go; the declarations SVG also knows as presentation attributes
  (`stroke-width`, `stroke-dasharray`, `stroke` …) become those attributes, which CSP does
  not govern;
* the ids start with `diagram-<key>`, so several diagrams on one page never share an id;
* markers, filters and gradients nothing refers to, `data-*` attributes and mermaid's own
  ARIA roles go (the page gives the SVG `role="img"`, a `<title>` and a `<desc>`);
* the root keeps `viewBox` and its natural `width`/`height`: the stylesheet scales it
  down to the column (`max-width: 100%`), never up;
* what mermaid's stylesheet did for the layout is kept as attributes, so the SVG reads right
  on its own: the font (the course's CJK stack, 16 px, in which mermaid measured the labels)
  on the root, and labels centred on their box (`text-anchor="middle"`);
* numbers keep at most two decimals;
* nothing that draws nothing: the page styles and lays out every element of an inline SVG
  each time it restyles, so elements that cannot show take a phone's time for nothing.
  Gone are the empty edge labels (mermaid writes a label group, a `<text>` and a
  `<tspan>` for every edge, with or without words), rectangles without a size (the label
  backgrounds mermaid sizes only in its own stylesheet), attribute-less `<g>` wrappers
  (their children move up) and groups left empty; a label line's two nested `<tspan>`
  become one.
"""

from __future__ import annotations

import re

from lxml import etree

from scripts.diagrams.source import FONT_STACK

SVG_NS = "http://www.w3.org/2000/svg"
#: CSS properties that SVG also accepts as presentation attributes.
PRESENTATION = {"fill", "fill-opacity", "stroke", "stroke-width", "stroke-dasharray", "stroke-dashoffset",
                "stroke-linecap", "stroke-linejoin", "stroke-opacity", "opacity", "font-weight", "font-style",
                "text-anchor", "dominant-baseline"}
_NUMBER_RE = re.compile(r"(-?\d+\.\d\d)\d+")
_URL_REF_RE = re.compile(r"url\(#([^)]+)\)")
_NUMERIC_ATTRS = {"d", "points", "transform", "viewBox", "x", "y", "width", "height", "x1", "x2", "y1", "y2",
                  "cx", "cy", "r", "rx", "ry", "refX", "refY", "markerWidth", "markerHeight"}
#: Defined once in a diagram, drawn only where something refers to them.
_REFERENCED_ONLY = {"marker", "filter", "linearGradient", "radialGradient"}


class DiagramSvgError(ValueError):
    """Mermaid's output is not the SVG this module expects."""


def _local(tag) -> str:
    return tag.split("}", 1)[-1] if isinstance(tag, str) else ""


def _round(value: str) -> str:
    def shorter(m: re.Match) -> str:
        number = m.group(1).rstrip("0").rstrip(".")
        return "0" if number == "-0" else number

    return _NUMBER_RE.sub(shorter, value)


def _drop_what_draws_nothing(root) -> None:
    """Remove the elements that cannot show and merge each label line's nested `<tspan>` (module docstring)."""
    def drop(element) -> None:
        parent = element.getparent()
        # Keep the text that follows the element (none in mermaid's SVG, but never lose any).
        if element.tail and element.tail.strip():
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)

    for text in list(root.iter(f"{{{SVG_NS}}}text")):
        if not "".join(text.itertext()).strip():
            drop(text)
    for rect in list(root.iter(f"{{{SVG_NS}}}rect")):
        if rect.get("width") is None or rect.get("height") is None:
            drop(rect)
    for outer in list(root.iter(f"{{{SVG_NS}}}tspan")):
        children = list(outer)
        if (len(children) == 1 and _local(children[0].tag) == "tspan" and not (outer.text or "").strip()
                and not (children[0].tail or "").strip() and len(children[0]) == 0):
            inner = children[0]
            for name, value in inner.attrib.items():
                if name == "class" or (name in {"font-style", "font-weight"} and value == "normal"):
                    continue
                outer.set(name, value)
            outer.text = inner.text
            outer.remove(inner)
    changed = True
    while changed:
        changed = False
        for group in list(root.iter(f"{{{SVG_NS}}}g")):
            if len(group) == 0 and not (group.text or "").strip():
                drop(group)
                changed = True
            elif not group.attrib and not (group.text or "").strip():
                parent = group.getparent()
                index = parent.index(group)
                for offset, child in enumerate(list(group)):
                    parent.insert(index + offset, child)
                drop(group)
                changed = True


def clean_svg(raw: str, key: str) -> str:
    """The stored form of mermaid's SVG for the diagram `key` (see the module docstring)."""
    try:
        root = etree.fromstring(raw.encode("utf-8"), etree.XMLParser(remove_blank_text=True, resolve_entities=False))
    except etree.XMLSyntaxError as exc:
        raise DiagramSvgError(f"mermaid 输出的不是合法的 SVG：{exc}") from None
    if _local(root.tag) != "svg" or root.get("viewBox") is None:
        raise DiagramSvgError("mermaid 输出的 SVG 没有 viewBox")
    old_id = root.get("id") or ""
    new_id = f"diagram-{key}"

    for element in list(root.iter()):
        if not isinstance(element.tag, str):  # comments, processing instructions
            element.getparent().remove(element)
            continue
        if _local(element.tag) == "style":
            element.getparent().remove(element)
            continue
        style = element.attrib.pop("style", None)
        if style:
            for declaration in style.split(";"):
                name, _, value = declaration.partition(":")
                name, value = name.strip(), value.strip()
                if name in PRESENTATION and value and element.get(name) is None:
                    element.set(name, value)
        for name in list(element.attrib):
            if name.startswith("data-") or name in {"aria-roledescription", "role"}:
                del element.attrib[name]
            elif name in _NUMERIC_ATTRS:
                element.set(name, _round(element.get(name)))
        for name, value in list(element.attrib.items()):
            if old_id and old_id in value and (name == "id" or "url(#" in value or name == "href" or name.endswith("}href")):
                element.set(name, value.replace(old_id, new_id))

    referenced = set()
    for element in root.iter():
        if isinstance(element.tag, str):
            for value in element.attrib.values():
                referenced.update(_URL_REF_RE.findall(value))
    for element in list(root.iter()):
        if isinstance(element.tag, str) and _local(element.tag) in _REFERENCED_ONLY and element.get("id") not in referenced:
            element.getparent().remove(element)
    for element in list(root.iter()):
        # Empty groups and definitions left behind.
        if isinstance(element.tag, str) and _local(element.tag) in {"defs"} and len(element) == 0:
            element.getparent().remove(element)

    _drop_what_draws_nothing(root)

    for label in root.iter(f"{{{SVG_NS}}}g"):
        if "label" in (label.get("class") or "").split():
            for text in label.iter(f"{{{SVG_NS}}}text"):
                text.set("text-anchor", "middle")
    root.set("font-family", FONT_STACK)
    root.set("font-size", "16px")
    root.attrib.pop("id", None)
    for name in ("width", "height"):
        if root.get(name) is None:
            raise DiagramSvgError(f"mermaid 输出的 SVG 没有 {name}")
        root.set(name, str(round(float(root.get(name)))))
    text = etree.tostring(root, encoding="unicode")
    if "<style" in text or " style=" in text:
        raise DiagramSvgError("清理后的 SVG 中仍有内联样式")
    return text + "\n"
