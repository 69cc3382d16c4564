// Retrying a dead letter once its cause is mended: the entry goes back to the outbox, due at once.
"use strict";
(() => {
  const message = document.getElementById("outbox-message");
  for (const button of document.querySelectorAll("[data-testid=retry-dead-letter]")) {
    button.addEventListener("click", async () => {
      const id = button.dataset.entryId;
      try {
        await ui.busy(button, () => sp.api("POST", "/api/v1/outbox/" + encodeURIComponent(id) + "/retry"));
        button.closest("[data-testid=dead-letter]").remove();
        sp.say(message, "ok", "Entry " + id + " is back in the outbox and will be tried at once.");
      } catch (failure) {
        sp.say(message, "error", ui.explain(failure));
      }
    });
  }
})();
