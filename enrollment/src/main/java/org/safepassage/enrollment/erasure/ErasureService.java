package org.safepassage.enrollment.erasure;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.safepassage.chaincode.client.ChaincodeRefusedException;
import org.safepassage.chaincode.client.LedgerException;
import org.safepassage.chaincode.model.EraseSubjectCommand;
import org.safepassage.chaincode.model.ErasureTombstone;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.enrollment.api.Reason;
import org.safepassage.enrollment.gallery.EnrolledGallery;
import org.safepassage.enrollment.gallery.IrisGallery;
import org.safepassage.enrollment.ledger.LedgerOutbox;
import org.safepassage.enrollment.ledger.OutboxHandler;
import org.safepassage.enrollment.ledger.RegistryLedger;
import org.safepassage.enrollment.subject.OpaqueIds;
import org.safepassage.enrollment.subject.Referrals;
import org.safepassage.enrollment.subject.StoredSubject;
import org.safepassage.enrollment.subject.SubjectStore;
import org.safepassage.enrollment.vault.SubjectVault;
import org.safepassage.service.api.ApiException;
import org.safepassage.service.db.Jdbc;

/**
 * The right to be forgotten. On a request the data-protection officer has verified: the subject's data key is
 * destroyed and every row naming them deleted in one transaction, the gallery forgets them, the ledger gets the
 * tombstone that unlinks its records, and a signed certificate says what was erased. If the ledger is down the
 * off-chain erasure still happens at once; the tombstone and certificate follow through the outbox.
 */
@ApplicationScoped
public class ErasureService implements OutboxHandler {
    private static final Logger LOG = Logger.getLogger(ErasureService.class);
    private static final Pattern REQUEST_REF = Pattern.compile(ErasureRequest.REQUEST_REF_PATTERN);

    private final SubjectStore subjects;
    private final SubjectVault vault;
    private final EnrolledGallery gallery;
    private final Referrals referrals;
    private final RegistryLedger ledger;
    private final LedgerOutbox outbox;
    private final Jdbc jdbc;
    private final NotifierErasure notifierErasure;
    @Inject
    IrisGallery irisGallery;

