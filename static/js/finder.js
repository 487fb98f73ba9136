// The finder's filters stay open on wide screens; on a phone they fold away under their
// summary, so that the results come first. Without JavaScript they are simply open.
(function () {
    var narrow = window.matchMedia("(max-width: 63.99rem)");
    document.querySelectorAll("details[data-collapse-narrow]").forEach(function (details) {
        if (narrow.matches) {
            details.open = false;
        }
    });
})();
