// The header's "Menu" button on small screens shows and hides the menu panel.
// Loaded in <head> without defer, so the class below is set before the page is drawn and
// the panel starts closed. Without JavaScript the panel is always open and the button hidden.
(function () {
  document.documentElement.classList.add("spil-js");

  function setOpen(button, open) {
    button.setAttribute("aria-expanded", String(open));
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest("[data-spil-menu-button]");
    if (button) setOpen(button, button.getAttribute("aria-expanded") !== "true");
  });

  // Escape closes an open panel and puts the focus back on its button.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    const button = document.querySelector('[data-spil-menu-button][aria-expanded="true"]');
    if (!button || button.offsetParent === null) return;
    const panel = document.getElementById(button.getAttribute("aria-controls"));
    if (document.activeElement !== button && !(panel && panel.contains(document.activeElement))) return;
    setOpen(button, false);
    button.focus();
  });
})();
