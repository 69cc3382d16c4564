package org.safepassage.chaincode.model;

/** Input of {@code crossing:RecordScan}: a subject was identified at a post. */
public record RecordScanCommand(String subjectId, String post) {
    public RecordScanCommand {
        Require.opaqueId("subjectId", subjectId);
        Require.post("post", post);
    }
}
