// The kiosk (issue 14): back to the start screen after a minute without a touch, counts each
// use once (the first touch after the start screen), and follows no link outside the kiosk's
// own pages and the Cité's allowed list (the guide's « bridage »).
(function () {
  "use strict";
  var config = document.getElementById("kiosk-config").dataset;
  var start = config.start;
  var allowed = config.allowed ? config.allowed.split(" ") : [];
  var idleMs = 1000 * Number(config.idle || 60);
  var ACTIVE = "capacite.kiosk.active";
  var timer = null;

  function atStart() { return window.location.pathname === start && !window.location.search; }
  function newId() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function backToStart() {
    window.sessionStorage.removeItem(ACTIVE);
    if (!atStart()) { window.location.assign(start); }
  }
  function touched() {
    window.clearTimeout(timer);
    timer = window.setTimeout(backToStart, idleMs);
    if (!window.sessionStorage.getItem(ACTIVE)) {
      window.sessionStorage.setItem(ACTIVE, "1");
      var body = new FormData();
      body.append("client_id", newId());
      fetch(config.use, {method: "POST", body: body, credentials: "same-origin"}).catch(function () {});
    }
  }

  function followable(href) {
    var url;
    try { url = new URL(href, window.location.href); } catch (e) { return false; }
    if (url.origin === window.location.origin && url.pathname.indexOf(start) === 0) { return true; }
    return allowed.some(function (prefix) { return url.href.indexOf(prefix) === 0; });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a") : null;
    if (link && !followable(link.href)) {
      event.preventDefault();
      var box = document.getElementById("kiosk-blocked");
      box.textContent = document.getElementById("kiosk-blocked-text").content.textContent;
      box.hidden = false;
    }
  }, true);
  ["pointerdown", "keydown", "touchstart", "input"].forEach(function (name) {
    document.addEventListener(name, touched, {passive: true});
  });
  document.addEventListener("submit", function (event) {
    var action = event.target.getAttribute("action") || window.location.href;
    if (!followable(action)) { event.preventDefault(); }
  }, true);
  if (!atStart()) { timer = window.setTimeout(backToStart, idleMs); }
})();
