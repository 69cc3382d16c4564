package org.safepassage.guardian.redflag;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.safepassage.service.db.Jdbc;

/**
 * The phone book over guardian-notify's own outbox ({@code guardian_message}): the keyed hash of the number each
 * guardian of a request was texted at, which is the number their reply had to come from. Rows of an erased subject are
 * gone, so an erased child's guardians are no longer judged.
 */
@ApplicationScoped
class GuardianPhoneBook implements PhoneBook {
    private final Jdbc jdbc;

    GuardianPhoneBook(final Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> phoneOf(final String requestId, final String guardianRef) {
        return jdbc.queryOne("SELECT phone_hash FROM guardian_message WHERE request_id = ? AND guardian_ref = ? "
                + "AND phone_hash IS NOT NULL", row -> HexFormat.of().formatHex(row.getBytes(1)), requestId,
                guardianRef);
    }

    @Override
    public Set<String> phonesOf(final String requestId) {
        return jdbc.query("SELECT phone_hash FROM guardian_message WHERE request_id = ? AND phone_hash IS NOT NULL",
                row -> HexFormat.of().formatHex(row.getBytes(1)), requestId).stream().collect(Collectors.toSet());
    }
}
