// The alerts screen: an analyst concludes on an alert; the row leaves the list once the ledger has the conclusion.
"use strict";
document.querySelectorAll("[data-testid=acknowledge-alert]").forEach((button) => {
  button.addEventListener("click", async () => {
    const row = button.closest("tr");
    const alertId = row.dataset.alertId;
    const resolution = row.querySelector("[data-testid=acknowledge-resolution]").value;
    const message = document.getElementById("acknowledge-message");
    if (!resolution) {
      sp.say(message, "error", "Choose what was concluded before acknowledging the alert.");
      return;
    }
    button.disabled = true;
    try {
      await sp.api("POST", "/analyst/api/alerts/" + encodeURIComponent(alertId) + "/acknowledgement", { resolution });
      row.remove();
      sp.say(message, "ok", "Alert acknowledged as " + resolution.replaceAll("_", " ").toLowerCase()
        + "; the ledger records it under the analysts' identity.");
    } catch (error) {
      sp.say(message, "error", error.message);
      button.disabled = false;
    }
  });
});
