/* Library drafts: autosave every 20 seconds while the form has unsaved changes.
   Progressive enhancement: without JavaScript the "Enregistrer le brouillon" button does the same. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-library-autosave='on']");
  if (!form || !window.fetch || !window.FormData) { return; }
  var status = form.querySelector(".autosave-status");
  var dirty = false;
  var messages = {
    204: "Brouillon enregistré automatiquement.",
    400: "Enregistrement automatique impossible : un champ est à corriger (bouton « Enregistrer le brouillon »).",
    409: "Un co-rédacteur a modifié le même champ : enregistrez avec le bouton pour voir sa version."
  };
  form.addEventListener("input", function () { dirty = true; });
  window.setInterval(function () {
    if (!dirty) { return; }
    dirty = false;
    fetch(form.getAttribute("action"), {
      method: "POST", body: new FormData(form), credentials: "same-origin", headers: { "X-Autosave": "1" }
    }).then(function (response) {
      if (status) { status.textContent = messages[response.status] || ""; }
    }).catch(function () { dirty = true; });
  }, 20000);
}());
