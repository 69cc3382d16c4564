// SafePassage screens: the one way they call their service's JSON API. Same origin, so the browser's log-in (HTTP
// Basic, or the terminal's client certificate) goes along. Errors come back as the API's machine-readable problem.
"use strict";
const sp = {
  async api(method, path, body) {
    const init = { method, headers: { "Accept": "application/json" }, credentials: "same-origin" };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = { message: text }; }
    if (!response.ok) {
      const error = new Error((json && (json.message || json.detail || json.title)) || ("HTTP " + response.status));
      error.status = response.status;
      error.problem = json;
      throw error;
    }
    return json;
  },

  /** Reads a file input's image as base64 without the data: prefix, as the APIs take images. */
  fileToBase64(file) {
    return new Promise((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(file);
    });
  },

  /** Shows a message in an element with class sp-message; kind is ok, error or info. */
  say(element, kind, text) {
    element.className = "sp-message sp-" + kind;
    element.textContent = text;
    element.classList.remove("sp-hidden");
  },

  /** The reason code of an API error, for screens that explain specific refusals. */
  reason(error) {
    return (error && error.problem && error.problem.code) || null;
  },
};
