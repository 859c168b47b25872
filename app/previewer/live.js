// Stacklet preview: reload the page when the author's edits produce a new
// package, and show the problems while the module cannot be exported.
(function () {
  "use strict";
  var seen = null;
  var banner = null;

  function showProblem(state) {
    if (!state.problem) {
      if (banner) { banner.remove(); banner = null; }
      return;
    }
    if (!banner) {
      banner = document.createElement("div");
      banner.setAttribute("role", "alert");
      // CSSOM styles are allowed by the page's style-src 'self'.
      var s = banner.style;
      s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.zIndex = "1000";
      s.maxHeight = "40vh"; s.overflow = "auto"; s.padding = "12px 16px";
      s.background = "#fff4e5"; s.color = "#5a3200"; s.borderTop = "3px solid #c05600";
      s.font = "14px/1.4 system-ui, sans-serif"; s.whiteSpace = "pre-wrap";
      document.body.appendChild(banner);
    }
    banner.textContent = state.notice + "\n" + state.problem;
  }

  function poll() {
    fetch("live/state", { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (state) {
        if (seen !== null && state.version !== seen && !state.problem) {
          location.reload();
          return;
        }
        seen = state.version;
        showProblem(state);
      })
      .catch(function () { /* the app is closed or busy: try again */ })
      .finally(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
