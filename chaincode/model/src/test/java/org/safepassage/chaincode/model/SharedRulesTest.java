package org.safepassage.chaincode.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules the services ask the model for instead of keeping copies: opaque ids, common names, the quorum. */
class SharedRulesTest {
    @Nested
    class OpaqueIds {
        @Test
        void accepts_what_the_records_accept_and_nothing_else() {
            assertThat(Identifiers.isOpaqueId("sub-0123456789abcdef")).isTrue();
            assertThat(Identifiers.isOpaqueId("short")).isFalse();
            assertThat(Identifiers.isOpaqueId("-starts-with-a-dash-0123")).isFalse();
            assertThat(Identifiers.isOpaqueId("has space 0123456789")).isFalse();
            assertThat(Identifiers.isOpaqueId(null)).isFalse();
            assertThat(Identifiers.requireOpaqueId("subjectId", "sub-0123456789abcdef")).isEqualTo("sub-0123456789abcdef");
        }
    }

    @Nested
    class CommonNames {
        @Test
        void finds_the_cn_of_a_distinguished_name() {
            assertThat(Identifiers.commonName("CN=post-md-leuseni-01,OU=client,O=BorderMSP,C=MD"))
                    .isEqualTo("post-md-leuseni-01");
            assertThat(Identifiers.commonName("cn=officer-01, O=RegistryMSP")).isEqualTo("officer-01");
        }

        @Test
        void answers_the_whole_name_without_a_cn_or_unparseable() {
            assertThat(Identifiers.commonName("O=BorderMSP")).isEqualTo("O=BorderMSP");
            assertThat(Identifiers.commonName("not a name")).isEqualTo("not a name");
        }
    }

    @Nested
    class Quorum {
        @Test
        void a_minor_needs_a_guardian_and_a_quorum_between_one_and_their_number() {
            assertThat(Guardians.quorumProblem(ProtectionClass.MINOR, 2, 2)).isEmpty();
            assertThat(Guardians.quorumProblem(ProtectionClass.MINOR, 0, 0)).get().asString()
                    .contains("at least one guardian");
            assertThat(Guardians.quorumProblem(ProtectionClass.MINOR, 2, 3)).get().asString()
                    .contains("between 1 and the number of guardians");
            assertThat(Guardians.quorumProblem(ProtectionClass.MINOR, 2, 0)).isPresent();
        }

        @Test
        void a_survivor_may_have_no_guardian_and_no_quorum() {
            assertThat(Guardians.quorumProblem(ProtectionClass.SURVIVOR, 0, 0)).isEmpty();
            assertThat(Guardians.quorumProblem(ProtectionClass.SURVIVOR, 1, 2)).isPresent();
        }

        @Test
        void the_records_refuse_what_quorum_problem_names() {
            assertThatThrownBy(() -> Guardians.checkQuorum(ProtectionClass.MINOR, List.of("gdn-0123456789abcdef"), 2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("approvalQuorum: must be between 1 and the number of guardians");
        }
    }
}
