// The contribution form shown again with errors: move focus to the summary of what to fix,
// so keyboard and screen-reader users start there. Without JavaScript the summary is simply
// the first thing in the form.
document.addEventListener("DOMContentLoaded", () => {
    const summary = document.querySelector(".error-summary");
    if (summary) summary.focus();
});
