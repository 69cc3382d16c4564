package org.safepassage.gateway.scan;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.safepassage.service.api.ApiException;

/**
 * Turns a companion's travel document into the opaque companion reference the ledger stores:
 * {@code HMAC-SHA256(key, "companion-v1|type|nationality|number")}, base64url, 43 characters. The same document gives
 * the same reference at every post sharing the key, so a trip or request naming a companion can be matched, while the
 * number itself is never stored, logged or sent to the ledger, and cannot be recovered without the key.
 */
@ApplicationScoped
public class CompanionRefs {
    static final Set<String> DOCUMENT_TYPES = Set.of("PASSPORT", "ID_CARD", "RESIDENCE_PERMIT", "TRAVEL_DOCUMENT");
    private static final Pattern NUMBER = Pattern.compile("[A-Z0-9]{1,30}");
    private static final Pattern NATIONALITY = Pattern.compile("[A-Z]{3}");

    private final SecretKeySpec key;

    CompanionRefs(@ConfigProperty(name = "safepassage.gateway.companion-key") final String base64Key) {
        final byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("safepassage.gateway.companion-key: must be base64", e);
        }
        if (raw.length < 32) {
            throw new IllegalStateException("safepassage.gateway.companion-key: at least 32 bytes of key");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
    }

    /**
     * The companion reference for a document.
     *
     * @param document the document as the terminal read it
     * @return the opaque reference
     * @throws ApiException 400 if a field is missing or malformed
     */
    public String reference(final ScanRequest.CompanionDocument document) {
        final String type = upper(document.documentType());
        if (!DOCUMENT_TYPES.contains(type)) {
            throw ApiException.invalid("companion.documentType", "one of " + DOCUMENT_TYPES);
        }
        // Printed numbers carry spaces and dashes inconsistently: keep letters and digits only.
        final String number = upper(document.documentNumber()).replaceAll("[\\s-]", "");
        if (!NUMBER.matcher(number).matches()) {
            throw ApiException.invalid("companion.documentNumber", "1 to 30 letters and digits");
        }
        final String nationality = upper(document.nationality());
        if (!NATIONALITY.matcher(nationality).matches()) {
            throw ApiException.invalid("companion.nationality", "an ISO 3166-1 alpha-3 code, e.g. MDA");
        }
        try {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            final byte[] digest = mac.doFinal(
                    ("companion-v1|" + type + "|" + nationality + "|" + number).getBytes(StandardCharsets.UTF_8));
            // An opaque id starts with a letter or digit: prefix one so base64url's '-' or '_' never leads.
            return "c" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static String upper(final String value) {
        return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    }
}
