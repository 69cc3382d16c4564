package org.safepassage.chaincode.model;

/** Input of {@code subject:EraseSubject}: erase a subject on a verified request. */
public record EraseSubjectCommand(String subjectId, String requestRef) {
    public EraseSubjectCommand {
        Require.opaqueId("subjectId", subjectId);
        Require.opaqueId("requestRef", requestRef);
    }
}
