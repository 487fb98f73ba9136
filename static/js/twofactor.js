// After a passkey is added, go on to the recovery codes (or wherever the button says).
document.addEventListener("otp_webauthn.register_complete", (event) => {
  const button = event.target.closest("[data-twofactor-after]");
  if (button) {
    window.location.assign(button.dataset.twofactorAfter);
  }
});
