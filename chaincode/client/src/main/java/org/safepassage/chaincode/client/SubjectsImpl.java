package org.safepassage.chaincode.client;

import static org.safepassage.chaincode.client.ContractCalls.json;

import java.util.Objects;
import java.util.Optional;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.EraseSubjectCommand;
import org.safepassage.chaincode.model.ErasureTombstone;
import org.safepassage.chaincode.model.ErrorCode;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.chaincode.model.RenewCommitmentCommand;
import org.safepassage.chaincode.model.ReplaceGuardiansCommand;
import org.safepassage.chaincode.model.Subject;

final class SubjectsImpl implements Subjects {
    static final String CONTRACT = "subject";

    private final ContractCalls calls;

    SubjectsImpl(final ContractCalls calls) {
        this.calls = calls;
    }

    @Override
    public Subject register(final RegisterSubjectCommand command) {
        return calls.submit("RegisterSubject", Subject.class, json(command));
    }

    @Override
    public Subject replaceGuardians(final ReplaceGuardiansCommand command) {
        return calls.submit("ReplaceGuardians", Subject.class, json(command));
    }

    @Override
    public Subject renewCommitment(final RenewCommitmentCommand command) {
        return calls.submit("RenewCommitment", Subject.class, json(command));
    }

    @Override
    public Subject flagMissing(final String subjectId) {
        return calls.submit("FlagMissing", Subject.class, Objects.requireNonNull(subjectId, "subjectId"));
    }

    @Override
    public Subject unflagMissing(final String subjectId) {
        return calls.submit("UnflagMissing", Subject.class, Objects.requireNonNull(subjectId, "subjectId"));
    }

    @Override
    public ErasureTombstone erase(final EraseSubjectCommand command) {
        return calls.submit("EraseSubject", ErasureTombstone.class, json(command));
    }

    @Override
    public Subject read(final String subjectId) {
        return calls.evaluate("ReadSubject", Subject.class, Objects.requireNonNull(subjectId, "subjectId"));
    }

    @Override
    public Optional<Subject> findByCommitment(final CommitmentScheme scheme, final String commitment) {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(commitment, "commitment");
        try {
            return Optional.of(calls.evaluate("FindSubjectByCommitment", Subject.class, scheme.id(), commitment));
        } catch (ChaincodeRefusedException e) {
            if (e.getCode() == ErrorCode.SUBJECT_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public ErasureTombstone readTombstone(final String subjectId) {
        return calls.evaluate("ReadTombstone", ErasureTombstone.class, Objects.requireNonNull(subjectId, "subjectId"));
    }
}
