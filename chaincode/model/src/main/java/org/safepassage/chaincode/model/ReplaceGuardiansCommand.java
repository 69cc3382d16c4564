package org.safepassage.chaincode.model;

import java.util.List;

/** Input of {@code subject:ReplaceGuardians}: the subject's new guardians and quorum (checked against its class). */
public record ReplaceGuardiansCommand(String subjectId, List<String> guardianRefs, int approvalQuorum) {
    public ReplaceGuardiansCommand {
        Require.opaqueId("subjectId", subjectId);
        guardianRefs = Guardians.refs(guardianRefs);
    }
}
