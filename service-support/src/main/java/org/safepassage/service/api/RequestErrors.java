package org.safepassage.service.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.stream.Collectors;

/**
 * What the services' error mappers say alike about a request they could not take: which field of a JSON body was
 * wrong, and the machine-readable code of a bare HTTP refusal. Never the offending value: bodies hold personal data,
 * biometrics and document numbers, and Jackson's own message may quote them.
 */
public final class RequestErrors {
    private RequestErrors() {}

    /**
     * The path of the field Jackson could not read, such as {@code guardians.[1].phoneNumber}.
     *
     * @return the path, or the empty string when the body as a whole was unreadable
     */
    public static String field(final JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        return "";
    }

    /** The code of a 4xx the framework answered by itself (no such path, wrong method, too large...). */
    public static String codeFor(final int status) {
        return switch (status) {
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "MALFORMED_REQUEST";
        };
    }
}
