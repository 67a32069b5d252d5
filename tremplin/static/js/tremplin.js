// Small behaviours without inline scripts (the CSP allows scripts from 'self' and by nonce only).
document.addEventListener("DOMContentLoaded", () => {
  // Structure/role switcher: changing the select submits the form; the button stays for
  // keyboard and no-JS users, hidden once JS is there.
  document.querySelectorAll("form.js-autosubmit").forEach((form) => {
    const button = form.querySelector(".js-autosubmit-button");
    if (button) button.classList.add("visually-hidden");
    form.querySelectorAll("select").forEach((select) => {
      select.addEventListener("change", () => form.requestSubmit());
    });
  });
});
