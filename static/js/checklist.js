/*
 * Long lists of checkboxes (other cities, partner organisations; div.checklist, drawn by
 * the Checklist widget in scn_portal/forms.py, in the case-study form and the admin) get a
 * box that narrows them as you type. Without JavaScript the list is complete and scrolls in
 * its box; ticked boxes are never hidden.
 */
(function () {
  "use strict";
  var MIN_OPTIONS = 8;

  function enhance(list, index) {
    var options = Array.prototype.slice.call(list.querySelectorAll(":scope > div"));
    // The label comes translated from the page (data-filter-label around the list).
    var holder = list.closest("[data-filter-label]");
    var text = holder && holder.getAttribute("data-filter-label");
    if (options.length < MIN_OPTIONS || !text) {
      return;
    }
    var id = "checklist-filter-" + index;
    var label = document.createElement("label");
    label.className = "visually-hidden";
    label.htmlFor = id;
    label.textContent = text;
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.className = "checklist-filter";
    input.placeholder = label.textContent;
    input.setAttribute("aria-controls", list.id);
    input.addEventListener("input", function () {
      var words = input.value.trim().toLocaleLowerCase();
      options.forEach(function (option) {
        var box = option.querySelector("input");
        var text = option.textContent.toLocaleLowerCase();
        option.hidden = Boolean(words) && !(box && box.checked) && text.indexOf(words) === -1;
      });
    });
    list.parentNode.insertBefore(label, list);
    list.parentNode.insertBefore(input, list);
  }

  function enhanceAll() {
    document.querySelectorAll("div.checklist").forEach(enhance);
  }

  // The admin includes the script in the page's head, before the lists it enhances.
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
