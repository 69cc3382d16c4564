package org.safepassage.guardian;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class GuardianNotifyServiceTest {
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
                .body(containsString("SafePassage guardian-notify API"));
    }

    @Test
    void the_openapi_document_declares_required_fields_and_the_error_body() {
        given().accept("application/json").when()
                .get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body("components.schemas.StartVerificationRequest.required", hasItem("phoneNumber"))
                .body("components.schemas.CheckCodeRequest.properties.code.pattern", is("^[0-9]{6}$"))
                .body("components.schemas.ApiError.required", hasItems("code", "message"))
                .body("paths.'/internal/v1/phone-verifications/{id}/check'.post.responses.'423'.content."
                        + "'application/json'.schema.$ref", is("#/components/schemas/ApiError"));
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
                .body("service", is("guardian-notify"))
                .body("version", is(version))
                .body("version", not(emptyOrNullString()))
                .body("role", containsString("For guardians:"));
    }
}
