/* Labels: autosave of the application form and deadline countdown.
   Progressive enhancement: without JavaScript the "Enregistrer" buttons do the same. */
(function () {
  "use strict";

  function plural(n, one, many) { return n + " " + (n > 1 ? many : one); }

  function formatLeft(seconds) {
    if (seconds <= 0) { return "clôturé"; }
    var days = Math.floor(seconds / 86400);
    var hours = Math.floor((seconds % 86400) / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    if (days > 0) { return plural(days, "jour", "jours") + " et " + plural(hours, "heure", "heures"); }
    if (hours > 0) { return plural(hours, "heure", "heures") + " et " + plural(minutes, "minute", "minutes"); }
    return plural(Math.max(minutes, 1), "minute", "minutes");
  }

  document.querySelectorAll(".countdown[data-seconds-left]").forEach(function (node) {
    var end = Date.now() + parseInt(node.getAttribute("data-seconds-left"), 10) * 1000;
    function tick() { node.textContent = formatLeft(Math.round((end - Date.now()) / 1000)); }
    tick();
    window.setInterval(tick, 30000);
  });

  var form = document.querySelector("form[data-autosave='on']");
  if (!form || !window.fetch || !window.FormData) { return; }
  var status = form.querySelector(".autosave-status");
  var timer = null;
  var dirty = false;

  function save() {
    if (!dirty) { return; }
    dirty = false;
    var data = new FormData(form);
    data.set("action", "save");
    fetch(form.getAttribute("action") || window.location.href, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { "X-Autosave": "1", "X-Requested-With": "fetch" }
    }).then(function (response) {
      return response.json().then(function (payload) { return { ok: response.ok, payload: payload }; });
    }).then(function (result) {
      if (!status) { return; }
      status.textContent = result.ok ? "Enregistré à " + result.payload.saved_at : (result.payload.error || "Enregistrement impossible.");
    }).catch(function () {
      dirty = true;
      if (status) { status.textContent = "Hors ligne : enregistrez avec le bouton dès que possible."; }
    });
  }

  form.addEventListener("input", function () {
    dirty = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 2000);
  });
  form.addEventListener("submit", function () { window.clearTimeout(timer); dirty = false; });
  window.addEventListener("pagehide", save);
}());
