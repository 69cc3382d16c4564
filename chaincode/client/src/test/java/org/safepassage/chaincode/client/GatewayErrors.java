package org.safepassage.chaincode.client;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import org.hyperledger.fabric.client.CommitException;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/** The gRPC failures a Fabric Gateway sends, shaped as a Fabric v2.5 / v3 gateway peer shapes them. */
final class GatewayErrors {
    static final String TX_ID = "c4f0e8a1b2d3c4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d";

    private GatewayErrors() {}

    /** A gRPC status whose error details name the peers that answered, as the gateway's Endorse call reports. */
    static StatusRuntimeException withDetails(final Status.Code code, final String message, final String... details) {
        final com.google.rpc.Status.Builder status =
                com.google.rpc.Status.newBuilder().setCode(code.value()).setMessage(message);
        Arrays.stream(details)
                .map(detail -> ErrorDetail.newBuilder()
                        .setAddress("peer0.border.safepassage.test:7051")
                        .setMspId("BorderMSP")
                        .setMessage(detail)
                        .build())
                .map(Any::pack)
                .forEach(status::addDetails);
        return StatusProto.toStatusRuntimeException(status.build());
    }

    /** A chaincode refusal during endorsement: the gateway says ABORTED, the peer's message is in the details. */
    static StatusRuntimeException endorsementRefused(final String chaincodeMessage) {
        return withDetails(Status.Code.ABORTED, "failed to endorse transaction, see attached details for more info",
                "chaincode response 500, " + chaincodeMessage);
    }

    /** A chaincode refusal during evaluation: the peer's message is in the status message itself. */
    static StatusRuntimeException evaluationRefused(final String chaincodeMessage) {
        return Status.UNKNOWN
                .withDescription("evaluate call to endorser returned error: chaincode response 500, " + chaincodeMessage)
                .asRuntimeException();
    }

    /**
     * A failed commit. CommitException's only constructor is package-private in fabric-gateway 1.10.0 (it is built from
     * the commit status the gateway returns), so tests reach it by reflection rather than mocking it.
     */
    static CommitException commitFailed(final String transactionId, final TxValidationCode code) {
        final org.hyperledger.fabric.client.Status status = new org.hyperledger.fabric.client.Status() {
            @Override
            public String getTransactionId() {
                return transactionId;
            }

            @Override
            public long getBlockNumber() {
                return 42;
            }

            @Override
            public TxValidationCode getCode() {
                return code;
            }

            @Override
            public boolean isSuccessful() {
                return code == TxValidationCode.VALID;
            }
        };
        try {
            final Constructor<CommitException> constructor =
                    CommitException.class.getDeclaredConstructor(org.hyperledger.fabric.client.Status.class);
            constructor.setAccessible(true);
            return constructor.newInstance(status);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("fabric-gateway's CommitException changed shape", e);
        }
    }
}
