package org.safepassage.guardian.oversight;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.client.ReceivedEvent;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.LedgerEvent;
import org.safepassage.guardian.crossing.CrossingEventConsumer;
import org.safepassage.guardian.crossing.CrossingTestEnvironment;
import org.safepassage.guardian.verification.TwilioStandInResource;

/**
 * The oversight projection against the real consumer: events read from the devpeer ledger become activity rows in
 * the consumer's transaction, once only, and go with the subject's erasure (here and on the ledger).
 */
@QuarkusTest
@WithTestResource(value = CrossingTestEnvironment.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TwilioStandInResource.class, scope = TestResourceScope.GLOBAL)
class ActivityProjectionTest {
    @Inject
    CrossingEventConsumer consumer;

    @Inject
    ActivityProjection projection;

    @Inject
    ActivityStore store;

    @BeforeEach
    void running() {
        consumer.start();
    }

    private List<ActivityKind> kinds(final String subjectId) {
        return store.timeline(subjectId).stream().map(Activity::kind).toList();
    }

    @Test
    void projects_requests_decisions_crossings_and_alerts_in_time_order() {
        final String[] minor = OversightLedger.minor();
        final CrossingRequest request = OversightLedger.open(minor[0]);
        OversightLedger.refuse(request.requestId(), minor[1]);
        OversightLedger.override(minor[0]);

        OversightLedger.await("the override's rows", () -> kinds(minor[0]).contains(ActivityKind.OVERRIDE));
        assertThat(kinds(minor[0])).containsExactly(ActivityKind.SUBJECT_REGISTERED, ActivityKind.REQUEST_OPENED,
                ActivityKind.GUARDIAN_DECISION, ActivityKind.REQUEST_REFUSED, ActivityKind.ALERT_RAISED,
                ActivityKind.CROSSING_RECORDED, ActivityKind.OVERRIDE, ActivityKind.ALERT_RAISED);
        final List<Activity> rows = store.timeline(minor[0]);
        final Activity decision = rows.get(2);
        assertThat(decision.decision()).isEqualTo("REFUSE");
        assertThat(decision.guardianRef()).isEqualTo(minor[1]);
        assertThat(decision.requestId()).isEqualTo(request.requestId());
        // PostgreSQL rounds to microseconds
        assertThat(rows.get(1).occurredAt()).isCloseTo(request.createdAt(), within(1, ChronoUnit.MICROS));
        assertThat(rows.get(1).post()).isEqualTo(OversightLedger.POST);
        assertThat(rows.get(1).direction()).isEqualTo("EXIT");
        assertThat(rows.get(4).alertType()).isEqualTo("REFUSED_CROSSING");
        final Activity crossing = rows.get(5);
        assertThat(crossing.outcome()).isEqualTo("ALLOWED");
        assertThat(crossing.legalBasis()).isEqualTo("SUPERVISED_OVERRIDE");
        assertThat(crossing.overrideReason()).isEqualTo("MEDICAL_EMERGENCY");
        assertThat(rows.get(7).alertType()).isEqualTo("OVERRIDE");
    }

    @Test
    void a_redelivered_event_adds_nothing() {
        final String[] minor = OversightLedger.minor();
        final CrossingRequest request = OversightLedger.open(minor[0]);
        OversightLedger.await("the request's row", () -> kinds(minor[0]).contains(ActivityKind.REQUEST_OPENED));
        final Activity opened = store.timeline(minor[0]).get(1);
        final ReceivedEvent again = new ReceivedEvent(opened.blockNumber(), opened.transactionId(),
                LedgerEvent.of(EventType.CROSSING_REQUESTED, request, List.of()));

        final int added = QuarkusTransaction.requiringNew().call(() -> projection.project(again, Instant.now()));

        assertThat(added).isZero();
        assertThat(kinds(minor[0])).containsExactly(ActivityKind.SUBJECT_REGISTERED, ActivityKind.REQUEST_OPENED);
    }

    @Test
    void erasure_through_the_internal_api_deletes_the_subjects_rows() {
        final String[] minor = OversightLedger.minor();
        final String[] other = OversightLedger.minor();
        OversightLedger.open(minor[0]);
        OversightLedger.await("the request's row", () -> kinds(minor[0]).contains(ActivityKind.REQUEST_OPENED));
        OversightLedger.await("the other's row", () -> !kinds(other[0]).isEmpty());

        given().auth().preemptive().basic("enrollment-service", "test-enrollment-password")
                .when().delete("/internal/v1/subjects/{id}/messages", minor[0])
                .then().statusCode(204);

        assertThat(store.timeline(minor[0])).as("the erased subject's activity rows").isEmpty();
        assertThat(store.timeline(other[0])).as("another subject's rows stay").isNotEmpty();
    }

    @Test
    void erasure_on_the_ledger_deletes_the_subjects_rows() {
        final String[] minor = OversightLedger.minor();
        OversightLedger.open(minor[0]);
        OversightLedger.await("the request's row", () -> kinds(minor[0]).contains(ActivityKind.REQUEST_OPENED));

        OversightLedger.erase(minor[0]);

        OversightLedger.await("the erasure", () -> store.timeline(minor[0]).isEmpty());
    }
}
