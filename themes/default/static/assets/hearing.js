// Updates a hearing's state and days left from the reader's own clock. The page is
// complete without it: the server-side text is correct as of the build.
(function () {
  "use strict";
  var banner = document.querySelector(".hearing-banner[data-deadline]");
  if (!banner || !Date.parse) return;
  var deadline = Date.parse(banner.getAttribute("data-deadline"));
  var opens = Date.parse(banner.getAttribute("data-opens-at") || "");
  if (isNaN(deadline)) return;
  var now = Date.now();
  var state = now > deadline ? "closed" : (!isNaN(opens) && now < opens ? "upcoming" : "open");
  var label = banner.getAttribute("data-label-" + state);
  var badge = banner.querySelector(".badge");
  var text = banner.querySelector(".banner-text");
  if (state !== banner.getAttribute("data-state") && badge && text && label) {
    banner.className = banner.className.replace(/state-\w+/, "state-" + state);
    badge.className = "badge badge-" + state;
    badge.textContent = banner.getAttribute("data-badge-" + state);
    text.textContent = label;
  }
  var days = banner.querySelector(".banner-days");
  if (days && state === "open") {
    // Calendar days between today and the deadline day, in the reader's time zone.
    var d0 = new Date(now); d0.setHours(0, 0, 0, 0);
    var d1 = new Date(deadline); d1.setHours(0, 0, 0, 0);
    var n = Math.round((d1 - d0) / 86400000);
    var tpl = n === 0 ? banner.getAttribute("data-days-0") : n === 1 ? banner.getAttribute("data-days-1") : banner.getAttribute("data-days-n");
    if (tpl) days.textContent = tpl.replace("{n}", String(n));
  } else if (days) {
    days.textContent = "";
  }
  var asOf = banner.querySelector(".as-of");
  var live = banner.getAttribute("data-live");
  if (asOf && live) asOf.textContent = live;
})();
