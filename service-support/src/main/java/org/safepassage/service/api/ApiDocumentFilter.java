package org.safepassage.service.api;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every service's OpenAPI document says alike about failures, written once here rather than on each method: the
 * {@link ApiError} body of every error answer, and the refusals the shared mappers ({@link ApiErrorMappers}) and the
 * framework make for any operation of a kind (a body it cannot read, a path parameter naming nothing, a dependency
 * that cannot be reached). A status a resource documents itself ({@code @APIResponse}) keeps its words; an error
 * answer documented without a body gets {@code ApiError}. Registered by each service as {@code mp.openapi.filter}.
 */
public class ApiDocumentFilter implements OASFilter {
    /** The name of the error body's schema under {@code components/schemas}. */
    public static final String ERROR_SCHEMA = "ApiError";
    /** The name of the shared 405 answer under {@code components/responses}, with its {@code Allow} header. */
    public static final String METHOD_NOT_ALLOWED = "MethodNotAllowed";

    private static final String JSON = "application/json";

    @Override
    public void filterOpenAPI(final OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        if (components.getSchemas() != null) {
            components.getSchemas().values().forEach(ApiDocumentFilter::optionalMayBeNull);
        }
        components.addSchema(ERROR_SCHEMA, errorSchema());
        components.addResponse(METHOD_NOT_ALLOWED, OASFactory.createAPIResponse()
                .description("METHOD_NOT_ALLOWED: the path exists, the method does not; Allow lists those it takes")
                .addHeader("Allow", OASFactory.createHeader().required(true)
                        .description("The methods the path takes, e.g. GET, HEAD, OPTIONS")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)))
                .content(errorContent()));
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> complete(path, method, operation)));
    }

    private static void complete(final String path, final PathItem.HttpMethod method, final Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        final boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        final boolean body = operation.getRequestBody() != null;
        final boolean parameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (body || parameters) {
            standard(responses, "400", "MALFORMED_REQUEST or INVALID_FIELD (details.field names the field)");
        }
        if (secured) {
            standard(responses, "401", "UNAUTHENTICATED: no valid credentials");
            standard(responses, "403", "FORBIDDEN: the caller's role may not do this");
            standard(responses, "503", "A dependency (the ledger, the database, another service) cannot be reached;"
                    + " try again");
        }
        if (path.contains("{")) {
            standard(responses, "404", "NOT_FOUND: nothing has this id");
        }
        if (body) {
            standard(responses, "413", "PAYLOAD_TOO_LARGE");
            standard(responses, "415", "UNSUPPORTED_MEDIA_TYPE: the body is not of a type the operation takes");
        }
        for (Map.Entry<String, APIResponse> answer : responses.getAPIResponses().entrySet()) {
            final APIResponse response = answer.getValue();
            if (isError(answer.getKey()) && response.getRef() == null
                    && (response.getContent() == null || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(errorContent());
            }
        }
    }

    /**
     * Jackson writes an absent value as {@code null}, and the services read {@code null} as absent: so a property the
     * schema does not require may be null, and the document says so.
     */
    private static void optionalMayBeNull(final Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        final List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : Map.copyOf(schema.getProperties()).entrySet()) {
            final Schema value = property.getValue();
            if (required.contains(property.getKey())) {
                continue;
            }
            if (value.getRef() != null) {
                schema.addProperty(property.getKey(), OASFactory.createSchema()
                        .addAnyOf(OASFactory.createSchema().ref(value.getRef()))
                        .addAnyOf(OASFactory.createSchema().addType(Schema.SchemaType.NULL)));
            } else if (value.getType() != null && !value.getType().contains(Schema.SchemaType.NULL)) {
                value.addType(Schema.SchemaType.NULL);
                if (value.getEnumeration() != null && value.getEnumeration().stream().noneMatch(java.util.Objects::isNull)) {
                    value.addEnumeration(null);
                }
            }
        }
    }

    private static void standard(final APIResponses responses, final String status, final String description) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        } else if (isFrameworkDescription(responses.getAPIResponse(status).getDescription())) {
            responses.getAPIResponse(status).setDescription(description);
        }
    }

    /** The generic words SmallRye writes for 400/401/403 when it adds them by itself. */
    private static boolean isFrameworkDescription(final String description) {
        return description == null || List.of("Bad Request", "Not Authorized", "Not Allowed").contains(description);
    }

    private static boolean isError(final String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static Content errorContent() {
        return OASFactory.createContent().addMediaType(JSON, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(ERROR_SCHEMA)));
    }

    private static Schema errorSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("Every error answer: code is machine-readable, message is for people, details carries "
                        + "what a client needs to act (the offending field, a rejection reason)")
                .addProperty("code", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .pattern("^[A-Z][A-Z0-9_]*$").examples(List.of("INVALID_FIELD")))
                .addProperty("message", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("details", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT))
                .required(List.of("code", "message"));
    }
}
