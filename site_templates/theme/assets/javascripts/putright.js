// The theme's menu button on narrow screens is a <label> for a hidden checkbox, which the
// keyboard cannot reach. Make it a named button in the tab order, so the navigation drawer
// opens and closes from the keyboard (WCAG 2.1.1): the theme already presses a focused
// label on Enter; Space, as for any button, is added here. Wider screens hide the button.
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var labels = document.querySelectorAll('label.md-header__button[for="__drawer"]');
  Array.prototype.forEach.call(labels, function (label) {
    var expanded = function () {
      label.setAttribute("aria-expanded", toggle && toggle.checked ? "true" : "false");
    };
    label.setAttribute("role", "button");
    label.setAttribute("tabindex", "0");
    label.setAttribute("aria-label", "Navigation menu");
    expanded();
    if (toggle) toggle.addEventListener("change", expanded);
    label.addEventListener("keydown", function (event) {
      if (event.key === " ") {
        event.preventDefault();
        label.click();
      }
    });
  });
})();
