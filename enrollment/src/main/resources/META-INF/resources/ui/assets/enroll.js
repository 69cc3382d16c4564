// The step-by-step enrollment. The draft lives in sessionStorage (this tab only, gone when it closes) so a reload or a
// crash returns the officer to the same step with everything filled in; fingerprint and eye images are deliberately
// never stored there (biometrics stay in memory). Each eye image is put through the iris quality gate
// (POST /api/v1/iris-checks) as soon as it is chosen, so a bad capture is retaken while the child is still there. The draft's requestId is the API's idempotency key: a retry after a lost
// answer sends the same id and body, and the API answers with the subject it already enrolled.
"use strict";
(() => {
  const KEY = "safepassage.enrollment.draft";
  const STEPS = ["person", "guardians", "consent", "biometrics", "review"];
  const FINGERS = ["RIGHT_INDEX", "RIGHT_MIDDLE", "RIGHT_RING", "RIGHT_LITTLE", "RIGHT_THUMB",
    "LEFT_INDEX", "LEFT_MIDDLE", "LEFT_RING", "LEFT_LITTLE", "LEFT_THUMB"];
  const LANGUAGES = { en: "English", ro: "Romanian", ru: "Russian", uk: "Ukrainian" };
  const BASES = { CONSENT: "Consent", LEGAL_OBLIGATION: "Legal obligation", VITAL_INTERESTS: "Vital interests", PUBLIC_TASK: "Public task" };
  const E164 = /^\+[1-9][0-9]{7,14}$/;
  const MAX_PHOTO = 2 * 1024 * 1024;
  const root = document.getElementById("enroll");
  const MAX_GUARDIANS = Number(root.dataset.maxGuardians);
  const MAX_PRINTS = Number(root.dataset.maxFingerprints);
  const MAX_IMAGE = Number(root.dataset.maxImageMb) * 1024 * 1024;
  const IRIS_ONLY_BELOW_AGE = Number(root.dataset.irisOnlyBelowAge);
  const MAX_IRIS = Number(root.dataset.maxIrisMb) * 1024 * 1024;
  const EYES = ["RIGHT", "LEFT"];
  const MODALITIES = { FINGERS: "fingerprints", IRISES: "irises", BOTH: "fingerprints and irises" };
  const $ = (id) => document.getElementById(id);

  let draft = load();
  let prints = []; // { file, finger, url }: in memory only
  // Per eye, in memory only: { file, url, status: CHECKING | ACCEPTED | REJECTED | FAILED, quality, validBits, text }
  const eyes = { RIGHT: null, LEFT: null };

  function newRequestId() {
    const bytes = crypto.getRandomValues(new Uint8Array(16));
    return "ui-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  }
  function blankGuardian() {
    return { name: "", relation: "", phoneNumber: "", language: "ro", verificationId: null, codeSent: false, verified: false };
  }
  function fresh() {
    return { requestId: newRequestId(), step: 0,
      person: { givenNames: "", familyName: "", birthDate: "", sex: "", placeOfBirth: "", languages: "" },
      photo: null, guardians: [blankGuardian()], quorum: 1,
      consent: { consentedBy: "", legalBasis: "CONSENT", consentedAt: "", agreed: false },
      modality: null }; // null: the default for the person's age
  }
  function load() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(KEY));
      if (saved && saved.requestId && saved.person) return saved;
    } catch (e) { /* a damaged draft starts over */ }
    return fresh();
  }
  function save() {
    try {
      sessionStorage.setItem(KEY, JSON.stringify(draft));
    } catch (e) {
      // The browser's storage is full (a large photo): keep everything else, the photo must be chosen again on reload.
      const withoutPhoto = Object.assign({}, draft, { photo: null });
      try { sessionStorage.setItem(KEY, JSON.stringify(withoutPhoto)); } catch (ignored) { /* nothing more to do */ }
    }
  }

  // ---- steps -----------------------------------------------------------------------------------------------------
  function show(step, moveFocus = true) {
    draft.step = step;
    save();
    for (const form of document.querySelectorAll(".sp-step")) {
      form.classList.toggle("sp-hidden", Number(form.dataset.step) !== step);
    }
    for (const item of document.querySelectorAll("#steps li")) {
      const index = Number(item.dataset.step);
      if (index === step) item.setAttribute("aria-current", "step"); else item.removeAttribute("aria-current");
      item.classList.toggle("sp-done", index < step);
    }
    $("result").classList.add("sp-hidden");
    $("steps").classList.remove("sp-hidden");
    if (STEPS[step] === "guardians") renderGuardians();
    if (STEPS[step] === "consent" && !draft.consent.consentedAt) {
      draft.consent.consentedAt = localNow();
      $("consent-consented-at").value = draft.consent.consentedAt;
      save();
    }
    if (STEPS[step] === "biometrics") renderModality();
    if (STEPS[step] === "review") renderReview();
    if (moveFocus) {
      // Keyboard and screen-reader users land on the new step's title, not at the bottom of the old one.
      const heading = document.querySelector(".sp-step[data-step='" + step + "'] h2");
      if (heading) { heading.tabIndex = -1; heading.focus({ preventScroll: true }); }
      window.scrollTo(0, 0);
    }
  }

  for (const form of document.querySelectorAll(".sp-step")) {
    const step = Number(form.dataset.step);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      if (STEPS[step] === "review") { submit(); return; }
      if (validate(step)) show(step + 1);
    });
    const back = form.querySelector("[data-action=back]");
    if (back) back.addEventListener("click", () => show(step - 1));
  }

  function fieldError(form, name, text) {
    const slot = form.querySelector(".sp-field-error[data-for='" + name + "']");
    if (slot) slot.textContent = text || "";
    const input = form.querySelector("[name='" + name + "']");
    if (input) { if (text) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid"); }
    return !text;
  }
  function focusFirstError(form) {
    const bad = form.querySelector("[aria-invalid=true]");
    if (bad) bad.focus();
  }

  function validate(step) {
    switch (STEPS[step]) {
      case "person": return validatePerson();
      case "guardians": return validateGuardians();
      case "consent": return validateConsent();
      case "biometrics": return validateBiometrics();
      default: return true;
    }
  }

  // ---- person ----------------------------------------------------------------------------------------------------
  const personForm = $("step-person");
  for (const name of Object.keys(draft.person)) {
    const input = personForm.querySelector("[name='" + name + "']");
    input.value = draft.person[name] || "";
    input.addEventListener("input", () => { draft.person[name] = input.value; save(); });
    input.addEventListener("change", () => { draft.person[name] = input.value; save(); });
  }
  $("birth-date").max = new Date().toISOString().substring(0, 10);

  function languages() {
    return draft.person.languages.split(/[\s,;]+/).map((l) => l.trim().toLowerCase()).filter((l) => l);
  }
  function age() {
    const born = new Date(draft.person.birthDate + "T00:00:00");
    const now = new Date();
    let years = now.getFullYear() - born.getFullYear();
    if (now.getMonth() < born.getMonth() || (now.getMonth() === born.getMonth() && now.getDate() < born.getDate())) years--;
    return years;
  }
  function isMinor() {
    return draft.person.birthDate ? age() < 18 : true;
  }

  function validatePerson() {
    const p = draft.person;
    let ok = true;
    ok = fieldError(personForm, "givenNames", p.givenNames.trim() ? "" : "Enter the given names.") && ok;
    ok = fieldError(personForm, "familyName", p.familyName.trim() ? "" : "Enter the family name.") && ok;
    let birth = "";
    if (!p.birthDate) birth = "Enter the date of birth.";
    else if (p.birthDate > new Date().toISOString().substring(0, 10)) birth = "The date of birth cannot be in the future.";
    else if (p.birthDate < "1900-01-01") birth = "The date of birth must be after 1900.";
    ok = fieldError(personForm, "birthDate", birth) && ok;
    ok = fieldError(personForm, "sex", p.sex ? "" : "Choose one; “Not stated on any document” if no document says.") && ok;
    const bad = languages().filter((l) => !/^[a-z]{2,3}$/.test(l));
    const languageProblem = bad.length ? "Use two- or three-letter codes such as ro or ru (not “" + bad[0] + "”)."
      : languages().length > 10 ? "At most 10 languages." : "";
    ok = fieldError(personForm, "languages", languageProblem) && ok;
    if (!ok) focusFirstError(personForm);
    return ok;
  }

  function showPhoto() {
    const box = $("photo-preview");
    box.classList.toggle("sp-hidden", !draft.photo);
    if (draft.photo) $("photo-img").src = "data:" + draft.photo.type + ";base64," + draft.photo.data;
  }
  $("photo").addEventListener("change", async () => {
    const file = $("photo").files[0];
    fieldError(personForm, "photo", "");
    if (!file) return;
    if (!/^image\/(png|jpeg)$/.test(file.type)) { fieldError(personForm, "photo", "The photo must be a JPEG or PNG image."); return; }
    if (file.size > MAX_PHOTO) { fieldError(personForm, "photo", "The photo is larger than 2 MB; use a smaller one."); return; }
    draft.photo = { type: file.type, data: await sp.fileToBase64(file) };
    save();
    showPhoto();
  });
  $("photo-remove").addEventListener("click", () => { draft.photo = null; $("photo").value = ""; save(); showPhoto(); });

  // ---- guardians -------------------------------------------------------------------------------------------------
  function verifiedCount() {
    return draft.guardians.filter((g) => g.verified).length;
  }
  function isBlank(g) {
    return !g.name.trim() && !g.relation.trim() && !g.phoneNumber.trim();
  }

  function guardianBlock(g, i) {
    const id = (name) => name + "-" + i;
    const input = (name, label, attrs, value, hint) => {
      const field = ui.el("input", Object.assign({ id: id(name), "data-testid": id(name), autocomplete: "off" }, attrs));
      field.value = value;
      return ui.el("div", {}, ui.el("label", { for: id(name), text: label }), field,
        hint ? ui.el("p", { class: "sp-hint", text: hint }) : null,
        ui.el("p", { class: "sp-field-error", "data-for": id(name), role: "alert" }));
    };
    const language = ui.el("select", { id: id("guardian-language"), "data-testid": id("guardian-language") },
      ...Object.entries(LANGUAGES).map(([code, label]) => ui.el("option", { value: code, text: label + " (" + code + ")" })));
    language.value = g.language;
    const block = ui.el("fieldset", { class: "sp-guardian", "data-index": i, "data-testid": id("guardian") },
      ui.el("legend", { text: "Guardian " + (i + 1) }),
      ui.el("div", { class: "sp-row" },
        input("guardian-name", "Full name", { type: "text", maxlength: 200 }, g.name),
        input("guardian-relation", "Relation to the person", { type: "text", maxlength: 100, list: "relations" }, g.relation,
          "e.g. mother, father, legal guardian")),
      ui.el("div", { class: "sp-row" },
        input("guardian-phone", "Mobile phone", { type: "tel", maxlength: 16, placeholder: "+40711000101" }, g.phoneNumber,
          "International form: + and the country code."),
        ui.el("div", {}, ui.el("label", { for: id("guardian-language"), text: "Language of the SMS" }), language)),
      ui.el("div", { class: "sp-row sp-verify" },
        ui.el("div", {}, ui.el("button", { type: "button", class: "sp-btn", id: id("send-code"), "data-testid": id("send-code"),
          text: g.codeSent ? "Send a new code" : "Send code by SMS" })),
        ui.el("div", {}, ui.el("label", { for: id("code"), text: "Code the guardian reads out" }),
          Object.assign(ui.el("input", { type: "text", id: id("code"), "data-testid": id("code"), inputmode: "numeric",
            autocomplete: "one-time-code", maxlength: 12 }), { value: "" })),
        ui.el("div", {}, ui.el("button", { type: "button", class: "sp-btn sp-btn-primary", id: id("verify-code"),
          "data-testid": id("verify-code"), text: "Check the code" }))),
      ui.el("p", {}, ui.el("span", { class: "sp-badge sp-clear" + (g.verified ? "" : " sp-hidden"), id: id("guardian-verified"),
        "data-testid": id("guardian-verified"), text: "✓ Phone verified" })),
      ui.el("p", { class: "sp-message sp-hidden", id: id("guardian-message"), "data-testid": id("guardian-message"), role: "status" }),
      draft.guardians.length > 1
        ? ui.el("button", { type: "button", class: "sp-btn sp-btn-danger", id: id("remove-guardian"), "data-testid": id("remove-guardian"),
          text: "Remove guardian " + (i + 1) })
        : null);

    const bind = (name, key, afterChange) => {
      const field = block.querySelector("#" + id(name));
      field.addEventListener("input", () => { g[key] = field.value; if (afterChange) afterChange(); save(); });
      field.addEventListener("change", () => { g[key] = field.value; save(); });
    };
    bind("guardian-name", "name");
    bind("guardian-relation", "relation");
    bind("guardian-language", "language");
    bind("guardian-phone", "phoneNumber", () => {
      // A verification proves one number: editing the number means verifying again.
      if (g.verificationId) {
        g.verificationId = null; g.codeSent = false;
        if (g.verified) { g.verified = false; block.querySelector("#" + id("guardian-verified")).classList.add("sp-hidden"); renderQuorum(); }
      }
    });
    const say = (kind, text) => sp.say(block.querySelector("#" + id("guardian-message")), kind, text);
    const sendButton = block.querySelector("#" + id("send-code"));
    const verifyButton = block.querySelector("#" + id("verify-code"));
    const codeInput = block.querySelector("#" + id("code"));

    sendButton.addEventListener("click", async () => {
      const phone = g.phoneNumber.trim();
      if (!E164.test(phone)) {
        say("error", "Enter the phone in international form first, e.g. +40711000101.");
        block.querySelector("#" + id("guardian-phone")).focus();
        return;
      }
      try {
        const started = await ui.busy(sendButton, () => sp.api("POST", "/api/v1/phone-verifications", { phoneNumber: phone, language: g.language }));
        g.phoneNumber = phone; g.verificationId = started.verificationId; g.codeSent = true; g.verified = false;
        save();
        sendButton.textContent = "Send a new code";
        block.querySelector("#" + id("guardian-verified")).classList.add("sp-hidden");
        renderQuorum();
        say("info", "A code was sent by SMS to " + phone + ". Ask the guardian to read it out, then type it here.");
        codeInput.focus();
      } catch (error) {
        say("error", ui.explain(error));
      }
    });
    const check = async () => {
      const code = codeInput.value.trim();
      if (!g.verificationId) { say("error", "Send the code first."); return; }
      if (!code) { say("error", "Type the code the guardian reads out."); codeInput.focus(); return; }
      try {
        const answer = await ui.busy(verifyButton, () => sp.api("POST", "/api/v1/phone-verifications/"
          + encodeURIComponent(g.verificationId) + "/check", { code }));
        if (answer.status === "VERIFIED") {
          g.verified = true;
          save();
          block.querySelector("#" + id("guardian-verified")).classList.remove("sp-hidden");
          say("ok", "The phone number is verified.");
          renderQuorum();
        } else {
          say("error", "The phone is not verified yet (" + answer.status + "). Check the code and try again.");
        }
      } catch (error) {
        say("error", ui.explain(error));
        codeInput.select();
      }
    };
    verifyButton.addEventListener("click", check);
    codeInput.addEventListener("keydown", (event) => {
      if (event.key === "Enter") { event.preventDefault(); check(); }
    });
    const remove = block.querySelector("#" + id("remove-guardian"));
    if (remove) {
      remove.addEventListener("click", () => {
        draft.guardians.splice(i, 1);
        save();
        renderGuardians();
        $("add-guardian").focus();
      });
    }
    return block;
  }

  function renderGuardians() {
    const list = $("guardians");
    if (!$("relations")) {
      // Suggestions only: the relation is free text.
      list.before(ui.el("datalist", { id: "relations" }, ...["mother", "father", "legal guardian", "grandmother",
        "grandfather", "aunt", "uncle", "foster parent", "social worker"].map((r) => ui.el("option", { value: r }))));
    }
    list.replaceChildren(...draft.guardians.map(guardianBlock));
    $("add-guardian").disabled = draft.guardians.length >= MAX_GUARDIANS;
    renderQuorum();
  }
  $("add-guardian").addEventListener("click", () => {
    if (draft.guardians.length >= MAX_GUARDIANS) return;
    draft.guardians.push(blankGuardian());
    save();
    renderGuardians();
    $("guardian-name-" + (draft.guardians.length - 1)).focus();
  });

  function renderQuorum() {
    const verified = verifiedCount();
    const select = $("quorum");
    const options = verified === 0
      ? [ui.el("option", { value: 1, text: "1 (verify a guardian's phone first)" })]
      : Array.from({ length: verified }, (_, k) => ui.el("option", { value: k + 1, text: (k + 1) + " of " + verified + " verified" }));
    select.replaceChildren(...options);
    draft.quorum = Math.min(Math.max(1, draft.quorum || 1), Math.max(1, verified));
    select.value = String(draft.quorum);
  }
  $("quorum").addEventListener("change", () => { draft.quorum = Number($("quorum").value); save(); });

  function validateGuardians() {
    const form = $("step-guardians");
    const error = $("guardians-error");
    error.classList.add("sp-hidden");
    let ok = true;
    const phones = new Set();
    draft.guardians.forEach((g, i) => {
      if (isBlank(g)) return; // an empty block is ignored (an adult survivor may have no guardian at all)
      const set = (name, text) => {
        const slot = form.querySelector(".sp-field-error[data-for='" + name + "-" + i + "']");
        if (slot) slot.textContent = text;
        const input = $(name + "-" + i);
        if (text) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
        ok = ok && !text;
      };
      set("guardian-name", g.name.trim() ? "" : "Enter the guardian's name.");
      set("guardian-relation", g.relation.trim() ? "" : "Enter how they are related to the person.");
      const phone = g.phoneNumber.trim();
      set("guardian-phone", !E164.test(phone) ? "Enter the phone in international form, e.g. +40711000101."
        : phones.has(phone) ? "Two guardians cannot share a phone number." : "");
      phones.add(phone);
    });
    if (ok && isMinor() && verifiedCount() === 0) {
      sp.say(error, "error", "A child needs at least one guardian with a verified phone: send the code and check it.");
      ok = false;
    }
    if (!ok) focusFirstError(form);
    return ok;
  }

  // ---- consent ---------------------------------------------------------------------------------------------------
  const consentForm = $("step-consent");
  function localNow() {
    const now = new Date();
    now.setMinutes(now.getMinutes() - now.getTimezoneOffset());
    return now.toISOString().substring(0, 16);
  }
  $("consent-consented-by").value = draft.consent.consentedBy;
  $("consent-legal-basis").value = draft.consent.legalBasis;
  $("consent-consented-at").value = draft.consent.consentedAt;
  $("consent").checked = draft.consent.agreed;
  $("consent-consented-by").addEventListener("input", (e) => { draft.consent.consentedBy = e.target.value; save(); });
  $("consent-legal-basis").addEventListener("change", (e) => { draft.consent.legalBasis = e.target.value; save(); });
  $("consent-consented-at").addEventListener("change", (e) => { draft.consent.consentedAt = e.target.value; save(); });
  $("consent-consented-at").addEventListener("input", (e) => { draft.consent.consentedAt = e.target.value; save(); });
  $("consent").addEventListener("change", (e) => { draft.consent.agreed = e.target.checked; save(); });

  function validateConsent() {
    const c = draft.consent;
    let ok = true;
    ok = fieldError(consentForm, "consentedBy", c.consentedBy.trim() ? "" : "Say who agreed (the person, or the guardian who signed).") && ok;
    let when = "";
    if (!c.consentedAt || isNaN(new Date(c.consentedAt).getTime())) when = "Enter when they agreed.";
    else if (new Date(c.consentedAt).getTime() > Date.now() + 5 * 60 * 1000) when = "This is in the future.";
    ok = fieldError(consentForm, "consentedAt", when) && ok;
    const slot = consentForm.querySelector(".sp-field-error[data-for=consent]");
    slot.textContent = c.agreed ? "" : "Tick the box once you have informed them.";
    if (!c.agreed) { $("consent").setAttribute("aria-invalid", "true"); ok = false; } else $("consent").removeAttribute("aria-invalid");
    if (!ok) focusFirstError(consentForm);
    return ok;
  }

  // ---- modality: fingers, irises or both, with the default for the person's age ----------------------------------
  /** Under IRIS_ONLY_BELOW_AGE irises are required (fingers optional); from it, fingers (irises optional). */
  function allowed(modality) {
    return age() < IRIS_ONLY_BELOW_AGE ? modality !== "FINGERS" : modality !== "IRISES";
  }
  function defaultModality() {
    return age() < IRIS_ONLY_BELOW_AGE ? "IRISES" : "FINGERS";
  }
  function modality() {
    return draft.modality && allowed(draft.modality) ? draft.modality : defaultModality();
  }
  function wantsFingers() {
    return modality() !== "IRISES";
  }
  function wantsIrises() {
    return modality() !== "FINGERS";
  }
  function renderModality() {
    if (!draft.person.birthDate) return;
    const chosen = modality();
    for (const input of document.querySelectorAll("input[name=modality]")) {
      input.checked = input.value === chosen;
      input.disabled = !allowed(input.value);
      input.closest("label").classList.toggle("sp-muted", input.disabled);
    }
    const years = age();
    $("modality-hint").textContent = years < IRIS_ONLY_BELOW_AGE
      ? "The person is " + years + ": under " + IRIS_ONLY_BELOW_AGE + ", a child is enrolled by iris. At least one eye is "
        + "required; fingerprints may be added (choose Both)."
      : "The person is " + years + ": from " + IRIS_ONLY_BELOW_AGE + ", at least one fingerprint is required; irises may be "
        + "added (choose Both).";
    $("fingerprint-section").classList.toggle("sp-hidden", !wantsFingers());
    $("iris-section").classList.toggle("sp-hidden", !wantsIrises());
  }
  for (const input of document.querySelectorAll("input[name=modality]")) {
    input.addEventListener("change", () => {
      if (!input.checked) return;
      draft.modality = input.value;
      save();
      fieldError($("step-biometrics"), "modality", "");
      renderModality();
    });
  }

  // ---- fingerprints ----------------------------------------------------------------------------------------------
  function renderPrints() {
    const list = $("fingerprint-list");
    list.replaceChildren(...prints.map((p, k) => {
      const select = ui.el("select", { id: "finger-" + k, "data-testid": "finger-" + k, "aria-label": "Finger of " + p.file.name },
        ...FINGERS.map((f) => ui.el("option", { value: f, text: ui.fingerLabel(f) })));
      select.value = p.finger;
      select.addEventListener("change", () => { p.finger = select.value; });
      const remove = ui.el("button", { type: "button", class: "sp-btn", "data-testid": "remove-fingerprint-" + k, text: "Remove" });
      remove.addEventListener("click", () => { URL.revokeObjectURL(p.url); prints.splice(k, 1); renderPrints(); });
      return ui.el("div", { class: "sp-print", "data-testid": "fingerprint-item" },
        ui.el("img", { src: p.url, alt: "Fingerprint " + (k + 1), class: "sp-thumb", "data-testid": "fingerprint-thumbnail" }),
        ui.el("div", {}, ui.el("label", { for: "finger-" + k, text: "Finger" }), select,
          ui.el("p", { class: "sp-hint", text: p.file.name + " · " + Math.ceil(p.file.size / 1024) + " KB" })),
        remove);
    }));
    if (prints.length === 0 && draft.step >= STEPS.indexOf("biometrics")) {
      list.append(ui.el("p", { class: "sp-muted", text: "No fingerprint chosen yet." }));
    }
  }
  $("fingerprints").addEventListener("change", () => {
    for (const p of prints) URL.revokeObjectURL(p.url);
    const files = Array.from($("fingerprints").files);
    prints = files.slice(0, MAX_PRINTS).map((file, k) => ({ file, finger: FINGERS[k], url: URL.createObjectURL(file) }));
    const error = $("fingerprints-error");
    if (files.length > MAX_PRINTS) sp.say(error, "error", "At most " + MAX_PRINTS + " fingers: only the first " + MAX_PRINTS + " files are used.");
    else error.classList.add("sp-hidden");
    renderPrints();
  });

  function validatePrints() {
    const error = $("fingerprints-error");
    let problem = "";
    if (prints.length === 0) problem = "Choose at least one fingerprint image, or capture irises instead (see above).";
    const wrongType = prints.find((p) => !/^image\/(png|jpeg)$/.test(p.file.type));
    const tooBig = prints.find((p) => p.file.size > MAX_IMAGE);
    const fingers = prints.map((p) => p.finger);
    const twice = fingers.find((f, k) => fingers.indexOf(f) !== k);
    if (!problem && wrongType) problem = wrongType.file.name + " is not a PNG or JPEG image.";
    if (!problem && tooBig) problem = tooBig.file.name + " is larger than " + root.dataset.maxImageMb + " MB.";
    if (!problem && twice) problem = "The " + ui.fingerName(twice) + " is chosen for two images: give each image its own finger.";
    if (problem) { sp.say(error, "error", problem); $("fingerprints").focus(); return false; }
    error.classList.add("sp-hidden");
    return true;
  }


  // ---- irises: one image per eye, each checked by the quality gate at once ---------------------------------------
  const LIMITS = {
    minDiameter: Number(root.dataset.irisMinDiameter), minRatio: Number(root.dataset.irisMinRatio),
    maxRatio: Number(root.dataset.irisMaxRatio), maxConcentricity: Number(root.dataset.irisMaxConcentricity),
    maxOcclusion: Number(root.dataset.irisMaxOcclusion), minUsable: Number(root.dataset.irisMinUsable),
    minFocus: Number(root.dataset.irisMinFocus),
  };
  const percent = (x) => Math.round(x * 100) + "%";
  function measurements(quality, validBits) {
    return [
      ["Iris diameter", Math.round(quality.irisDiameter) + " px", "at least " + LIMITS.minDiameter + " px", "irisDiameter"],
      ["Pupil to iris", quality.pupilIrisRatio.toFixed(2), LIMITS.minRatio + " to " + LIMITS.maxRatio, "pupilIrisRatio"],
      ["Gaze off centre", quality.concentricity.toFixed(2), "at most " + LIMITS.maxConcentricity, "concentricity"],
      ["Covered by eyelids", percent(quality.eyelidOcclusion), "at most " + percent(LIMITS.maxOcclusion), "eyelidOcclusion"],
      ["Usable iris", percent(quality.usableIrisArea), "at least " + percent(LIMITS.minUsable), "usableIrisArea"],
      ["Focus", quality.focus.toFixed(1), "at least " + LIMITS.minFocus, "focus"],
      ["Usable code bits", String(validBits), "of 2048", "validBits"],
    ];
  }
  function eyeName(eye) {
    return eye === "LEFT" ? "left eye" : "right eye";
  }
  function renderEye(eye) {
    const id = eye.toLowerCase();
    const box = $("iris-check-" + id);
    const capture = eyes[eye];
    box.dataset.status = capture ? capture.status : "";
    box.dataset.rejection = capture && capture.rejection ? capture.rejection : "";
    if (!capture) {
      box.replaceChildren(ui.el("p", { class: "sp-muted", text: "No image chosen." }));
      return;
    }
    const remove = ui.el("button", { type: "button", class: "sp-btn", "data-testid": "remove-iris-" + id,
      text: "Remove the " + eyeName(eye) });
    remove.addEventListener("click", () => {
      URL.revokeObjectURL(capture.url);
      eyes[eye] = null;
      $("iris-" + id).value = "";
      renderEye(eye);
    });
    const verdict = {
      CHECKING: ["sp-message sp-info", "Checking the image…"],
      ACCEPTED: ["sp-message sp-ok", "Accepted: good enough to enroll."],
      REJECTED: ["sp-message sp-error", "Refused: " + capture.text + ". Capture the " + eyeName(eye) + " again."],
      FAILED: ["sp-message sp-error", capture.text],
    }[capture.status];
    const message = ui.el("p", { class: verdict[0], "data-testid": "iris-verdict-" + id, role: "status", text: verdict[1] });
    const facts = capture.quality
      ? ui.el("dl", { class: "sp-facts sp-iris-quality", "data-testid": "iris-quality-" + id },
        ...measurements(capture.quality, capture.validBits).flatMap(([term, value, limit, key]) => [
          ui.el("dt", { text: term }),
          ui.el("dd", { "data-measure": key, text: value + " " }, ui.el("span", { class: "sp-hint", text: "(" + limit + ")" }))]))
      : null;
    box.replaceChildren(
      ui.el("img", { src: capture.url, alt: "The " + eyeName(eye) + " image", class: "sp-eye-thumb",
        "data-testid": "iris-thumbnail-" + id }),
      ui.el("div", {}, message, facts,
        ui.el("p", { class: "sp-hint", text: capture.file.name + " · " + Math.ceil(capture.file.size / 1024) + " KB" }),
        remove));
  }
  async function checkEye(eye, file) {
    if (eyes[eye]) URL.revokeObjectURL(eyes[eye].url);
    const capture = { file, url: URL.createObjectURL(file), status: "CHECKING", quality: null, validBits: 0, text: "" };
    eyes[eye] = capture;
    $("irises-error").classList.add("sp-hidden");
    renderEye(eye);
    const refuse = (rejection, text) => { capture.status = "REJECTED"; capture.rejection = rejection; capture.text = text; };
    if (!/^image\/(png|jpeg)$/.test(file.type)) {
      refuse("UNSUPPORTED_FORMAT", ui.IRIS_REJECTIONS.UNSUPPORTED_FORMAT);
    } else if (file.size > MAX_IRIS) {
      refuse("FILE_TOO_LARGE", ui.IRIS_REJECTIONS.FILE_TOO_LARGE + " (at most " + root.dataset.maxIrisMb + " MB)");
    } else {
      try {
        const checked = await sp.api("POST", "/api/v1/iris-checks", { eye, image: await sp.fileToBase64(file) });
        capture.status = "ACCEPTED";
        capture.quality = checked.quality;
        capture.validBits = checked.validBits;
      } catch (error) {
        if (sp.reason(error) === "IRIS_REJECTED") {
          const rejection = error.problem.details && error.problem.details.rejection;
          refuse(rejection || "", ui.IRIS_REJECTIONS[rejection] || "it cannot be used");
        } else {
          capture.status = "FAILED";
          capture.text = ui.explain(error);
        }
      }
    }
    // A newer image chosen for this eye while the check ran wins.
    if (eyes[eye] === capture) renderEye(eye);
  }
  for (const eye of EYES) {
    const input = $("iris-" + eye.toLowerCase());
    input.addEventListener("change", () => {
      const file = input.files[0];
      if (file) checkEye(eye, file);
    });
  }
  function acceptedEyes() {
    return EYES.filter((eye) => eyes[eye] && eyes[eye].status === "ACCEPTED");
  }

  function validateIrises() {
    const error = $("irises-error");
    let problem = "";
    const pending = EYES.find((eye) => eyes[eye] && eyes[eye].status === "CHECKING");
    const refused = EYES.find((eye) => eyes[eye] && eyes[eye].status !== "ACCEPTED" && eyes[eye].status !== "CHECKING");
    if (pending) problem = "The " + eyeName(pending) + " image is still being checked: wait a moment.";
    else if (refused) problem = "The " + eyeName(refused) + " image was not accepted: capture it again, or remove it.";
    else if (acceptedEyes().length === 0) problem = "Choose an image of at least one eye.";
    if (problem) { sp.say(error, "error", problem); $("iris-" + (pending || refused || "RIGHT").toLowerCase()).focus(); return false; }
    error.classList.add("sp-hidden");
    return true;
  }

  function validateBiometrics() {
    const form = $("step-biometrics");
    if (draft.modality && !allowed(draft.modality)) {
      // The date of birth changed since the choice: the default for the new age applies.
      draft.modality = null;
      save();
    }
    renderModality();
    let ok = true;
    if (wantsFingers()) ok = validatePrints() && ok; else $("fingerprints-error").classList.add("sp-hidden");
    if (wantsIrises()) ok = validateIrises() && ok; else $("irises-error").classList.add("sp-hidden");
    if (!ok) focusFirstError(form);
    return ok;
  }

  // ---- review and submit -----------------------------------------------------------------------------------------
  function row(term, value) {
    return [ui.el("dt", { text: term }), ui.el("dd", { text: value })];
  }
  function renderReview() {
    const p = draft.person;
    const guardians = draft.guardians.filter((g) => !isBlank(g));
    const summary = $("review-summary");
    summary.replaceChildren(
      ui.el("h3", { text: "Person" }),
      ui.el("dl", { class: "sp-facts" }, ...row("Name", p.givenNames + " " + p.familyName),
        ...row("Born", p.birthDate + (p.birthDate ? " (" + age() + " years, " + (isMinor() ? "a minor" : "an adult") + ")" : "")),
        ...row("Sex", p.sex), ...row("Place of birth", p.placeOfBirth || "—"), ...row("Languages", languages().join(", ") || "—"),
        ...row("Photo", draft.photo ? "yes" : "none")),
      ui.el("h3", { text: "Guardians" }),
      guardians.length === 0 ? ui.el("p", { class: "sp-muted", text: "None." })
        : ui.el("ul", {}, ...guardians.map((g) => ui.el("li", { text: g.name + " (" + g.relation + "), " + g.phoneNumber
          + ", SMS in " + LANGUAGES[g.language] + " — " + (g.verified ? "phone verified" : "phone NOT verified: cannot approve") }))),
      ui.el("p", { text: verifiedCount() === 0 ? "No guardian with a verified phone: no one is asked to approve crossings."
        : "Approval of a crossing needs " + draft.quorum + " of " + verifiedCount() + " verified guardians." }),
      ui.el("h3", { text: "Consent" }),
      ui.el("dl", { class: "sp-facts" }, ...row("Agreed by", draft.consent.consentedBy),
        ...row("Legal basis", BASES[draft.consent.legalBasis]), ...row("When", draft.consent.consentedAt.replace("T", " "))),
      ui.el("h3", { text: "Biometrics" }),
      ui.el("p", { "data-testid": "review-modality", "data-modality": modality(), text: "Enrolled by " + MODALITIES[modality()] + "." }),
      wantsFingers() ? reviewPrints() : null,
      wantsIrises() ? reviewEyes() : null);
  }
  function reviewPrints() {
    return prints.length === 0
      ? ui.el("p", { class: "sp-message sp-error", text: "The fingerprint images are not in this page any more (the page was reloaded): go back and choose them again." })
      : ui.el("div", { class: "sp-fingerprints" }, ...prints.map((f) => ui.el("figure", { class: "sp-print" },
        ui.el("img", { src: f.url, alt: ui.fingerLabel(f.finger), class: "sp-thumb" }),
        ui.el("figcaption", { text: ui.fingerLabel(f.finger) }))));
  }
  function reviewEyes() {
    const accepted = acceptedEyes();
    return accepted.length === 0
      ? ui.el("p", { class: "sp-message sp-error", text: "The eye images are not in this page any more (the page was reloaded): go back and choose them again." })
      : ui.el("div", { class: "sp-fingerprints" }, ...accepted.map((eye) => ui.el("figure", { class: "sp-print", "data-testid": "review-eye" },
        ui.el("img", { src: eyes[eye].url, alt: "The " + eyeName(eye), class: "sp-eye-thumb" }),
        ui.el("figcaption", { text: "The " + eyeName(eye) + " · usable iris " + percent(eyes[eye].quality.usableIrisArea) }))));
  }

  async function request() {
    const p = draft.person;
    return {
      requestId: draft.requestId,
      person: { givenNames: p.givenNames.trim(), familyName: p.familyName.trim(), birthDate: p.birthDate, sex: p.sex,
        placeOfBirth: p.placeOfBirth.trim() || null, languages: languages() },
      photo: draft.photo ? draft.photo.data : null,
      guardians: draft.guardians.filter((g) => !isBlank(g)).map((g) => ({ name: g.name.trim(), relation: g.relation.trim(),
        phoneNumber: g.phoneNumber.trim(), language: g.language, verificationId: g.verified ? g.verificationId : null })),
      approvalQuorum: verifiedCount() === 0 && !isMinor() ? 0 : draft.quorum,
      consent: { consentedBy: draft.consent.consentedBy.trim(), legalBasis: draft.consent.legalBasis,
        consentedAt: new Date(draft.consent.consentedAt).toISOString() },
      fingerprints: wantsFingers()
        ? await Promise.all(prints.map(async (f) => ({ finger: f.finger, image: await sp.fileToBase64(f.file) }))) : [],
      irises: wantsIrises()
        ? await Promise.all(acceptedEyes().map(async (eye) => ({ eye, image: await sp.fileToBase64(eyes[eye].file) }))) : [],
    };
  }

  async function submit() {
    const error = $("submit-error");
    error.classList.add("sp-hidden");
    for (let step = 0; step < 4; step++) {
      if (!validate(step)) { show(step); if (step === 3) validate(step); return; }
    }
    const button = $("submit-enrollment");
    try {
      const body = await request();
      const subject = await ui.busy(button, () => { button.textContent = "Enrolling…"; return sp.api("POST", "/api/v1/subjects", body); });
      finish("ok", subject);
    } catch (failure) {
      if (sp.reason(failure) === "DUPLICATE_REFERRED") {
        finish("referred", failure.problem.details);
      } else {
        sp.say(error, "error", ui.explain(failure));
      }
    }
  }

  function finish(kind, value) {
    const result = $("enrollment-result");
    const link = $("result-subject-link");
    if (kind === "ok") {
      result.className = "sp-message sp-ok";
      result.replaceChildren("Enrolled. Subject id: ", ui.el("strong", { class: "sp-mono", id: "enrolled-subject-id",
        "data-testid": "enrolled-subject-id", text: value.subjectId }), ". Write it on the enrollment receipt.",
        value.ledgerState === "PENDING" ? ui.el("p", { text: "The ledger registration is still being retried; it completes by itself." }) : "");
      link.href = "/ui/subjects/" + encodeURIComponent(value.subjectId);
      link.classList.remove("sp-hidden");
    } else {
      result.className = "sp-message sp-info";
      result.replaceChildren("These " + (value.modality === "IRIS" ? "irises" : "fingerprints") + " match a person already "
        + "enrolled, so this enrollment was not made. It was referred to a supervisor, who will review it. Referral: ",
        ui.el("strong", { class: "sp-mono", id: "referral-id", "data-testid": "referral-id", text: value.referralId }), ".");
      link.classList.add("sp-hidden");
    }
    // The work is done (or handed to a supervisor): the draft and the images go.
    sessionStorage.removeItem(KEY);
    for (const p of prints) URL.revokeObjectURL(p.url);
    prints = [];
    for (const eye of EYES) {
      if (eyes[eye]) URL.revokeObjectURL(eyes[eye].url);
      eyes[eye] = null;
    }
    for (const form of document.querySelectorAll(".sp-step")) form.classList.add("sp-hidden");
    $("steps").classList.add("sp-hidden");
    $("draft-note").classList.add("sp-hidden");
    $("result").classList.remove("sp-hidden");
    result.setAttribute("tabindex", "-1");
    result.focus();
  }

  $("new-enrollment").addEventListener("click", () => {
    sessionStorage.removeItem(KEY);
    window.location.reload();
  });

  showPhoto();
  renderPrints();
  for (const eye of EYES) renderEye(eye);
  show(Math.min(Math.max(0, Number(draft.step) || 0), STEPS.length - 1), false);
})();
