// Closing a duplicate referral: the supervisor's decision goes to the referrals API; the row then leaves the queue.
"use strict";
(() => {
  const message = document.getElementById("referrals-message");
  const LABELS = { SAME_PERSON: "same person", DIFFERENT_PERSON: "different person", FRAUD_SUSPECTED: "fraud suspected" };

  for (const form of document.querySelectorAll("form.sp-resolve")) {
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const error = form.querySelector(".sp-message");
      const choice = form.querySelector("input[name=resolution]:checked");
      if (!choice) {
        sp.say(error, "error", "Choose a decision first.");
        return;
      }
      const id = form.dataset.referralId;
      const button = form.querySelector("[data-testid=resolve-referral]");
      try {
        await ui.busy(button, () => sp.api("POST", "/api/v1/referrals/" + encodeURIComponent(id) + "/resolution",
          { resolution: choice.value }));
        form.closest("[data-testid=referral-row]").remove();
        sp.say(message, "ok", "Referral " + id + " closed: " + LABELS[choice.value] + ".");
      } catch (failure) {
        sp.say(error, "error", ui.explain(failure));
      }
    });
  }
})();
