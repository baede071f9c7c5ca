// Progressive enhancement only: every page reads fine without JavaScript.
// Moves keyboard focus to the cited sentence when the page opens on it.
document.addEventListener("DOMContentLoaded", function () {
  var mark = document.getElementById("hl");
  if (mark && window.location.hash === "#hl") {
    mark.focus({ preventScroll: false });
  }
});
