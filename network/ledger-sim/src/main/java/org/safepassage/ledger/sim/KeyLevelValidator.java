package org.safepassage.ledger.sim;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * Fabric's state-based endorsement validation of one block (core/common/validation/statebased): every key a
 * transaction writes, and every key whose metadata it writes, must satisfy the validation parameter committed on
 * that key before the block, or, for a key without one, the chaincode-level policy, checked once per transaction.
 * A transaction that writes nothing needs the chaincode-level policy. A key whose validation parameter an earlier
 * transaction of the same block changed, and which passed this check, cannot be written again in that block: the
 * later transaction is an endorsement policy failure, whatever its endorsements.
 */
final class KeyLevelValidator {
    private final SignaturePolicy chaincodePolicy;
    private final Function<String, byte[]> committedParameter;
    /** Keys whose metadata an earlier transaction of this block wrote and which passed validation. */
    private final Set<String> parametersChangedInBlock = new HashSet<>();

    /**
     * @param chaincodePolicy the chaincode-level endorsement policy
     * @param committedParameter a key's validation parameter as committed before the block, or {@code null}
     */
    KeyLevelValidator(final SignaturePolicy chaincodePolicy, final Function<String, byte[]> committedParameter) {
        this.chaincodePolicy = Objects.requireNonNull(chaincodePolicy, "chaincodePolicy");
        this.committedParameter = Objects.requireNonNull(committedParameter, "committedParameter");
    }

    /**
     * Validates the next transaction of the block and remembers the metadata it writes if it passes.
     *
     * @return VALID or ENDORSEMENT_POLICY_FAILURE
     */
    TxValidationCode validate(final ReadWriteSet rwSet, final List<Signer> endorsers) {
        final TxValidationCode code = check(rwSet, endorsers);
        if (code == TxValidationCode.VALID) {
            rwSet.metadataWrites().forEach(write -> parametersChangedInBlock.add(write.key()));
        }
        return code;
    }

    /** The policies an endorsement of this read/write set must satisfy, as the endorser reports its interest. */
    List<SignaturePolicy> policies(final ReadWriteSet rwSet) {
        final Set<SignaturePolicy> policies = new LinkedHashSet<>();
        boolean chaincodeLevel = false;
        for (String key : writtenKeys(rwSet)) {
            final Optional<SignaturePolicy> keyPolicy = keyPolicy(key);
            if (keyPolicy.isPresent()) {
                policies.add(keyPolicy.get());
            } else {
                chaincodeLevel = true;
            }
        }
        if (chaincodeLevel || policies.isEmpty()) {
            policies.add(chaincodePolicy);
        }
        return new ArrayList<>(policies);
    }

    private TxValidationCode check(final ReadWriteSet rwSet, final List<Signer> endorsers) {
        boolean chaincodePolicyChecked = false;
        boolean keyPolicyChecked = false;
        for (String key : writtenKeys(rwSet)) {
            if (parametersChangedInBlock.contains(key)) {
                return TxValidationCode.ENDORSEMENT_POLICY_FAILURE;
            }
            final Optional<SignaturePolicy> keyPolicy;
            try {
                keyPolicy = keyPolicy(key);
            } catch (IllegalArgumentException e) {
                return TxValidationCode.ENDORSEMENT_POLICY_FAILURE;
            }
            if (keyPolicy.isEmpty()) {
                if (!chaincodePolicyChecked) {
                    if (!chaincodePolicy.isSatisfiedBy(endorsers)) {
                        return TxValidationCode.ENDORSEMENT_POLICY_FAILURE;
                    }
                    chaincodePolicyChecked = true;
                }
            } else if (keyPolicy.get().isSatisfiedBy(endorsers)) {
                keyPolicyChecked = true;
            } else {
                return TxValidationCode.ENDORSEMENT_POLICY_FAILURE;
            }
        }
        // at least the chaincode-level policy when no policy was checked at all (Fabric's FAB-9473)
        if (!chaincodePolicyChecked && !keyPolicyChecked && !chaincodePolicy.isSatisfiedBy(endorsers)) {
            return TxValidationCode.ENDORSEMENT_POLICY_FAILURE;
        }
        return TxValidationCode.VALID;
    }

    private Optional<SignaturePolicy> keyPolicy(final String key) {
        final byte[] parameter = committedParameter.apply(key);
        return parameter == null || parameter.length == 0
                ? Optional.empty()
                : Optional.of(SignaturePolicy.parse(parameter));
    }

    /** Value writes (and deletes) first, then metadata writes, as Fabric's evaluator walks them. */
    private static List<String> writtenKeys(final ReadWriteSet rwSet) {
        final List<String> keys = new ArrayList<>();
        rwSet.writes().forEach(write -> keys.add(write.key()));
        rwSet.metadataWrites().forEach(write -> keys.add(write.key()));
        return keys;
    }
}
