package org.safepassage.guardian.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** Which analyst a conclusion on an alert names on the ledger: her IdP subject, and only a pseudonymous one. */
class ActingPersonTest {
    private static final String SUBJECT = "3f1c2a9e-5b7d-4e21-9c0a-7d5e8f4b6a10";

    @Test
    void an_analyst_logged_in_with_a_token_is_named_by_her_subject() {
        assertThat(ActingPerson.actorOf(identity(token(SUBJECT)))).contains(SUBJECT);
    }

    @Test
    void two_analysts_are_two_actors() {
        assertThat(ActingPerson.actorOf(identity(token(SUBJECT))))
                .isNotEqualTo(ActingPerson.actorOf(identity(token("a2b4c6d8-0000-4000-8000-000000000002"))));
    }

    @Test
    void a_subject_that_is_personal_data_is_not_sent() {
        assertThat(ActingPerson.actorOf(identity(token("ana.popescu@child-protection.example")))).isEmpty();
        assertThat(ActingPerson.actorOf(identity(token("Ana Popescu")))).isEmpty();
    }

    @Test
    void a_caller_without_a_token_or_no_one_is_no_person() {
        assertThat(ActingPerson.actorOf(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("analyst")).addRole("analyst").build())).isEmpty();
        assertThat(ActingPerson.actorOf(QuarkusSecurityIdentity.builder().setAnonymous(true).build())).isEmpty();
        assertThat(ActingPerson.actorOf(null)).isEmpty();
        assertThat(ActingPerson.actorOf(identity(token(null)))).isEmpty();
    }

    private static SecurityIdentity identity(final JsonWebToken token) {
        return QuarkusSecurityIdentity.builder().setPrincipal(token).addRole("analyst").build();
    }

    /** An access token as quarkus-oidc hands it over: only the claims this rule reads. */
    private static JsonWebToken token(final String subject) {
        final Map<String, Object> claims = subject == null
                ? Map.of("preferred_username", "analyst")
                : Map.of("sub", subject, "preferred_username", "analyst");
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "analyst";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(final String claimName) {
                return (T) claims.get(claimName);
            }
        };
    }
}
