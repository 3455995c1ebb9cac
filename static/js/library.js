// The practice library's filters start folded on a narrow screen, so the results come first.
// Without JavaScript they simply stay open; with input errors they stay open to show them.
(function () {
  "use strict";
  var panel = document.querySelector("details.filters-panel");
  if (!panel || panel.hasAttribute("data-keep-open")) {
    return;
  }
  if (window.matchMedia("(max-width: 55.99rem)").matches) {
    panel.open = false;
  }
})();
