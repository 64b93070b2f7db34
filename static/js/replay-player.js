// A replay's chapters seek in the player instead of opening the video alone; the page opened at a chapter
// (?chapitre=N) starts there; the end of the video is reported once (attendance of an enrolled member).
(function () {
  "use strict";
  var video = document.querySelector("video.replay-video");
  if (!video) { return; }
  document.querySelectorAll(".replay-chapters a[data-start]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      video.currentTime = Number(link.dataset.start);
      document.querySelectorAll(".replay-chapters a[aria-current]").forEach(function (other) {
        other.removeAttribute("aria-current");
      });
      link.setAttribute("aria-current", "true");
      video.focus();
      video.play().catch(function () { /* the reader presses play themselves */ });
    });
  });
  var form = document.getElementById("replay-watched");
  if (form) {
    video.addEventListener("ended", function () {
      fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" });
    }, { once: true });
  }
}());
