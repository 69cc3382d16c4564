package org.safepassage.enrollment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(org.safepassage.enrollment.support.EnrollmentTestEnvironment.class)
class EnrollmentServiceTest {
    @Test
    void reports_ready_when_started() {
        given().when()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("ledger"));
    }

    @Test
    void serves_an_openapi_document_listing_the_service_path() {
        given().when()
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/api/v1/service"))
                .body(containsString("SafePassage enrollment API"));
    }

    @Test
    void the_openapi_document_declares_required_fields_formats_and_the_error_body() {
        given().accept("application/json").when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("components.schemas.EnrollmentRequest.required",
                        hasItems("requestId", "person", "approvalQuorum", "consent"))
                // fingers or irises, by age: neither list is required on its own
                .body("components.schemas.EnrollmentRequest.properties.irises", notNullValue())
                .body("components.schemas.GuardianInput.properties.phoneNumber.pattern",
                        is(org.safepassage.enrollment.subject.Fields.E164_PATTERN))
                .body("components.schemas.'java.time.YearMonth'.type", is("string"))
                .body("paths.'/api/v1/subjects'.post.responses.'201'", notNullValue())
                .body("paths.'/api/v1/subjects'.post.responses.'409'.content.'application/json'.schema.$ref",
                        is("#/components/schemas/ApiError"));
    }

    @Test
    void exposes_jvm_metrics_in_prometheus_text() {
        given().accept("text/plain")
                .when()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("# TYPE jvm_"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void names_itself_with_its_configured_version() {
        final String version = ConfigProvider.getConfig().getValue("quarkus.application.version", String.class);

        given().when()
                .get("/api/v1/service")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .body("service", is("enrollment"))
                .body("version", is(version))
                .body("version", not(emptyOrNullString()))
                .body("role", containsString("For enrollment"));
    }
}
