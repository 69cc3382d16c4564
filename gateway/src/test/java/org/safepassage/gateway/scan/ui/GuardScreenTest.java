package org.safepassage.gateway.scan.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safepassage.gateway.support.Api;
import org.safepassage.gateway.support.People;
import org.safepassage.gateway.support.GatewayTestEnvironment;
import org.safepassage.gateway.support.Terminals;

@QuarkusTest
@QuarkusTestResource(GatewayTestEnvironment.class)
class GuardScreenTest {
    private static final String[] KEY_TEST_IDS = {"language", "scan-images", "scan-irises", "scan-iris-files",
        "direction", "companion-type", "companion-number", "companion-nationality", "scan-submit", "decision",
        "decision-reason", "decision-progress", "record-crossing", "deny-crossing", "crossing-recorded", "new-scan"};

    @TestHTTPResource(value = "/", tls = true)
    URL base;

    @Nested
    class Page {
        @Test
        void renders_over_mutual_tls_with_the_key_test_ids_and_the_terminal() throws Exception {
            final HttpResponse<String> page = get(Terminals.guard(), People.guard(), "/guard/");

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            for (String id : KEY_TEST_IDS) {
                assertThat(page.body()).contains("data-testid=\"" + id + "\"");
            }
            assertThat(page.body()).contains("MD-LEUSENI").contains("data-role=\"guard\"")
                    .as("a shared terminal: the person logs out when she leaves").contains("href=\"/guard/logout\"");
        }

        @Test
        void offers_the_override_only_to_a_supervisor() throws Exception {
            assertThat(get(Terminals.guard(), People.guard(), "/guard/").body()).doesNotContain("data-testid=\"override-submit\"");

            final String supervisor = get(Terminals.supervisor(), People.supervisor(), "/guard/").body();
            assertThat(supervisor).contains("data-testid=\"override-reason\"")
                    .contains("data-testid=\"override-submit\"").contains("data-role=\"supervisor\"");
        }

        @Test
        void offers_no_override_to_a_guard_logged_in_at_a_supervisors_terminal() throws Exception {
            final String page = get(Terminals.supervisor(), People.guard(), "/guard/").body();

            assertThat(page).doesNotContain("data-testid=\"override-submit\"").contains("data-role=\"guard\"");
        }

        @Test
        void sends_a_terminal_without_a_person_to_the_login() throws Exception {
            final HttpResponse<String> page = get(Terminals.guard(), null, "/guard/");

            assertThat(page.statusCode()).isEqualTo(303);
            assertThat(page.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/guard/login"));
        }

        @Test
        void serves_its_script_dictionary_and_the_ui_kit() throws Exception {
            for (String asset : new String[] {"/guard/guard.js", "/guard/i18n.js", "/guard/guard.css",
                "/ui-kit/safepassage.css", "/ui-kit/safepassage.js"}) {
                assertThat(get(Terminals.guard(), null, asset).statusCode()).as(asset).isEqualTo(200);
            }
        }

        @Test
        void is_refused_without_a_client_certificate() {
            assertThatThrownBy(() -> get(Terminals.anonymous(), People.guard(), "/guard/")).isInstanceOf(IOException.class);
        }

        @Test
        void is_forbidden_to_a_border_certificate_that_names_no_terminal() throws Exception {
            assertThat(get(Terminals.client("BorderMSP", "Admin"), People.guard(), "/guard/").statusCode()).isEqualTo(403);
        }
    }

    @Nested
    class TerminalEndpoint {
        @Test
        void answers_the_guard_terminals_post_role_and_person() {
            final Api.Answer answer = new Api(base, Terminals.guard(), People.guard()).get("/api/v1/terminal");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("post").asText()).isEqualTo("MD-LEUSENI");
            assertThat(answer.body().path("role").asText()).isEqualTo("guard");
            assertThat(answer.body().path("actor").asText()).isEqualTo(People.GUARD);
            assertThat(answer.body().has("ledgerUser")).isFalse();
        }

        @Test
        void answers_the_supervisors_role() {
            final Api.Answer answer = new Api(base, Terminals.supervisor(), People.supervisor()).get("/api/v1/terminal");

            assertThat(answer.body().path("role").asText()).isEqualTo("supervisor");
        }

        @Test
        void forbids_a_certificate_that_names_no_terminal() {
            final Api.Answer answer = new Api(base, Terminals.client("BorderMSP", "Admin"), People.guard())
                    .get("/api/v1/terminal");

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.body().path("code").asText()).isEqualTo("FORBIDDEN");
        }
    }

    private HttpResponse<String> get(final HttpClient client, final String authorization, final String path)
            throws IOException, InterruptedException {
        final URI uri = URI.create(base.toString()).resolve(path);
        final HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
