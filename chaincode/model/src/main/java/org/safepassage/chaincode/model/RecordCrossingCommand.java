package org.safepassage.chaincode.model;

/** Input of {@code crossing:RecordCrossing}: what the border post did, and on what basis. */
public record RecordCrossingCommand(
        String subjectId, String post, Direction direction, Outcome outcome, String companionRef, LegalBasis basis) {
    public RecordCrossingCommand {
        Require.opaqueId("subjectId", subjectId);
        Require.post("post", post);
        Require.present("direction", direction);
        Require.present("outcome", outcome);
        Require.optionalOpaqueId("companionRef", companionRef);
        Require.present("basis", basis);
    }
}
