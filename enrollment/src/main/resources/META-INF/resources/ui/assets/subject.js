// The subject screen's actions. Each one calls the existing API; the buttons shown were chosen on the server by role,
// and the API checks the role again.
"use strict";
(() => {
  const root = document.getElementById("subject");
  const subjectId = root.dataset.subjectId;
  const base = "/api/v1/subjects/" + encodeURIComponent(subjectId);
  const message = document.getElementById("action-message");
  const status = document.getElementById("subject-status");
  const $ = (id) => document.getElementById(id);

  function showStatus(value) {
    root.dataset.status = value;
    status.textContent = value;
    status.className = "sp-badge" + ({ ACTIVE: " sp-clear", FLAGGED_MISSING: " sp-alert", PENDING: " sp-waiting" }[value] || "");
    // Only the action that makes sense now is offered: flag an active subject, clear a flagged one.
    if ($("flag-missing")) $("flag-missing").classList.toggle("sp-hidden", value === "FLAGGED_MISSING" || value === "ERASED");
    if ($("unflag-missing")) $("unflag-missing").classList.toggle("sp-hidden", value !== "FLAGGED_MISSING");
  }

  /** An in-page confirmation (a modal dialog the keyboard can answer: Enter confirms, Escape cancels). */
  function confirmInPage(title, text, okLabel, danger) {
    const dialog = $("confirm-dialog");
    $("confirm-ok").className = "sp-btn sp-btn-primary" + (danger ? " sp-btn-danger" : "");
    $("confirm-title").textContent = title;
    $("confirm-text").textContent = text;
    $("confirm-ok").textContent = okLabel;
    return new Promise((resolve) => {
      const done = (answer) => {
        $("confirm-ok").onclick = null;
        $("confirm-cancel").onclick = null;
        dialog.onclose = null;
        if (dialog.open) dialog.close();
        resolve(answer);
      };
      $("confirm-ok").onclick = () => done(true);
      $("confirm-cancel").onclick = () => done(false);
      dialog.onclose = () => done(false);
      dialog.showModal();
      $("confirm-cancel").focus();
    });
  }

  async function changeMissing(button, method, title, text, okLabel, done) {
    if (!(await confirmInPage(title, text, okLabel, method === "POST"))) return;
    try {
      const subject = await ui.busy(button, () => sp.api(method, base + "/missing"));
      showStatus(subject.status);
      sp.say(message, "ok", done);
    } catch (error) {
      sp.say(message, "error", ui.explain(error));
    }
    button.focus();
  }

  if ($("flag-missing")) {
    $("flag-missing").addEventListener("click", (event) => changeMissing(event.currentTarget, "POST",
      "Flag this person missing?", "Every scan of this person at a border post will raise an alert until a supervisor clears the flag.",
      "Flag missing", "Flagged missing: border posts will raise an alert on any scan."));
  }
  if ($("unflag-missing")) {
    $("unflag-missing").addEventListener("click", (event) => changeMissing(event.currentTarget, "DELETE",
      "Clear the missing flag?", "Do this only once the person has been found and their identity confirmed.",
      "Clear the flag", "The missing flag is cleared."));
  }

  if ($("export-subject")) {
    $("export-subject").addEventListener("click", async (event) => {
      try {
        const data = await ui.busy(event.currentTarget, () => sp.api("GET", base + "/export"));
        ui.download("subject-" + subjectId + "-export.json", data);
        sp.say(message, "ok", "The export was downloaded. It holds personal data: hand it over only to the person or their guardian, and delete your copy.");
      } catch (error) {
        sp.say(message, "error", ui.explain(error));
      }
    });
  }

  // Erasure (DPO): a confirmation step with the request reference, then the certificate.
  if ($("erase-subject")) {
    const confirmBox = $("erase-confirm");
    const reference = $("erasure-request-ref");
    const eraseError = $("erase-error");
    let signed = null;

    $("erase-subject").addEventListener("click", () => {
      confirmBox.classList.remove("sp-hidden");
      reference.focus();
    });
    $("cancel-erase").addEventListener("click", () => {
      confirmBox.classList.add("sp-hidden");
      eraseError.classList.add("sp-hidden");
      $("erase-subject").focus();
    });

    function showErasure(result) {
      confirmBox.classList.add("sp-hidden");
      // What was on screen about the person is gone from the vault: take it off the screen too.
      for (const id of ["actions", "person-card", "guardians-card"]) { const section = $(id); if (section) section.remove(); }
      $("subject-name").textContent = "Erased subject";
      showStatus("ERASED");
      const box = $("erasure-certificate");
      box.classList.remove("sp-hidden");
      signed = result.certificate || null;
      $("certificate-pending").classList.toggle("sp-hidden", signed !== null);
      $("certificate-facts").classList.toggle("sp-hidden", signed === null);
      $("verify-certificate").disabled = signed === null;
      $("download-certificate").classList.toggle("sp-hidden", signed === null);
      if (signed) {
        const fields = Object.assign({}, signed.certificate, { signature: signed.algorithm + " " + signed.signature });
        for (const dd of box.querySelectorAll("[data-field]")) {
          const value = fields[dd.dataset.field];
          dd.textContent = Array.isArray(value) ? value.join("; ") : (value === null || value === undefined ? "—" : String(value));
        }
        const link = $("download-certificate");
        link.href = URL.createObjectURL(new Blob([JSON.stringify(signed, null, 2)], { type: "application/json" }));
        link.download = "erasure-certificate-" + subjectId + ".json";
      }
      box.scrollIntoView({ block: "start" });
    }

    $("erase-form").addEventListener("submit", async (event) => {
      event.preventDefault();
      const ref = reference.value.trim();
      if (!/^[A-Za-z0-9_-]{16,64}$/.test(ref)) {
        sp.say(eraseError, "error", "The request reference is 16 to 64 letters, digits, “-” or “_”, as in your files.");
        reference.focus();
        return;
      }
      try {
        const result = await ui.busy($("confirm-erase"), () => sp.api("POST", "/api/v1/erasures", { subjectId, requestRef: ref }));
        showErasure(result);
      } catch (error) {
        sp.say(eraseError, "error", ui.explain(error, {
          DUPLICATE_REQUEST_ID: "This request reference was already used for another person's erasure. Check the reference in your files.",
          SUBJECT_ERASED: "This person was already erased under another request.",
        }));
      }
    });

    $("refresh-certificate").addEventListener("click", async (event) => {
      try {
        showErasure(await ui.busy(event.currentTarget, () => sp.api("GET", "/api/v1/erasures/" + encodeURIComponent(subjectId))));
      } catch (error) {
        sp.say($("certificate-error"), "error", ui.explain(error));
      }
    });

    $("verify-certificate").addEventListener("click", async (event) => {
      const verdict = $("certificate-verified");
      try {
        const answer = await ui.busy(event.currentTarget, () => sp.api("POST", "/api/v1/erasures/verification", signed));
        verdict.textContent = answer.valid ? "VALID" : "INVALID";
        verdict.className = "sp-badge " + (answer.valid ? "sp-clear" : "sp-refused");
      } catch (error) {
        verdict.textContent = "";
        sp.say($("certificate-error"), "error", ui.explain(error));
      }
    });
  }

  showStatus(root.dataset.status);
})();
