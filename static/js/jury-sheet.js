/* Score sheet: keep what the juror types in this tab until the server has it.
 *
 * Each change is copied to sessionStorage (this tab only, gone when it closes)
 * with the sheet's last-save time as the page showed it. When the page loads
 * with the same last-save time, the draft never reached the server (a session
 * that expired on submit, a tab closed by mistake): the typed values come back.
 * A newer last-save time means the draft was saved: it is dropped.
 */
(function () {
  "use strict";
  var form = document.querySelector("form[data-draft-key]");
  if (!form || !form.hasAttribute("data-editable")) return;
  var storage;
  try { storage = window.sessionStorage; } catch (error) { return; }
  var key = form.getAttribute("data-draft-key");
  var loadedAt = form.elements.loaded_at ? form.elements.loaded_at.value : "";
  var fields = Array.prototype.filter.call(form.elements, function (element) {
    return element.name && element.name !== "csrfmiddlewaretoken" && element.name !== "loaded_at";
  });

  function save() {
    var values = {};
    fields.forEach(function (element) { values[element.name] = element.value; });
    storage.setItem(key, JSON.stringify({ loadedAt: loadedAt, values: values }));
  }

  var draft = null;
  try { draft = JSON.parse(storage.getItem(key) || "null"); } catch (error) { draft = null; }
  if (draft && draft.loadedAt === loadedAt) {
    var restored = false;
    fields.forEach(function (element) {
      var value = draft.values[element.name];
      if (typeof value === "string" && value !== element.value) {
        element.value = value;
        restored = true;
      }
    });
    var notice = document.getElementById("jury-draft-notice");
    if (restored && notice) notice.hidden = false;
  } else if (draft) {
    storage.removeItem(key);
  }
  form.addEventListener("input", save);
  form.addEventListener("submit", save);
})();