    ErasureService(final SubjectStore subjects, final SubjectVault vault, final EnrolledGallery gallery,
            final Referrals referrals, final RegistryLedger ledger, final LedgerOutbox outbox, final Jdbc jdbc,
            final NotifierErasure notifierErasure) {
        this.notifierErasure = notifierErasure;
        this.subjects = subjects;
        this.vault = vault;
        this.gallery = gallery;
        this.referrals = referrals;
        this.ledger = ledger;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /** The DPO's erasure order. {@code requestRef} is the opaque reference of the verified request in their files. */
    public record ErasureRequest(@Schema(required = true, minLength = 1, examples = "sub-0123456789abcdef") String subjectId,
            @Schema(required = true, pattern = ErasureRequest.REQUEST_REF_PATTERN, examples = "dpo-request-2026-0001")
                    String requestRef) {
        /** The DPO's reference: 16-64 letters, digits, '-' or '_'. */
        public static final String REQUEST_REF_PATTERN = "^[A-Za-z0-9_-]{16,64}$";

        public ErasureRequest {
            if (subjectId == null || subjectId.isBlank()) {
                throw ApiException.invalid("subjectId", "is required");
            }
            if (requestRef == null || !REQUEST_REF.matcher(requestRef).matches()) {
                throw ApiException.invalid("requestRef", "16-64 letters, digits, '-' or '_'");
            }
        }
    }

    /** Where an erasure stands: COMPLETE once the ledger has the tombstone and the certificate is signed. */
    public record ErasureStatus(String subjectId, String requestRef, Instant erasedAt, String state,
            SignedErasureCertificate certificate) {}

    public ErasureStatus erase(final ErasureRequest request) {
        final Optional<ErasureStatus> earlier = status(request.subjectId());
        if (earlier.isPresent()) {
            if (!earlier.get().requestRef().equals(request.requestRef())) {
                throw new ApiException(Reason.SUBJECT_ERASED, "already erased under another request");
            }
            return earlier.get();
        }
        QuarkusTransaction.requiringNew().run(() -> {
            final StoredSubject subject = subjects.requireRegistered(request.subjectId());
            if (jdbc.queryOne("select 1 from erasure where request_ref = ?", row -> 1, request.requestRef())
                    .isPresent()) {
                throw new ApiException(Reason.DUPLICATE_REQUEST_ID, "requestRef was used for another erasure");
            }
            final List<String> erased = inventory(subject);
            subjects.delete(subject.subjectId());
            referrals.forget(subject.subjectId());
            vault.destroySubjectKey(subject.subjectId());
            jdbc.update("insert into erasure (subject_id, request_ref, erased_at, erased_items) values (?, ?, ?, ?)",
                    subject.subjectId(), request.requestRef(), Instant.now(), String.join("\n", erased));
            outbox.enqueue(subject.subjectId(), LedgerOutbox.Operation.ERASE);
            outbox.enqueue(subject.subjectId(), LedgerOutbox.Operation.ERASE_MESSAGES);
        });
        gallery.remove(request.subjectId());
        irisGallery.remove(request.subjectId());
        LOG.infof("erased %s off-chain (request %s)", request.subjectId(), request.requestRef());
        try {
            apply(request.subjectId());
        } catch (LedgerException e) {
            LOG.warnf("erasure tombstone for %s deferred to the outbox: %s", request.subjectId(), e.getMessage());
        }
        try {
            notifierErasure.apply(request.subjectId());
        } catch (RuntimeException e) {
            LOG.warnf("SMS records of %s: erasure at guardian-notify deferred to the outbox: %s", request.subjectId(),
                    e.getMessage());
        }
        return status(request.subjectId()).orElseThrow();
    }

    public Optional<ErasureStatus> status(final String subjectId) {
        return jdbc.queryOne("select subject_id, request_ref, erased_at, certificate from erasure where subject_id = ?",
                row -> {
                    final String certificate = row.getString(4);
                    return new ErasureStatus(row.getString(1), row.getString(2), Jdbc.instant(row, "erased_at"),
                            certificate == null ? "PENDING_LEDGER" : "COMPLETE",
                            certificate == null ? null : ErasureCertificates.fromJson(certificate));
                }, subjectId);
    }

    public boolean isErased(final String subjectId) {
        return jdbc.queryOne("select 1 from erasure where subject_id = ?", row -> 1, subjectId).isPresent();
    }

    @Override
    public LedgerOutbox.Operation operation() {
        return LedgerOutbox.Operation.ERASE;
    }

    /** Writes the tombstone (or finds the one an unseen earlier attempt wrote) and signs the certificate. */
    @Override
    public void apply(final String subjectId) {
        final var row = jdbc.queryOne("select request_ref, erased_at, erased_items, certificate from erasure "
                + "where subject_id = ?", r -> new Object[] {r.getString(1), Jdbc.instant(r, "erased_at"),
                        r.getString(3), r.getString(4)}, subjectId).orElse(null);
        if (row == null || row[3] != null) {
            outbox.done(subjectId, LedgerOutbox.Operation.ERASE);
            return;
        }
        final String requestRef = (String) row[0];
        ErasureTombstone tombstone;
        try {
            tombstone = ledger.dpo().subjects().erase(new EraseSubjectCommand(subjectId, requestRef));
        } catch (ChaincodeRefusedException refused) {
            if (refused.getCode() != ErrorCode.SUBJECT_ERASED) {
                throw refused;
            }
            tombstone = ledger.dpo().subjects().readTombstone(subjectId);
        }
        final RegistryLedger.Signer signer = ledger.dpoSigner();
        final ErasureCertificate certificate = new ErasureCertificate(OpaqueIds.random("cert-"), subjectId,
                requestRef, (Instant) row[1], List.of(((String) row[2]).split("\n")), ledger.channel(),
                tombstone.erasureTxId(), tombstone.erasedAt(), signer.certificate().getSubjectX500Principal().getName());
        final String signed = ErasureCertificates.toJson(ErasureCertificates.sign(certificate, signer.key(),
                signer.certificate()));
        final String txId = tombstone.erasureTxId();
        QuarkusTransaction.requiringNew().run(() -> {
            jdbc.update("update erasure set ledger_tx_id = ?, certificate = ? where subject_id = ?", txId, signed,
                    subjectId);
            outbox.done(subjectId, LedgerOutbox.Operation.ERASE);
        });
    }

    private List<String> inventory(final StoredSubject subject) {
        final List<String> erased = new ArrayList<>();
        erased.add("personal data (names, birth date, sex, place of birth, languages)");
        if (subject.photo() != null) {
            erased.add("photo");
        }
        erased.add("consent record");
        erased.add("guardian details (" + subjects.guardians(subject.subjectId()).size() + ")");
        erased.add("fingerprint templates (" + subjects.templates(subject.subjectId()).size() + ")");
        final int eyes = subjects.irises(subject.subjectId()).size();
        if (eyes > 0) {
            erased.add("iris codes, iris-fc-v1 helper data and salts (" + eyes + ")");
        }
        erased.add("commitment salt");
        erased.add("data key");
        erased.add("SMS records about the subject at guardian-notify and the SMS provider");
        return erased;
    }
}
