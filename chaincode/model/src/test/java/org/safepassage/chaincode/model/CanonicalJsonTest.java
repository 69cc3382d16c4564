package org.safepassage.chaincode.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safepassage.chaincode.model.Fixtures.G1;
import static org.safepassage.chaincode.model.Fixtures.G2;
import static org.safepassage.chaincode.model.Fixtures.minor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Nested
    class Writing {
        @Test
        void pins_the_exact_bytes_of_a_subject() {
            final byte[] bytes = CanonicalJson.toBytes(minor(1, G1, G2));

            assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("{\"approvalQuorum\":1,"
                    + "\"commitment\":\"" + "ab".repeat(32) + "\",\"consentRequiredUntil\":\"2034-05\","
                    + "\"guardianRefs\":[\"guardian-0001-aaaa\",\"guardian-0002-bbbb\"],\"protectionClass\":\"MINOR\","
                    + "\"registeredAt\":\"2026-11-29T10:15:30Z\",\"scheme\":\"fp-v1\",\"status\":\"ACTIVE\","
                    + "\"subjectId\":\"subj-0001-aaaa-bbbb\",\"updatedAt\":\"2026-11-29T10:15:30Z\"}");
        }

        @Test
        void omits_absent_fields_and_round_trips() {
            final LegalBasis basis = LegalBasis.notRequired();

            final String json = CanonicalJson.toJson(basis);

            assertThat(json).isEqualTo("{\"type\":\"NOT_REQUIRED\"}");
            assertThat(CanonicalJson.parse(json, LegalBasis.class)).isEqualTo(basis);
        }

        @Test
        void writes_the_same_bytes_for_equal_records() {
            assertThat(CanonicalJson.toBytes(minor(2, G1, G2))).isEqualTo(CanonicalJson.toBytes(minor(2, G1, G2)));
        }
    }

    @Nested
    class Parsing {
        private final String valid = CanonicalJson.toJson(new RecordScanCommand(Fixtures.SUBJECT, "MD-LEUSENI"));

        @Test
        void accepts_fields_in_any_order() {
            final RecordScanCommand parsed = CanonicalJson.parse(
                    "{\"post\":\"MD-LEUSENI\",\"subjectId\":\"" + Fixtures.SUBJECT + "\"}", RecordScanCommand.class);

            assertThat(parsed.post()).isEqualTo("MD-LEUSENI");
        }

        @Test
        void refuses_unknown_fields() {
            final String withName = valid.replace("{", "{\"childName\":\"Ana\",");

            assertThatThrownBy(() -> CanonicalJson.parse(withName, RecordScanCommand.class))
                    .isInstanceOf(InvalidRecordException.class)
                    .hasMessageContaining("childName");
        }

        @Test
        void refuses_duplicate_keys() {
            final String duplicated = valid.replace("{", "{\"post\":\"RO-SCULENI\",");

            assertThatThrownBy(() -> CanonicalJson.parse(duplicated, RecordScanCommand.class))
                    .isInstanceOf(InvalidRecordException.class)
                    .hasMessageContaining("post");
        }

        @Test
        void refuses_trailing_data() {
            assertThatThrownBy(() -> CanonicalJson.parse(valid + "{}", RecordScanCommand.class))
                    .isInstanceOf(InvalidRecordException.class);
        }

        @Test
        void refuses_a_string_where_a_number_belongs() {
            final String json = "{\"subjectId\":\"" + Fixtures.SUBJECT
                    + "\",\"guardianRefs\":[\"" + G1 + "\"],\"approvalQuorum\":\"1\"}";

            assertThatThrownBy(() -> CanonicalJson.parse(json, ReplaceGuardiansCommand.class))
                    .isInstanceOf(InvalidRecordException.class);
        }

        @Test
        void refuses_unknown_enum_values() {
            final String json = "{\"alertId\":\"tx-00000001\",\"resolution\":\"IGNORED\"}";

            assertThatThrownBy(() -> CanonicalJson.parse(json, AcknowledgeAlertCommand.class))
                    .isInstanceOf(InvalidRecordException.class);
        }

        @Test
        void reports_the_failing_rule_of_a_record() {
            final String json = "{\"subjectId\":\"short\",\"post\":\"MD-LEUSENI\"}";

            assertThatThrownBy(() -> CanonicalJson.parse(json, RecordScanCommand.class))
                    .isInstanceOf(InvalidRecordException.class)
                    .hasMessageContaining("subjectId: must be");
        }

        @Test
        void refuses_empty_input() {
            assertThatThrownBy(() -> CanonicalJson.parse(" ", RecordScanCommand.class))
                    .isInstanceOf(InvalidRecordException.class)
                    .hasMessageContaining("empty");
        }

        @Test
        void refuses_a_json_null() {
            assertThatThrownBy(() -> CanonicalJson.parse("null", RecordScanCommand.class))
                    .isInstanceOf(InvalidRecordException.class)
                    .hasMessageContaining("null");
            assertThatThrownBy(() -> CanonicalJson.parseList("null", RecordScanCommand.class))
                    .isInstanceOf(InvalidRecordException.class);
        }

        @Test
        void parses_lists() {
            final String json = "[" + valid + "," + valid + "]";

            assertThat(CanonicalJson.parseList(json, RecordScanCommand.class)).hasSize(2);
            assertThatThrownBy(() -> CanonicalJson.parseList("{}", RecordScanCommand.class))
                    .isInstanceOf(InvalidRecordException.class);
            assertThat(CanonicalJson.parseList("[]", RecordScanCommand.class)).isEqualTo(List.of());
        }
    }
}
