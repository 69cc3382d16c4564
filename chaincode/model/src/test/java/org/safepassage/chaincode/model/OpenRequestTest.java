package org.safepassage.chaincode.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenRequestTest {
    private static final String SUBJECT = "subject-000000000001-test";
    private static final String REQUEST = "5b1c0f3e9a7d4c2b8e6f1a0d3c5b7e9f2a4c6e8b0d1f3a5c7e9b2d4f6a8c0e1b";

    @Test
    void the_explanation_names_the_open_request_and_reads_back() {
        final OpenRequest open = new OpenRequest(SUBJECT, REQUEST);

        assertThat(open.explanation())
                .isEqualTo("subject " + SUBJECT + " already has open crossing request " + REQUEST);
        assertThat(OpenRequest.fromExplanation(open.explanation())).contains(REQUEST);
    }

    @Test
    void an_explanation_naming_no_valid_request_reads_as_none() {
        assertThat(OpenRequest.fromExplanation(null)).isEmpty();
        assertThat(OpenRequest.fromExplanation("one request at a time")).isEmpty();
        assertThat(OpenRequest.fromExplanation("already has open crossing request bad!")).isEmpty();
    }

    @Test
    void holds_opaque_ids_only() {
        assertThatThrownBy(() -> new OpenRequest("Maria Popescu", REQUEST))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpenRequest(SUBJECT, "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serialises_with_sorted_keys() {
        assertThat(CanonicalJson.toJson(new OpenRequest(SUBJECT, REQUEST)))
                .isEqualTo("{\"requestId\":\"" + REQUEST + "\",\"subjectId\":\"" + SUBJECT + "\"}");
    }
}
