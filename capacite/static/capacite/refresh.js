// Reloads a page that follows work in progress (a background job) every few seconds.
// A <meta http-equiv="refresh"> would do the same but fails WCAG 2.2.1 (timing adjustable):
// here the person can stop it with the "Arrêter l'actualisation" button.
(function () {
  var holder = document.querySelector("[data-auto-refresh]");
  if (!holder) { return; }
  var timer = window.setTimeout(function () { window.location.reload(); },
                                1000 * Number(holder.getAttribute("data-auto-refresh")));
  var stop = document.getElementById("stop-refresh");
  if (stop) {
    stop.hidden = false;
    stop.addEventListener("click", function () { window.clearTimeout(timer); stop.hidden = true; });
  }
})();
