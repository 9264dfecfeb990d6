// The roster's day view on a phone: one day shown at a time, chosen with the buttons of
// .day-picker (today's day first, else the first day). Wide screens keep the whole week (the
// CSS ignores .other-day there); without this script a phone lists the days one under the other.
(function () {
  "use strict";
  var week = document.querySelector("[data-roster-week]");
  var picker = week && week.querySelector(".day-picker");
  if (!picker) {
    return;
  }
  var buttons = Array.prototype.slice.call(picker.querySelectorAll("button[data-day]"));
  var parts = week.querySelectorAll("table[data-day], th[data-day], td[data-day]");

  function show(day) {
    buttons.forEach(function (button) {
      button.setAttribute("aria-pressed", button.dataset.day === day ? "true" : "false");
    });
    Array.prototype.forEach.call(parts, function (part) {
      part.classList.toggle("other-day", part.dataset.day !== day);
    });
  }

  var now = new Date();
  var today = now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-"
    + String(now.getDate()).padStart(2, "0");
  var first = buttons.filter(function (b) { return b.dataset.date === today; })[0] || buttons[0];
  buttons.forEach(function (button) {
    button.addEventListener("click", function () { show(button.dataset.day); });
  });
  week.classList.add("by-day");
  picker.hidden = false;
  show(first.dataset.day);
})();
