// The subject list's live search: as the officer types, the same server-side filter as the form (names are
// decrypted on the server; see SubjectDirectory), replacing the rows so only matches remain in the page.
"use strict";
(() => {
  const input = document.getElementById("subject-search");
  const rows = document.getElementById("subject-rows");
  const count = document.getElementById("subjects-count");
  const message = document.getElementById("subjects-message");
  let timer = null;
  let latest = 0;

  function row(s) {
    const badge = ui.el("span", { class: "sp-badge " + (s.ledgerState === "REGISTERED" ? "sp-clear" : "sp-waiting"),
      text: s.ledgerState });
    return ui.el("tr", { "data-testid": "subject-row", "data-subject-id": s.subjectId },
      ui.el("td", {}, ui.el("a", { href: "/ui/subjects/" + encodeURIComponent(s.subjectId), "data-testid": "subject-link",
        text: s.familyName + ", " + s.givenNames })),
      ui.el("td", { class: "sp-nowrap", text: s.birthDate || "" }),
      ui.el("td", { class: "sp-mono", text: s.subjectId }),
      ui.el("td", { text: s.protectionClass || "" }),
      ui.el("td", {}, badge),
      ui.el("td", { class: "sp-wide-only", text: s.enrolledAt ? s.enrolledAt.substring(0, 16).replace("T", " ") + " UTC" : "" }));
  }

  async function search() {
    const query = input.value.trim();
    const ticket = ++latest;
    try {
      const found = await sp.api("GET", "/ui/subjects/search?q=" + encodeURIComponent(query));
      if (ticket !== latest) return; // an older answer arriving late must not replace a newer one
      rows.replaceChildren(...found.map(row));
      count.textContent = found.length === 0
        ? (query ? "No subject matches “" + query + "”." : "No one is enrolled yet.")
        : found.length + " shown" + (query ? " matching “" + query + "”." : ".");
      message.classList.add("sp-hidden");
      history.replaceState(null, "", query ? "/ui/subjects?q=" + encodeURIComponent(query) : "/ui/subjects");
    } catch (error) {
      if (ticket === latest) sp.say(message, "error", ui.explain(error));
    }
  }

  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    search();
  });
})();
