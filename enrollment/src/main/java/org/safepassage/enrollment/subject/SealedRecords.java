package org.safepassage.enrollment.subject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.safepassage.enrollment.vault.SubjectVault;
import org.safepassage.enrollment.vault.VaultField;

/**
 * A subject's records (personal data, consent, each guardian) sealed in the vault as canonical JSON under the
 * subject's data key, and opened again. The one place that knows how a record becomes vault bytes.
 */
@ApplicationScoped
public class SealedRecords {
    /** Sorted keys, so the bytes (and the digest of a request) do not depend on how a client ordered its fields. */
    static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private final SubjectVault vault;

    SealedRecords(final SubjectVault vault) {
        this.vault = vault;
    }

    /** Seals a record as JSON under the subject's data key, bound to {@code field}. */
    public byte[] seal(final String subjectId, final VaultField field, final Object value) {
        try {
            return vault.encrypt(subjectId, field, CANONICAL.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + field, e);
        }
    }

    /** Opens a record sealed by {@link #seal} for the same subject and field. */
    <T> T open(final String subjectId, final VaultField field, final byte[] sealed, final Class<T> type) {
        try {
            return CANONICAL.readValue(vault.decrypt(subjectId, field, sealed), type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }
}
