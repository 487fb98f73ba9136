// "Link kopiëren": copies the page address with the Clipboard API. Without JavaScript the
// link simply opens the page's own address, which can be copied from the address bar.
document.addEventListener("click", async (event) => {
    const link = event.target.closest("[data-copy-link]");
    if (!link || !navigator.clipboard) return;
    event.preventDefault();
    const status = link.closest(".share").querySelector("[data-copy-status]");
    try {
        await navigator.clipboard.writeText(link.href);
        if (status) status.textContent = "De link is gekopieerd.";
    } catch {
        if (status) status.textContent = "Kopiëren lukte niet; kopieer de link uit de adresbalk.";
    }
});
