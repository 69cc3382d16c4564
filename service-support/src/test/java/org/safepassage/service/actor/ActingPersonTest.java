package org.safepassage.service.actor;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Who a write names: the person's IdP subject (and only a pseudonymous one), the person whose work is retried, or the
 * service itself.
 */
class ActingPersonTest {
    private static final String SUBJECT = "3f1c2a9e-5b7d-4e21-9c0a-7d5e8f4b6a10";

    @Nested
    class ActorOf {
        @Test
        void a_person_logged_in_with_a_token_is_named_by_her_subject() {
            assertThat(ActingPerson.actorOf(identity(token(SUBJECT)))).contains(SUBJECT);
        }

        @Test
        void two_people_are_two_actors() {
            assertThat(ActingPerson.actorOf(identity(token(SUBJECT))))
                    .isNotEqualTo(ActingPerson.actorOf(identity(token("a2b4c6d8-0000-4000-8000-000000000002"))));
        }

        @Test
        void a_subject_that_is_personal_data_is_not_sent() {
            assertThat(ActingPerson.actorOf(identity(token("ana.popescu@child-protection.example")))).isEmpty();
            assertThat(ActingPerson.actorOf(identity(token("Ana Popescu")))).isEmpty();
        }

        @Test
        void a_subject_posing_as_a_service_is_not_sent() {
            assertThat(ActingPerson.actorOf(identity(token("service:guardian-notify")))).isEmpty();
        }

        @Test
        void a_caller_without_a_token_or_no_one_is_no_person() {
            assertThat(ActingPerson.actorOf(QuarkusSecurityIdentity.builder()
                    .setPrincipal(new QuarkusPrincipal("analyst")).addRole("analyst").build())).isEmpty();
            assertThat(ActingPerson.actorOf(QuarkusSecurityIdentity.builder().setAnonymous(true).build())).isEmpty();
            assertThat(ActingPerson.actorOf(null)).isEmpty();
            assertThat(ActingPerson.actorOf(identity(token(null)))).isEmpty();
            assertThat(ActingPerson.actorOf(identity(new TokenCredential("opaque-token-value", "bearer")))).isEmpty();
        }
    }

    @Nested
    class Actor {
        private final ActingPerson acting = new ActingPerson(noIdentity(), "guardian-notify");

        @Test
        void a_write_nobody_asked_for_names_the_service() {
            assertThat(acting.actor()).isEqualTo("service:guardian-notify").isEqualTo(acting.service());
            assertThat(acting.person()).isEmpty();
            assertThat(acting.name()).isEqualTo(ActingPerson.NOBODY);
        }

        @Test
        void work_done_for_a_person_names_her_and_only_while_it_runs() {
            final AtomicReference<String> during = new AtomicReference<>();
            acting.onBehalfOf(SUBJECT, () -> {
                during.set(acting.actor());
                return null;
            });
            assertThat(during.get()).isEqualTo(SUBJECT);
            assertThat(acting.actor()).isEqualTo("service:guardian-notify");
        }

        @Test
        void work_recorded_without_an_actor_names_the_service() {
            assertThat(acting.onBehalfOf(null, acting::actor)).isEqualTo("service:guardian-notify");
            assertThat(acting.onBehalfOf("Ana Popescu", acting::actor)).isEqualTo("service:guardian-notify");
        }
    }

    private static SecurityIdentity identity(final TokenCredential token) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("analyst")).addRole("analyst")
                .addCredential(token).build();
    }

    /** A signed access token as the log-in mechanism hands it over, verified already: only its claims matter here. */
    private static TokenCredential token(final String subject) {
        final String claims = subject == null
                ? "{\"preferred_username\":\"analyst\"}"
                : "{\"sub\":\"" + subject + "\",\"preferred_username\":\"analyst\"}";
        final Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        return new TokenCredential(url.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl", "bearer");
    }

    @SuppressWarnings("unchecked")
    private static Instance<SecurityIdentity> noIdentity() {
        return (Instance<SecurityIdentity>) java.lang.reflect.Proxy.newProxyInstance(
                ActingPersonTest.class.getClassLoader(), new Class<?>[] {Instance.class}, (proxy, method, args) -> {
                    if ("isResolvable".equals(method.getName())) {
                        return false;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
