/* Course behaviour on every page (listed in mkdocs.yml extra_javascript).
 *
 * - The navigation drawer on a phone or tablet opens at the top level, with every
 *   section one tap away. Material opens it inside the current section (its
 *   toggles are checked for the active path), where a learner on 首页 saw only
 *   课程指南 and had to find the back arrow.
 * - Tooltips for the content's titled elements (glossary terms, ¶ section links),
 *   made when the reader points at, taps or focuses one. Material's own
 *   `content.tooltips` (not enabled, see mkdocs.yml) sets up every one of them when
 *   the page loads, more than a hundred on a module page: main-thread time a phone
 *   spends before the page answers. The tooltip is Material's markup and style
 *   (.md-tooltip2, role="tooltip", shown below the term); its position is set through
 *   the CSSOM, which the Content-Security-Policy allows.
 */
(function () {
  "use strict";

  var DRAWER_MEDIA = "(max-width: 76.234375em)";
  // How long a tooltip stays after the pointer leaves its term (Material: 250 ms).
  var TOOLTIP_LINGER_MS = 250;

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

  function contentTooltips() {
    var content = document.querySelector("[data-md-component=content]");
    if (!content) return;
    var host = null;   // the element whose tooltip is shown
    var node = null;   // its tooltip
    var title = "";    // its title, taken off while the tooltip shows (no second, native tooltip)
    var linger = 0;
    var count = 0;

    function titled(target) {
      var el = target instanceof Element ? target.closest("[title]") : null;
      return el && content.contains(el) && el.getAttribute("title") ? el : null;
    }

    function show(el) {
      hide(true);
      host = el;
      title = el.getAttribute("title");
      el.removeAttribute("title");
      node = document.createElement("div");
      node.className = "md-tooltip2 md-tooltip2--bottom";
      node.id = "course-tooltip-" + ++count;
      node.setAttribute("role", "tooltip");
      var inner = document.createElement("div");
      inner.className = "md-tooltip2__inner md-typeset";
      inner.textContent = title;
      node.appendChild(inner);
      document.body.appendChild(node);
      el.setAttribute("aria-describedby", node.id);
      var box = el.getBoundingClientRect();
      var style = node.style;
      style.setProperty("--md-tooltip-host-x", box.left + window.scrollX + "px");
      style.setProperty("--md-tooltip-host-y", box.top + window.scrollY + "px");
      style.setProperty("--md-tooltip-x", box.width / 2 + "px");
      style.setProperty("--md-tooltip-y", 8 + box.height + "px");
      style.setProperty("--md-tooltip-width", inner.offsetWidth + "px");
      style.setProperty("--md-tooltip-tail", "0px");
      // Added to the page first, made visible in the next frame: it fades in as Material's do.
      var shown = node;
      requestAnimationFrame(function () {
        if (shown === node) shown.classList.add("md-tooltip2--active");
      });
    }

    function hide(now) {
      clearTimeout(linger);
      if (!host) return;
      var el = host;
      var gone = node;
      el.setAttribute("title", title);
      el.removeAttribute("aria-describedby");
      host = node = null;
      gone.classList.remove("md-tooltip2--active");
      if (now) gone.remove();
      else setTimeout(function () { gone.remove(); }, TOOLTIP_LINGER_MS);
    }

    document.addEventListener("mouseover", function (ev) {
      if (host && host.contains(ev.target)) { clearTimeout(linger); return; }
      var el = titled(ev.target);
      if (el) show(el);
    });
    document.addEventListener("mouseout", function (ev) {
      if (!host || !host.contains(ev.target) || host.contains(ev.relatedTarget)) return;
      clearTimeout(linger);
      linger = setTimeout(function () { hide(false); }, TOOLTIP_LINGER_MS);
    });
    document.addEventListener("focusin", function (ev) {
      var el = titled(ev.target);
      if (el) show(el);
    });
    document.addEventListener("focusout", function (ev) {
      if (host && host.contains(ev.target)) hide(false);
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && host) hide(true);
    });
  }

  function init() {
    openDrawerAtTop();
    contentTooltips();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
