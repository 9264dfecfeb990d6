// The header's menu and the wide tables (issue 19). Without this file everything still works:
// the menu stays unfolded and the drop-downs are plain <details>.
(function () {
  var header = document.querySelector("[data-site-header]");
  var button = document.querySelector("[data-menu-button]");

  // On a phone the menu folds behind one button; CSS hides it only once this script runs.
  if (header && button) {
    header.classList.add("js-menu");
    button.addEventListener("click", function () {
      var open = !header.classList.contains("menu-open");
      header.classList.toggle("menu-open", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  // Drop-downs: one open at a time; Escape or a click elsewhere closes them.
  var dropDowns = Array.prototype.slice.call(document.querySelectorAll(".main-nav details"));
  function closeAll(except) {
    dropDowns.forEach(function (d) { if (d !== except) { d.open = false; } });
  }
  dropDowns.forEach(function (d) {
    d.addEventListener("toggle", function () { if (d.open) { closeAll(d); } });
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest(".main-nav details")) { closeAll(null); }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    var open = dropDowns.filter(function (d) { return d.open; })[0];
    if (open) {
      open.open = false;
      open.querySelector("summary").focus();
    } else if (header && header.classList.contains("menu-open")) {
      header.classList.remove("menu-open");
      button.setAttribute("aria-expanded", "false");
      button.focus();
    }
  });

  // On a phone the section bar is one scrolling line: bring the current page's link into view.
  var here = document.querySelector(".section-nav a[aria-current=page]");
  if (here) {
    var bar = here.closest("ul");
    if (bar.scrollWidth > bar.clientWidth) { bar.scrollLeft = here.offsetLeft - 16; }
  }

  // Wide tables scroll inside their own frame instead of widening the page; a frame that
  // scrolls can be reached with the keyboard (WCAG 2.1.1) and is named after its caption.
  var frames = [];
  Array.prototype.forEach.call(document.querySelectorAll("main table"), function (table) {
    if (table.parentNode.classList.contains("table-frame")) { return; }
    var frame = document.createElement("div");
    frame.className = "table-frame";
    table.parentNode.insertBefore(frame, table);
    frame.appendChild(table);
    frames.push(frame);
  });
  // Charts too wide for a phone (Gantt, org chart, treasury…) and the dashboards' long tables
  // scroll in their own frame as well.
  Array.prototype.forEach.call(document.querySelectorAll(
    "main .chart-wrap, main .chart-frame, main .org-chart, main .table-frame"), function (frame) {
    if (frames.indexOf(frame) < 0) { frames.push(frame); }
  });
  function markScrolling() {
    var english = document.documentElement.lang === "en";
    frames.forEach(function (frame) {
      if (frame.scrollWidth > frame.clientWidth + 1 || frame.scrollHeight > frame.clientHeight + 1) {
        var name = frame.querySelector("caption, svg title");
        frame.setAttribute("tabindex", "0");
        frame.setAttribute("role", "region");
        frame.setAttribute("aria-label", name ? name.textContent.trim()
                           : frame.querySelector("svg") ? (english ? "Chart" : "Graphique")
                           : (english ? "Table" : "Tableau"));
      } else {
        frame.removeAttribute("tabindex");
        frame.removeAttribute("role");
        frame.removeAttribute("aria-label");
      }
    });
  }
  markScrolling();
  window.addEventListener("resize", markScrolling);
})();
