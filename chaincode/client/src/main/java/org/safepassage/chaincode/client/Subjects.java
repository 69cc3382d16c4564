package org.safepassage.chaincode.client;

import java.util.Optional;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.EraseSubjectCommand;
import org.safepassage.chaincode.model.ErasureTombstone;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.chaincode.model.RenewCommitmentCommand;
import org.safepassage.chaincode.model.ReplaceGuardiansCommand;
import org.safepassage.chaincode.model.Subject;

/**
 * The chaincode's {@code subject} contract: registering protected people, their guardians and commitments, flagging
 * them missing and erasing them.
 *
 * <p>Submitting methods return once the transaction has committed; evaluating ones ask a single peer. Every method may
 * throw {@link ChaincodeRefusedException} (with the chaincode's {@link org.safepassage.chaincode.model.ErrorCode}),
 * {@link LedgerConflictException} or another {@link TransactionInvalidException} (submits only),
 * {@link LedgerUnavailableException}, or {@link LedgerException}. Arguments must not be null. Thread-safe.
 */
public interface Subjects {
    /**
     * Submits {@code RegisterSubject}: a new subject, active once committed.
     *
     * @param command the subject to register
     * @return the registered subject
     */
    Subject register(RegisterSubjectCommand command);

    /**
     * Submits {@code ReplaceGuardians}: the subject's new guardians and approval quorum.
     *
     * @param command the new guardians
     * @return the updated subject
     */
    Subject replaceGuardians(ReplaceGuardiansCommand command);

    /**
     * Submits {@code RenewCommitment}: re-enrollment with a new salt, revoking the old commitment for good.
     *
     * @param command the new commitment
     * @return the updated subject
     */
    Subject renewCommitment(RenewCommitmentCommand command);

    /**
     * Submits {@code FlagMissing}: any later scan of the subject raises an alert.
     *
     * @param subjectId the subject's id
     * @return the flagged subject
     */
    Subject flagMissing(String subjectId);

    /**
     * Submits {@code UnflagMissing}: the subject was found.
     *
     * @param subjectId the subject's id
     * @return the active subject
     */
    Subject unflagMissing(String subjectId);

    /**
     * Submits {@code EraseSubject}: unlinks the on-chain records from the person, after the off-chain data is destroyed.
     *
     * @param command the verified erasure request
     * @return the tombstone, whose transaction id goes into the erasure certificate
     */
    ErasureTombstone erase(EraseSubjectCommand command);

    /**
     * Evaluates {@code ReadSubject}.
     *
     * @param subjectId the subject's id
     * @return the subject (refused as {@code SUBJECT_NOT_FOUND} if there is none)
     */
    Subject read(String subjectId);

    /**
     * Evaluates {@code FindSubjectByCommitment}: who a freshly recomputed commitment belongs to.
     *
     * @param scheme the commitment's scheme; its {@link CommitmentScheme#id()} is sent
     * @param commitment the commitment (hex)
     * @return the live subject, or empty if no subject has this commitment (a revoked commitment identifies nobody); an
     *     erased subject's commitment is still refused as {@code SUBJECT_ERASED}
     */
    Optional<Subject> findByCommitment(CommitmentScheme scheme, String commitment);

    /**
     * Evaluates {@code ReadTombstone}: the proof that a subject was erased.
     *
     * @param subjectId the erased subject's id
     * @return the tombstone (refused as {@code SUBJECT_NOT_FOUND} if the subject was not erased)
     */
    ErasureTombstone readTombstone(String subjectId);
}
