// The tally screen (issue 14): counts a visitor in a few taps, and loses nothing when the
// network or the server is away. Each tally gets an id made here; tallies wait in
// localStorage until the server acknowledges them, and the server keeps the first copy of an
// id, so a tally sent twice is counted once. Plain browser APIs, served by the app.
(function () {
  "use strict";
  var form = document.getElementById("tally");
  if (!form) { return; }
  // The messages come from the page's text (its <template>), spaced as the page's language
  // wants (« réseau coupé) : il » holds together in French); none is written here.
  var texts = {};
  document.getElementById("tally-texts").content.querySelectorAll("[data-text]").forEach(function (p) {
    texts[p.dataset.text] = p.textContent;
  });
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  var slug = form.dataset.cite;
  var QUEUE = "capacite.tally.queue." + slug;
  var UNDO = "capacite.tally.undo." + slug;
  var KEPT = "capacite.tally.kept." + slug;
  var UNDO_MS = 5 * 60 * 1000;
  var sending = false;
  var retryTimer = null;

  function load(key, fallback) {
    try { return JSON.parse(window.localStorage.getItem(key)) || fallback; }
    catch (e) { return fallback; }
  }
  function save(key, value) { window.localStorage.setItem(key, JSON.stringify(value)); }

  function newId() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function siteValue() { return form.elements.site.value; }

  function payload() {
    var now = new Date();
    var data = {
      client_id: newId(),
      day: now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate()),
      slot: now.getHours() * 2 + (now.getMinutes() >= 30 ? 1 : 0),
      site: siteValue(), poles: []
    };
    ["kind", "public", "age_band", "sex", "first_visit", "residence", "oriented_to"].forEach(function (name) {
      var field = form.elements[name];
      data[name] = field ? field.value : "";
    });
    form.querySelectorAll("[name=poles]:checked").forEach(function (box) { data.poles.push(box.value); });
    return data;
  }

  // What stays chosen for the next visitor: the kind of visit and the pôles.
  function remember() {
    save(KEPT, {kind: form.elements.kind.value, site: siteValue(),
                poles: Array.prototype.map.call(form.querySelectorAll("[name=poles]:checked"), function (b) { return b.value; })});
  }
  function restore() {
    var kept = load(KEPT, null);
    if (!kept) { return; }
    form.querySelectorAll("[name=kind]").forEach(function (r) { r.checked = r.value === kept.kind; });
    if (!form.querySelector("[name=kind]:checked")) { form.querySelector("[name=kind]").checked = true; }
    form.querySelectorAll("[name=poles]").forEach(function (b) { b.checked = kept.poles.indexOf(b.value) >= 0; });
  }
  function resetDetails() {
    ["public", "age_band", "sex", "first_visit"].forEach(function (name) {
      form.querySelectorAll("[name=" + name + "]").forEach(function (r) { r.checked = r.value === ""; });
    });
    form.elements.residence.value = "";
    form.elements.oriented_to.value = "";
  }

  function showQueue() {
    var n = load(QUEUE, []).length;
    var box = document.getElementById("tally-queue");
    box.hidden = n === 0;
    box.textContent = n === 1 ? texts.waitingOne : texts.waitingMany.replace("%(n)s", n);
    box.dataset.waiting = n;
  }

  function render(state) {
    // Written by the server as every page writes a count (« 1 236 », « 1,236 »).
    document.getElementById("today-count").textContent = state.today_text;
    var body = document.getElementById("recent");
    var undo = load(UNDO, {});
    var now = Date.now();
    body.textContent = "";
    if (!state.recent.length) {
      var empty = body.insertRow(); var cell = empty.insertCell();
      cell.colSpan = 5; cell.textContent = texts.none;
    }
    state.recent.forEach(function (v) {
      var row = body.insertRow();
      row.dataset.clientId = v.client_id;
      [v.slot, v.kind, v.poles || "—", v.public || "—"].forEach(function (t) { row.insertCell().textContent = t; });
      var last = row.insertCell();
      var mine = undo[v.client_id];
      if (mine && now - mine.at < UNDO_MS) {
        var button = document.createElement("button");
        button.type = "button"; button.className = "link-button"; button.textContent = texts.undo;
        button.addEventListener("click", function () { undoVisit(v.client_id, mine.token); });
        last.appendChild(button);
      }
    });
  }

  function refresh() {
    fetch(form.dataset.stateUrl + "?site=" + encodeURIComponent(siteValue()), {credentials: "same-origin"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (state) { if (state) { render(state); } })
      .catch(function () {});
  }

  function scheduleRetry() {
    if (!retryTimer) { retryTimer = window.setTimeout(function () { retryTimer = null; flush(); }, 5000); }
  }

  // Sends the waiting tallies one by one, oldest first; stops at the first network failure.
  function flush() {
    if (sending) { return; }
    var queue = load(QUEUE, []);
    if (!queue.length) { showQueue(); return; }
    sending = true;
    var item = queue[0];
    fetch(form.action || window.location.pathname, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf, "Accept": "application/json"},
      body: JSON.stringify(item)
    }).then(function (response) {
      if (response.status === 200 || response.status === 201 || response.status === 422) {
        return response.json().then(function (answer) {
          save(QUEUE, load(QUEUE, []).filter(function (q) { return q.client_id !== item.client_id; }));
          if (response.status === 422) {
            var reasons = [];
            Object.keys(answer.errors || {}).forEach(function (field) {
              answer.errors[field].forEach(function (error) { reasons.push(error.message); });
            });
            window.alert(texts.refused + " " + reasons.join(" "));
          } else {
            if (answer.undo) {
              var undo = load(UNDO, {});
              var now = Date.now();
              Object.keys(undo).forEach(function (k) { if (now - undo[k].at > UNDO_MS) { delete undo[k]; } });
              undo[answer.client_id] = {token: answer.undo, at: now};
              save(UNDO, undo);
            }
            if (String(item.site) === String(siteValue())) { render(answer); }
          }
          sending = false; showQueue(); flush();
        });
      }
      throw new Error("server " + response.status);  // keep it, try again later
    }).catch(function () {
      sending = false; showQueue(); scheduleRetry();
    });
  }

  function undoVisit(clientId, token) {
    var body = new FormData();
    body.append("token", token);
    body.append("csrfmiddlewaretoken", csrf);
    fetch(form.dataset.undoUrl, {method: "POST", credentials: "same-origin", body: body,
                                 headers: {"Accept": "application/json"}})
      .then(function (r) { return r.json(); })
      .then(function (answer) {
        var undo = load(UNDO, {}); delete undo[clientId]; save(UNDO, undo);
        if (!answer.undone) { window.alert(texts.notUndone); }
        refresh();
      }).catch(function () {});
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var queue = load(QUEUE, []);
    queue.push(payload());
    save(QUEUE, queue);
    remember();
    resetDetails();
    var count = document.getElementById("today-count");
    count.classList.remove("tally-flash"); void count.offsetWidth; count.classList.add("tally-flash");
    showQueue();
    flush();
  });

  form.elements.site && form.elements.site.addEventListener && form.elements.site.addEventListener("change", function () {
    remember(); refresh();
  });

  // On a PC: 1 to 9 choose the pôles, Entrée counts.
  document.addEventListener("keydown", function (event) {
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "select" || tag === "textarea" || (tag === "input" && event.target.type === "text")) { return; }
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (/^[1-9]$/.test(event.key)) {
      var boxes = form.querySelectorAll("[name=poles]");
      var box = boxes[Number(event.key) - 1];
      if (box) { box.checked = !box.checked; event.preventDefault(); }
    } else if (event.key === "Enter" && tag !== "button" && tag !== "a" && tag !== "summary") {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  window.addEventListener("online", flush);
  restore();
  showQueue();
  flush();
  refresh();
  window.setInterval(function () { if (!load(QUEUE, []).length) { refresh(); } }, 30000);
})();
