// The enrollment screens' sentences for the API's refusals, keyed on the machine-readable code (never on the English
// message, which may change), plus small helpers every screen uses.
"use strict";
const ui = {
  FIELDS: {
    "person.givenNames": "the given names", "person.familyName": "the family name", "person.birthDate": "the date of birth",
    "person.sex": "the sex", "person.placeOfBirth": "the place of birth", "person.languages": "the languages",
    "approvalQuorum": "the number of guardians who must approve", "guardians": "the guardians",
    "consent.consentedBy": "who agreed", "consent.consentedAt": "when they agreed", "consent.legalBasis": "the legal basis",
    "fingerprints": "the fingerprints", "irises": "the eye images", "eye": "the eye", "photo": "the photo", "requestRef": "the request reference", "code": "the code",
  },

  FINGER_REJECTIONS: {
    EMPTY_IMAGE: "the file is empty",
    FILE_TOO_LARGE: "the file is too large",
    UNSUPPORTED_FORMAT: "it is not a PNG or JPEG image",
    UNREADABLE_IMAGE: "the image is damaged and cannot be read",
    IMAGE_TOO_SMALL: "the image is too small for a fingertip",
    IMAGE_TOO_LARGE: "the image is larger than a single finger (use one image per finger)",
    RESOLUTION_OUT_OF_RANGE: "the scanner resolution is outside what is accepted (about 500 dpi)",
    NO_RIDGES: "no ridges are visible: clean the scanner and capture again",
    TOO_FEW_MINUTIAE: "too few ridge details were found: press the finger flat and capture again",
  },

  /** The iris quality gate's reasons (IrisRejectionReason), as what to do while the child is still at the camera. */
  IRIS_REJECTIONS: {
    EMPTY_IMAGE: "the file is empty",
    FILE_TOO_LARGE: "the file is too large",
    UNSUPPORTED_FORMAT: "it is not a PNG or JPEG image",
    UNREADABLE_IMAGE: "the image is damaged and cannot be read",
    WRONG_IMAGE_SIZE: "it is not a 640 × 480 image from the iris camera",
    IRIS_NOT_FOUND: "no eye was found in it: aim the camera at the open eye",
    IRIS_NOT_IN_FRAME: "the iris runs off the edge of the image: centre the eye",
    IRIS_TOO_SMALL: "the iris is too small: bring the camera closer",
    PUPIL_IRIS_RATIO_OUT_OF_RANGE: "the pupil is too wide or too narrow for the iris: change the lighting and capture again",
    GAZE_OFF_AXIS: "the eye looks away from the camera: ask the child to look straight into it",
    IRIS_OCCLUDED: "the eyelids cover too much of the iris: ask the child to open the eye wide",
    USABLE_IRIS_AREA_TOO_SMALL: "too little of the iris is visible past the eyelids, lashes and reflections",
    OUT_OF_FOCUS: "the image is blurred: hold the camera still at the right distance",
  },

  /**
   * One sentence for the officer about a failed call. {@code special} maps a code to a sentence where the screen's
   * context means something more precise than the general one (the same code can come from different calls).
   */
  explain(error, special) {
    const code = sp.reason(error);
    if (special && code && special[code]) return special[code];
    const details = (error && error.problem && error.problem.details) || {};
    const message = (error && error.problem && error.problem.message) || "";
    if (!code && error && error.status === undefined) {
      return "The service cannot be reached. Check the network and try again; nothing on this page is lost.";
    }
    switch (code) {
      case "INVALID_FIELD": {
        const field = ui.FIELDS[details.field] || details.field || "a field";
        return "Please check " + field + ": " + message.replace(/^[^:]*:\s*/, "") + ".";
      }
      case "UNSUPPORTED_LANGUAGE": return "That language is not offered: choose English, Romanian, Russian or Ukrainian.";
      case "INVALID_PHONE_NUMBER": return "The phone number must be in international form, starting with + and the country code, e.g. +40711000101.";
      case "INVALID_CODE_FORMAT": return "The code is the 6 digits from the SMS.";
      case "MALFORMED_REQUEST": return "The service could not read what the page sent. Reload the page (your draft is kept) and try again.";
      case "UNAUTHENTICATED": return "You are signed out. Reload the page and sign in again; your draft is kept.";
      case "FORBIDDEN": case "ACCESS_DENIED": return "Your role may not do this.";
      case "SUBJECT_NOT_FOUND": return "This subject is not held here: it was erased, or the id is wrong.";
      case "REFERRAL_NOT_FOUND": return "This referral no longer exists (the subject may have been erased).";
      case "VERIFICATION_NOT_FOUND": return "This phone verification is unknown. Send a new code.";
      case "DUPLICATE_REQUEST_ID": return "This draft was already submitted with different details. Start a new enrollment.";
      case "DUPLICATE_REFERRED": return "These " + (details.modality === "IRIS" ? "irises" : "fingerprints")
        + " match a person already enrolled. The enrollment was referred to a supervisor.";
      case "LEDGER_PENDING": return "This subject is not on the ledger yet (registration is being retried). Try again in a few seconds.";
      case "REFERRAL_ALREADY_RESOLVED": return "Another supervisor has already closed this referral.";
      case "SUBJECT_ERASED": return "This person has been erased.";
      case "SUBJECT_ALREADY_FLAGGED": return "This subject is already flagged missing.";
      case "SUBJECT_NOT_FLAGGED": return "This subject is not flagged missing.";
      case "VERIFICATION_EXPIRED": return "The code has expired. Send a new one.";
      case "PAYLOAD_TOO_LARGE": return "The files are too large to send. Use smaller images (see the limits under the upload).";
      case "UNSUPPORTED_MEDIA_TYPE": return "The service could not read what the page sent. Reload the page and try again.";
      case "FINGERPRINT_REJECTED": {
        const why = ui.FINGER_REJECTIONS[details.rejection] || "it cannot be used";
        return "The " + ui.fingerName(details.finger) + " image was refused: " + why + ".";
      }
      case "IRIS_REJECTED": {
        const why = ui.IRIS_REJECTIONS[details.rejection] || "it cannot be used";
        const eye = details.eye === "LEFT" ? "left eye" : details.eye === "RIGHT" ? "right eye" : "eye";
        return "The " + eye + " image was refused: " + why + ".";
      }
      case "BIOMETRICS_REQUIRED": return details.required === "IRIS"
        ? "A child under " + details.irisOnlyBelowAge + " is enrolled by iris: add an image of at least one eye."
        : "From age " + details.irisOnlyBelowAge + " at least one fingerprint is required (irises may be added).";
      case "PHOTO_REJECTED": return "The photo was refused: it must be a JPEG or PNG image.";
      case "PHONE_NOT_VERIFIED": return "A guardian's phone verification was not accepted (unfinished, already used, or for another number). Verify that phone again.";
      case "PHONE_NUMBER_UNREACHABLE": return "No SMS can be sent to this number (it may have opted out of messages). Check the number with the guardian.";
      case "GUARDIAN_NOT_VERIFIED": return "Not enough verified guardians: a child needs at least one guardian with a verified phone, and no more approvals can be required than there are verified guardians.";
      case "VERIFICATION_CODE_WRONG": {
        const left = details.attemptsLeft;
        return "That code is not right." + (left !== undefined ? " " + left + (left === 1 ? " attempt" : " attempts") + " left." : "");
      }
      case "VERIFICATION_LOCKED": return "Too many wrong codes: this verification is locked. Send a new code.";
      case "LEDGER_REFUSED": return "The ledger refused this change.";
      case "LEDGER_UNAVAILABLE": return "The ledger cannot be reached right now. Nothing was lost: try again in a moment.";
      case "NOTIFIER_UNAVAILABLE": return "The SMS service cannot be reached right now. Try again in a moment.";
      case "INTERNAL_ERROR": return "Something went wrong on the server and nothing was half-written. Try again; if it repeats, call support.";
      default: return "The request was refused (" + (code || ("HTTP " + error.status)) + ").";
    }
  },

  fingerName(finger) {
    if (!finger) return "fingerprint";
    return String(finger).toLowerCase().replace("_", " ");
  },

  /** The finger as a label or caption: "Right index". */
  fingerLabel(finger) {
    const words = ui.fingerName(finger);
    return words.charAt(0).toUpperCase() + words.slice(1);
  },

  /** Runs a call with the button disabled and marked busy, so a second click cannot send it twice. */
  async busy(button, call) {
    const label = button.textContent;
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    try {
      return await call();
    } finally {
      button.disabled = false;
      button.removeAttribute("aria-busy");
      button.textContent = label;
    }
  },

  /** Offers a JSON document as a file download (export, certificate) without leaving the page. */
  download(filename, data) {
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  },

  el(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes || {})) {
      if (value === false || value === null || value === undefined) continue;
      if (key === "text") element.textContent = value;
      else element.setAttribute(key, value === true ? "" : value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined) element.append(child);
    }
    return element;
  },
};
