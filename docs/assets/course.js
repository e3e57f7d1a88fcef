/* Course behaviour on every page (listed in mkdocs.yml extra_javascript).
 *
 * - The navigation drawer on a phone or tablet opens at the top level, with every
 *   section one tap away. Material opens it inside the current section (its
 *   toggles are checked for the active path), where a learner on 首页 saw only
 *   课程指南 and had to find the back arrow.
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

  function init() {
    openDrawerAtTop();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
