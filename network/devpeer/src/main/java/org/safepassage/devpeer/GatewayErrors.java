package org.safepassage.devpeer;

import com.google.protobuf.Any;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;

/** gRPC errors shaped as a Fabric Gateway peer returns them: a status, a message and per-endpoint details. */
final class GatewayErrors {
    private GatewayErrors() {}

    static StatusRuntimeException of(final Status.Code code, final String message) {
        return Status.fromCode(code).withDescription(message).asRuntimeException();
    }

    /** An error whose {@code ErrorDetail} names the endpoint that failed and why, as the Gateway attaches it. */
    static StatusRuntimeException withDetail(final Status.Code code, final String message, final String address,
            final String mspId, final String detail) {
        final com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(code.value())
                .setMessage(message)
                .addDetails(Any.pack(ErrorDetail.newBuilder()
                        .setAddress(address)
                        .setMspId(mspId)
                        .setMessage(detail)
                        .build()))
                .build();
        return StatusProto.toStatusRuntimeException(status);
    }
}
