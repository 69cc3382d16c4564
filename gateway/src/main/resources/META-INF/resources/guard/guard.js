// The border guard's screen: scan, one full-screen decision, live guardian status, crossing, supervisor override.
// Everything goes through the gateway's JSON API with the terminal's own certificate and the session of the person
// logged in at it (the IdP's code flow); the page holds no extra power.
"use strict";
(function () {
  const LANGUAGES = ["en", "ro", "ru", "uk"];
  const STORAGE_KEY = "safepassage.guard.language";
  const RECONNECT_MS = [1000, 2000, 5000, 10000];
  const $ = (id) => document.getElementById(id);
  const role = document.body.dataset.role;

  let language = "en";
  // The person at the window. A new scan starts a new session; late answers of an old one are ignored.
  let session = 0;
  let current = null;
  let live = null;
  let ticker = null;

  // ---- Language ------------------------------------------------------------------------------------------------
  function t(key, values) {
    const text = (GUARD_I18N[language] && GUARD_I18N[language][key]) || GUARD_I18N.en[key] || key;
    return text.replace(/\{(\w+)\}/g, (all, name) => (values && name in values ? values[name] : all));
  }

  function has(key) {
    return key in GUARD_I18N.en;
  }

  function setLanguage(chosen) {
    language = LANGUAGES.includes(chosen) ? chosen : "en";
    document.documentElement.lang = language;
    $("language").value = language;
    document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
    showChosenFiles();
    render();
  }

  function initialLanguage() {
    let stored = null;
    try { stored = localStorage.getItem(STORAGE_KEY); } catch (e) { /* storage disabled: use the browser's */ }
    if (LANGUAGES.includes(stored)) {
      return stored;
    }
    const browser = (navigator.language || "en").slice(0, 2).toLowerCase();
    return LANGUAGES.includes(browser) ? browser : "en";
  }

  // ---- Errors: a translated sentence keyed on the API's machine-readable code ----------------------------------
  function errorText(error) {
    if (!error || !error.status) {
      return t("error.NETWORK");
    }
    const code = sp.reason(error);
    const details = (error.problem && error.problem.details) || {};
    const field = details.field;
    if (code === "IRIS_REJECTED" && has("iris." + details.rejection)) {
      // Enrollment's quality gate refused an eye image: say what to change, in the guard's language.
      return t("error.IRIS_REJECTED") + " " + t("iris." + details.rejection);
    }
    if (code === "INVALID_FIELD" && field) {
      const key = "error.field." + String(field).replace(/\[\d+\]$/, "");
      if (has(key)) {
        return t(key);
      }
    }
    if (code && has("error." + code)) {
      return t("error." + code);
    }
    return t(error.status >= 500 ? "error.INTERNAL_ERROR" : "error.UNKNOWN");
  }

  function showError(element, key, error) {
    element.dataset.code = (error && sp.reason(error)) || key;
    element.dataset.key = key;
    const rejection = error && error.problem && error.problem.details && error.problem.details.rejection;
    if (rejection) {
      element.dataset.rejection = rejection;
    } else {
      delete element.dataset.rejection;
    }
    element.textContent = error ? errorText(error) : t(key);
    element.classList.remove("sp-hidden");
    element.errorObject = error || null;
  }

  function clearError(element) {
    element.classList.add("sp-hidden");
    element.textContent = "";
    delete element.dataset.code;
    delete element.dataset.key;
    delete element.dataset.rejection;
    element.errorObject = null;
  }

  function retranslateError(element) {
    if (!element.classList.contains("sp-hidden") && element.dataset.key) {
      element.textContent = element.errorObject ? errorText(element.errorObject) : t(element.dataset.key);
    }
  }

  // ---- Scan ---------------------------------------------------------------------------------------------------
  function showChosenFiles() {
    const count = ($("scan-images").files || []).length;
    $("scan-files").textContent = count === 0 ? t("scan.noneChosen") : t("scan.chosen", { n: count });
    const eyes = ($("scan-irises").files || []).length;
    $("scan-iris-files").textContent = eyes === 0 ? t("scan.noneChosen") : t("scan.irisesChosen", { n: eyes });
  }

  // ---- Scan request ------------------------------------------------------------------------------------------
  function companion() {
    const type = $("companion-type").value;
    const number = $("companion-number").value.trim();
    const nationality = $("companion-nationality").value.trim().toUpperCase();
    if (!type && !number && !nationality) {
      return null;
    }
    if (!type || !number || !nationality) {
      throw new Error("scan.companionIncomplete");
    }
    return { documentType: type, documentNumber: number, nationality };
  }

  function setBusy(busy) {
    $("scan-fields").disabled = busy;
    $("scan-submit").disabled = busy;
    $("scan-submit").setAttribute("aria-busy", String(busy));
    $("scan-submit").querySelector(".guard-spinner").classList.toggle("sp-hidden", !busy);
    $("scan-busy").classList.toggle("sp-hidden", !busy);
    document.body.classList.toggle("guard-busy-page", busy);
  }

  async function submitScan(event) {
    event.preventDefault();
    const errorBox = $("scan-error");
    clearError(errorBox);
    // Fingers, eyes or both: the gateway identifies by whatever is given.
    const files = Array.from($("scan-images").files || []);
    const eyes = Array.from($("scan-irises").files || []);
    if (files.length === 0 && eyes.length === 0) {
      showError(errorBox, "scan.noImages");
      return;
    }
    if (files.length > 10) {
      showError(errorBox, "scan.tooManyImages");
      return;
    }
    if (eyes.length > 2) {
      showError(errorBox, "scan.tooManyIrises");
      return;
    }
    let doc;
    try {
      doc = companion();
    } catch (e) {
      showError(errorBox, e.message);
      return;
    }
    let body;
    try {
      body = { direction: $("direction").value };
      if (files.length > 0) {
        body.images = await Promise.all(files.map(sp.fileToBase64));
      }
      if (eyes.length > 0) {
        body.irisImages = await Promise.all(eyes.map(sp.fileToBase64));
      }
    } catch (e) {
      showError(errorBox, "error.UNKNOWN");
      return;
    }
    if (doc) {
      body.companion = doc;
    }
    const mine = ++session;
    setBusy(true);
    try {
      const answer = await sp.api("POST", "/api/v1/scans", body);
      if (mine === session) {
        showScan(answer, body.direction);
      }
    } catch (error) {
      if (mine === session) {
        showError(errorBox, "error.UNKNOWN", error);
      }
    } finally {
      if (mine === session) {
        setBusy(false);
      }
    }
  }

  // ---- Decision --------------------------------------------------------------------------------------------------
  function showScan(scan, direction) {
    current = { scan, direction, request: null, decision: null, reason: scan.reason, crossing: null, busy: false };
    switch (scan.decision) {
      case "CLEAR": current.decision = "CLEAR"; break;
      case "GUARDIAN_APPROVAL_NEEDED": current.decision = "WAITING"; break;
      case "ALERT": current.decision = "ALERT"; break;
      default: current.decision = "NOT_ENROLLED";
    }
    $("scan-panel").classList.add("sp-hidden");
    $("result-panel").classList.remove("sp-hidden");
    clearError($("action-error"));
    if (scan.requestId) {
      current.request = { requestId: scan.requestId, status: "PENDING", approvals: 0, approvalQuorum: 0,
        expiresAt: scan.expiresAt };
      follow(scan.requestId, session, 0);
      startTicker();
    }
    render();
    window.scrollTo(0, 0);
  }

  // A request's state decides the screen: the guardians' answers arrive here, live or re-read.
  function applyRequest(view) {
    if (!current || !current.request || view.requestId !== current.request.requestId) {
      return;
    }
    current.request = view;
    if (current.crossing || current.busy) {
      // Our own crossing or override cancels the request on the server: that is no news for the guard.
      render();
      return;
    }
    switch (view.status) {
      case "PENDING": current.decision = "WAITING"; current.reason = "APPROVAL_REQUIRED"; break;
      case "APPROVED":
        current.decision = "CLEAR";
        current.reason = view.crossingId ? "ALREADY_USED" : "GUARDIANS_APPROVED";
        break;
      case "REFUSED": current.decision = "REFUSED"; current.reason = "GUARDIANS_REFUSED"; break;
      case "EXPIRED": current.decision = "EXPIRED"; current.reason = "REQUEST_EXPIRED"; break;
      case "CANCELLED": current.decision = "REFUSED"; current.reason = "REQUEST_CANCELLED"; break;
      default: break;
    }
    render();
  }

  const CLASSES = { CLEAR: "sp-clear", WAITING: "sp-waiting", REFUSED: "sp-refused", EXPIRED: "sp-refused",
    ALERT: "sp-alert", NOT_ENROLLED: "guard-not-enrolled" };

  function render() {
    if (!current) {
      return;
    }
    const decision = $("decision");
    decision.dataset.decision = current.decision;
    decision.className = "sp-decision " + CLASSES[current.decision];
    $("decision-word").textContent = t("decision." + current.decision);
    const reasonKey = "reason." + current.reason;
    $("decision-reason").textContent = t(has(reasonKey) ? reasonKey : "reason.UNKNOWN");
    $("decision-reason").dataset.reason = current.reason || "";
    $("decision-instruction").classList.toggle("sp-hidden", current.decision !== "ALERT");
    renderMatchedBy();
    renderProgress();

    const request = current.request;
    const settled = Boolean(current.crossing);
    const subject = Boolean(request || (current.scan && current.scan.subjectId));
    const canAllow = current.decision === "CLEAR" && !(request && request.crossingId);
    $("crossing-actions").classList.toggle("sp-hidden", settled || !subject || current.decision === "NOT_ENROLLED");
    $("record-crossing").disabled = !canAllow || current.busy;
    $("deny-crossing").disabled = current.busy || (request && Boolean(request.crossingId));

    const override = $("override-panel");
    if (override) {
      const offered = role === "supervisor" && request && !settled
        && ["WAITING", "REFUSED", "EXPIRED"].includes(current.decision);
      override.classList.toggle("sp-hidden", !offered);
      $("override-submit").disabled = current.busy;
    }
    renderCrossing();
    retranslateError($("action-error"));
  }

  // What recognised the person (fingerprint, eye or both), as the gateway reports it for an identified subject.
  function renderMatchedBy() {
    const matchedBy = (current.scan && current.scan.matchedBy) || [];
    const key = matchedBy.length > 1 ? "matchedBy.BOTH" : matchedBy.length === 1 ? "matchedBy." + matchedBy[0] : null;
    const line = $("decision-matched-by");
    line.dataset.matchedBy = matchedBy.join(" ");
    line.textContent = key && has(key) ? t(key) : "";
    line.classList.toggle("sp-hidden", !(key && has(key)));
  }

  function renderProgress() {
    const progress = $("decision-progress");
    const request = current.request;
    if (current.decision !== "WAITING" || !request || current.crossing) {
      progress.classList.add("sp-hidden");
      return;
    }
    const parts = [];
    if (request.approvalQuorum > 0) {
      parts.push(t("progress", { n: request.approvals, m: request.approvalQuorum }));
    }
    if (request.expiresAt) {
      parts.push(t("timeLeft", { t: remaining(request.expiresAt) }));
    }
    progress.textContent = parts.join(" · ");
    progress.dataset.approvals = String(request.approvals || 0);
    progress.dataset.quorum = String(request.approvalQuorum || 0);
    progress.classList.toggle("sp-hidden", parts.length === 0);
  }

  function remaining(expiresAt) {
    const seconds = Math.max(0, Math.floor((Date.parse(expiresAt) - Date.now()) / 1000));
    return Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
  }

  function startTicker() {
    stopTicker();
    ticker = setInterval(() => { if (current && current.decision === "WAITING") { renderProgress(); } }, 1000);
  }

  function stopTicker() {
    if (ticker) {
      clearInterval(ticker);
      ticker = null;
    }
  }

  // ---- Live status: server-sent events, reconnecting with a fresh read so no change is missed ------------------
  function follow(requestId, mine, attempt) {
    stopLive();
    const path = "/api/v1/requests/" + encodeURIComponent(requestId);
    const source = new EventSource(path + "/events");
    live = source;
    source.onopen = () => { attempt = 0; $("live-state").classList.add("sp-hidden"); };
    source.onmessage = (event) => {
      if (mine !== session) {
        source.close();
        return;
      }
      const view = JSON.parse(event.data);
      applyRequest(view);
      if (view.status !== "PENDING") {
        // Settled: the server ends the stream; do not let EventSource reconnect.
        stopLive();
      }
    };
    source.onerror = () => {
      source.close();
      if (live !== source || mine !== session || !stillWaiting()) {
        return;
      }
      live = null;
      const liveState = $("live-state");
      liveState.dataset.i18n = "live.reconnecting";
      liveState.textContent = t("live.reconnecting");
      liveState.classList.remove("sp-hidden");
      const delay = RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)];
      setTimeout(async () => {
        if (mine !== session || !stillWaiting()) {
          return;
        }
        try {
          applyRequest(await sp.api("GET", path));
        } catch (e) {
          // Still unreachable: the stream's own retry below keeps trying.
        }
        if (mine === session && stillWaiting()) {
          follow(requestId, mine, attempt + 1);
        } else {
          liveState.classList.add("sp-hidden");
        }
      }, delay);
    };
  }

  function stillWaiting() {
    return current && current.request && current.request.status === "PENDING" && !current.crossing;
  }

  function stopLive() {
    if (live) {
      live.close();
      live = null;
    }
  }

  // ---- Crossing and override ---------------------------------------------------------------------------------------
  async function act(call, kind) {
    if (!current || current.busy) {
      return;
    }
    const mine = session;
    current.busy = true;
    clearError($("action-error"));
    render();
    try {
      const crossing = await call();
      if (mine === session) {
        current.crossing = { view: crossing, kind };
        stopLive();
      }
    } catch (error) {
      if (mine === session) {
        showError($("action-error"), "error.UNKNOWN", error);
      }
    } finally {
      if (mine === session) {
        current.busy = false;
        render();
      }
    }
  }

  function record(outcome) {
    const request = current.request;
    const scan = current.scan;
    act(() => (request
      ? sp.api("POST", "/api/v1/requests/" + encodeURIComponent(request.requestId) + "/crossing", { outcome })
      : sp.api("POST", "/api/v1/crossings", { subjectId: scan.subjectId, direction: current.direction, outcome,
        companionRef: scan.companionRef || null, tripId: scan.tripId || null })), outcome);
  }

  function override() {
    const reasonCode = $("override-reason").value;
    if (!reasonCode) {
      showError($("action-error"), "override.needReason");
      return;
    }
    act(() => sp.api("POST", "/api/v1/requests/" + encodeURIComponent(current.request.requestId) + "/override",
      { reasonCode }), "OVERRIDE");
  }

  function renderCrossing() {
    const box = $("crossing-recorded");
    if (!current.crossing) {
      box.classList.add("sp-hidden");
      box.dataset.crossingId = "";
      return;
    }
    const view = current.crossing.view || {};
    box.dataset.crossingId = view.crossingId || "";
    box.dataset.outcome = view.outcome || "";
    box.textContent = "";
    const line = document.createElement("strong");
    line.textContent = t("crossing." + current.crossing.kind);
    const id = document.createElement("div");
    id.className = "sp-mono";
    id.textContent = t("crossing.id") + ": " + (view.crossingId || "");
    box.append(line, id);
    box.classList.remove("sp-hidden");
  }

  // ---- Next person -----------------------------------------------------------------------------------------------
  function newScan() {
    session++;
    stopLive();
    stopTicker();
    current = null;
    $("scan-form").reset();
    showChosenFiles();
    setBusy(false);
    clearError($("scan-error"));
    clearError($("action-error"));
    $("live-state").classList.add("sp-hidden");
    const decision = $("decision");
    decision.dataset.decision = "";
    decision.className = "sp-decision";
    $("crossing-recorded").classList.add("sp-hidden");
    $("crossing-recorded").dataset.crossingId = "";
    if ($("override-reason")) {
      $("override-reason").value = "";
    }
    $("result-panel").classList.add("sp-hidden");
    $("scan-panel").classList.remove("sp-hidden");
    window.scrollTo(0, 0);
    $("scan-images").focus();
  }

  // ---- Wiring ----------------------------------------------------------------------------------------------------
  $("language").addEventListener("change", (event) => {
    try { localStorage.setItem(STORAGE_KEY, event.target.value); } catch (e) { /* not remembered, still applied */ }
    setLanguage(event.target.value);
    retranslateError($("scan-error"));
  });
  $("scan-form").addEventListener("submit", submitScan);
  $("scan-images").addEventListener("change", showChosenFiles);
  $("scan-irises").addEventListener("change", showChosenFiles);
  $("record-crossing").addEventListener("click", () => record("ALLOWED"));
  $("deny-crossing").addEventListener("click", () => record("DENIED"));
  $("new-scan").addEventListener("click", newScan);
  if ($("override-submit")) {
    $("override-submit").addEventListener("click", override);
  }
  setLanguage(initialLanguage());
})();
