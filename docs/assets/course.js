/* Course behaviour on every page (listed in mkdocs.yml extra_javascript).
 *
 * - The navigation drawer on a phone or tablet opens at the top level, with every
 *   section one tap away. Material opens it inside the current section (its
 *   toggles are checked for the active path), where a learner on 首页 saw only
 *   课程指南 and had to find the back arrow.
 * - Diagrams print on one page: each rendered mermaid diagram gets its
 *   height-to-width ratio as --course-diagram-ratio, which print.css uses to
 *   limit the printed width so the diagram is never taller than a page. Material
 *   draws the diagram in a closed shadow root, so the ratio is measured on the
 *   host element at a fixed width.
 */
(function () {
  "use strict";

  var DRAWER_MEDIA = "(max-width: 76.234375em)";

  function openDrawerAtTop() {
    var drawer = document.getElementById("__drawer");
    if (!drawer) return;
    drawer.addEventListener("change", function () {
      if (!drawer.checked || !window.matchMedia(DRAWER_MEDIA).matches) return;
      document.querySelectorAll(".md-nav--primary .md-nav__toggle:checked").forEach(function (toggle) {
        if (toggle.id !== "__toc") toggle.checked = false;
      });
    });
  }

  // Narrower than any diagram, so the SVG (width 100%, max-width its natural width) scales to it.
  var PROBE_WIDTH = 100;

  function measureDiagram(host) {
    if (host.hasAttribute("data-diagram-ratio")) return;
    var saved = host.style.width;
    host.style.width = PROBE_WIDTH + "px";
    var height = host.getBoundingClientRect().height;
    host.style.width = saved;
    if (!height) return;
    var ratio = (height / PROBE_WIDTH).toFixed(3);
    host.style.setProperty("--course-diagram-ratio", ratio);
    host.setAttribute("data-diagram-ratio", ratio);
  }

  function watchDiagrams() {
    var content = document.querySelector(".md-content");
    if (!content) return;
    var measureAll = function () {
      content.querySelectorAll("div.mermaid").forEach(measureDiagram);
    };
    measureAll();
    new MutationObserver(measureAll).observe(content, { childList: true, subtree: true });
  }

  function init() {
    openDrawerAtTop();
    watchDiagrams();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
