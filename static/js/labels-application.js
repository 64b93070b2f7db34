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
      var count = result.ok ? showErrors(result.payload.errors || {}) : 0;
      if (!status) { return; }
      status.textContent = result.ok ? "Enregistré à " + result.payload.saved_at + (count ? " ; " + plural(count, "champ est", "champs sont") + " à corriger." : "")
        : (result.payload.error || "Enregistrement impossible.");
    }).catch(function () {
      dirty = true;
      if (status) { status.textContent = "Hors ligne : enregistrez avec le bouton dès que possible."; }
    });
  }

  // The errors of the last autosave next to their fields, as the server writes them (labels/includes/field.html):
  // an ineligible date of creation or kind is refused as soon as it is typed.
  function showErrors(errors) {
    var count = 0;
    Array.prototype.forEach.call(form.elements, function (input) {
      if (!input.name || !input.id || input.type === "hidden" || input.type === "submit") { return; }
      var errorId = input.id + "_error";
      var list = document.getElementById(errorId);
      var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return id && id !== errorId; });
      var messages = errors[input.name];
      if (list) { list.parentNode.removeChild(list); }
      if (!messages || !messages.length) {
        input.removeAttribute("aria-invalid");
        if (described.length) { input.setAttribute("aria-describedby", described.join(" ")); } else { input.removeAttribute("aria-describedby"); }
        if (input.closest(".field")) { input.closest(".field").classList.remove("field--error"); }
        return;
      }
      count += 1;
      list = document.createElement("ul");
      list.className = "errorlist";
      list.id = errorId;
      messages.forEach(function (message) {
        var item = document.createElement("li");
        item.textContent = message;
        list.appendChild(item);
      });
      if (input.type === "checkbox") {
        input.parentNode.parentNode.insertBefore(list, input.parentNode.nextSibling);
      } else {
        input.parentNode.insertBefore(list, input);
      }
      input.setAttribute("aria-invalid", "true");
      described.push(errorId);
      input.setAttribute("aria-describedby", described.join(" "));
      if (input.closest(".field")) { input.closest(".field").classList.add("field--error"); }
    });
    return count;
  }

  form.addEventListener("input", function () {
    dirty = true;
    window.clearTimeout(timer);
    timer = window.setTimeout(save, 2000);
  });
  form.addEventListener("submit", function () { window.clearTimeout(timer); dirty = false; });
  window.addEventListener("pagehide", save);
}());
