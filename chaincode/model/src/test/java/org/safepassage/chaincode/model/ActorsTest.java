package org.safepassage.chaincode.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ActorsTest {
    @Nested
    class Service {
        @Test
        void names_a_service_as_a_valid_pseudonymous_actor() {
            assertThat(Actors.service("guardian-notify")).isEqualTo("service:guardian-notify");
            assertThat(Actors.valid(Actors.service("guardian-notify"))).isTrue();
            assertThat(Actors.isService("service:enrollment")).isTrue();
            assertThat(Actors.isService("3f1c2a9e-5b7d-4e21-9c0a-7d5e8f4b6a10")).isFalse();
            assertThat(Actors.isService(null)).isFalse();
        }

        @Test
        void refuses_a_service_name_that_could_carry_anything_else() {
            for (String name : new String[] {"Guardian Notify", "a@b", "", "x".repeat(65)}) {
                assertThatThrownBy(() -> Actors.service(name)).as(name)
                        .isInstanceOf(IllegalArgumentException.class);
            }
            assertThatThrownBy(() -> Actors.service(null)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
