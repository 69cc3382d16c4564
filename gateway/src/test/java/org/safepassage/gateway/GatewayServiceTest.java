package org.safepassage.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.safepassage.gateway.support.Api;
import org.safepassage.gateway.support.GatewayTestEnvironment;
import org.safepassage.gateway.support.Terminals;

/** Health, metrics and OpenAPI on the plain management port; the service description over mutual TLS. */
@QuarkusTest
@QuarkusTestResource(GatewayTestEnvironment.class)
class GatewayServiceTest {
    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource(value = "/", tls = true)
    URL api;

    @Test
    void reports_ready_when_started() {
        given().baseUri(management.toString())
                .when()
                .get("health/ready")
                .then()
                .statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("ledger"));
    }

    @Test
    void serves_an_openapi_document_listing_the_api_paths() {
        given().baseUri(management.toString())
                .when()
                .get("openapi")
                .then()
                .statusCode(200)
                .body(containsString("/api/v1/service"))
                .body(containsString("/api/v1/scans"))
                .body(containsString("/api/v1/requests/{id}/events"))
                .body(containsString("SafePassage gateway API"));
    }

    @Test
    void declares_the_persons_bearer_token_on_the_api() {
        given().baseUri(management.toString())
                .accept("application/json")
                .when()
                .get("openapi?format=json")
                .then()
                .statusCode(200)
                .body("components.securitySchemes.person.type", is("http"))
                .body("components.securitySchemes.person.scheme", is("bearer"))
                .body("paths.'/api/v1/scans'.post.security[0].person", hasItem("guard"))
                .body("paths.'/api/v1/requests/{id}/override'.post.security[0].person", hasItem("supervisor"));
    }

    @Test
    void exposes_jvm_metrics_in_prometheus_text() {
        given().baseUri(management.toString())
                .accept("text/plain")
                .when()
                .get("metrics")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/plain"))
                .body(containsString("# TYPE jvm_"))
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void names_itself_with_its_configured_version() {
        final String version = ConfigProvider.getConfig().getValue("quarkus.application.version", String.class);

        final Api.Answer answer = new Api(api, Terminals.guard()).get("/api/v1/service");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("service").asText()).isEqualTo("gateway");
        assertThat(answer.body().path("version").asText()).isEqualTo(version).isNotBlank();
        assertThat(answer.body().path("role").asText()).contains("For border");
    }
}
