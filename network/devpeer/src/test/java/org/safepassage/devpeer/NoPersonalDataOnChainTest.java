package org.safepassage.devpeer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.EndorseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safepassage.chaincode.client.SafePassageChaincode;
import org.safepassage.chaincode.model.AnchorAuditHeadCommand;
import org.safepassage.chaincode.model.AuthoriseTripCommand;
import org.safepassage.chaincode.model.CanonicalJson;
import org.safepassage.chaincode.model.CrossingRequest;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.chaincode.model.EraseSubjectCommand;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.GuardianApproval;
import org.safepassage.chaincode.model.LegalBasis;
import org.safepassage.chaincode.model.OpenCrossingRequestCommand;
import org.safepassage.chaincode.model.Outcome;
import org.safepassage.chaincode.model.RecordCrossingCommand;
import org.safepassage.chaincode.model.RecordGuardianDecisionCommand;
import org.safepassage.chaincode.model.RecordScanCommand;
import org.safepassage.chaincode.model.RedFlagCommand;
import org.safepassage.chaincode.model.RedFlagEvidence;
import org.safepassage.chaincode.model.RedFlagRule;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.chaincode.model.Subject;
import org.safepassage.ledger.sim.Identity;

/**
 * No personal data on chain, ever: after a whole crossing, a trip, a missing-child scan and an erasure, plus attempts
 * to smuggle personal data in as extra fields of every kind of command, no block on disk contains any of it.
 *
 * <p>What the chaincode cannot see is whether an opaque id was minted at random: that is the enrollment service's
 * duty, and tested there.
 */
class NoPersonalDataOnChainTest {
    private static final List<String> PERSONAL_DATA =
            List.of("Ana Popescu", "2015-03-14", "+37369123456", "MD1234567", "Chisinau", "Ion Popescu");
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+[0-9]{8,15}");
    private static final String EVIDENCE = "ab".repeat(32);

    @TempDir
    Path data;

    @Test
    void no_block_holds_personal_data() throws Exception {
        final Identity officer = TestNetwork.user("RegistryMSP", "officer");
        final Identity guard = TestNetwork.user("BorderMSP", "guard");
        final Identity notifier = TestNetwork.user("ChildProtectionMSP", "notifier");
        final Identity dpo = TestNetwork.user("RegistryMSP", "dpo");
        try (DevPeer peer = TestNetwork.startPeer(data); TestNetwork network = new TestNetwork(peer.port())) {
            final Subject subject = network.chaincode(officer).subjects().register(Commands.minor(3, 2));
            final SafePassageChaincode border = network.chaincode(guard);
            final SafePassageChaincode childProtection = network.chaincode(notifier);
            final String post = "MD-LEUSENI";
            final CrossingRequest request = border.crossings().openRequest(new OpenCrossingRequestCommand(
                    subject.subjectId(), post, Direction.EXIT, Commands.newId("companion"), null));
            for (final String guardian : subject.guardianRefs().subList(0, 2)) {
                childProtection.crossings().recordDecision(new RecordGuardianDecisionCommand(
                        request.requestId(), guardian, Decision.APPROVE, EVIDENCE));
            }
            border.crossings().recordCrossing(new RecordCrossingCommand(subject.subjectId(), post, Direction.EXIT,
                    Outcome.ALLOWED, request.companionRef(), LegalBasis.approval(request.requestId())));
            childProtection.trips().authorise(new AuthoriseTripCommand(subject.subjectId(), Instant.now(),
                    Instant.now().plusSeconds(86_400), List.of(post), List.of(), null, null,
                    subject.guardianRefs().stream().map(g -> new GuardianApproval(g, EVIDENCE)).toList()));
            border.crossings().recordScan(new RecordScanCommand(subject.subjectId(), post));
            // a red flag as the analytics raise it: opaque ids and codes only, and extra fields are refused
            final SafePassageChaincode analytics = network.chaincode(TestNetwork.user("ChildProtectionMSP",
                    "analytics"));
            final RedFlagCommand redFlag = new RedFlagCommand(RedFlagRule.COMPANION_MANY_CHILDREN, subject.subjectId(), post,
                    List.of(new RedFlagEvidence(request.requestId(), subject.subjectId(),
                            EventType.CROSSING_REQUESTED)));
            analytics.alerts().raiseRedFlag(redFlag);
            final Contract alerts = network.connect(TestNetwork.user("ChildProtectionMSP", "analytics"))
                    .getNetwork(TestNetwork.CHANNEL).getContract("safepassage", "alert");
            for (final String smuggled : List.of(
                    CanonicalJson.toJson(redFlag).replace("{\"evidence\"", "{\"phone\":\"+37369123456\",\"evidence\""),
                    CanonicalJson.toJson(redFlag).replace("\"event\":", "\"companion\":\"Ion Popescu\",\"event\":"))) {
                assertThatThrownBy(() -> alerts.submitTransaction("RaiseRedFlag", smuggled))
                        .isInstanceOfSatisfying(EndorseException.class, e -> assertThat(e.getDetails())
                                .anySatisfy(detail -> assertThat(detail.getMessage()).contains("INVALID_ARGUMENT")));
            }
            network.chaincode(officer).subjects().flagMissing(subject.subjectId());
            border.crossings().recordScan(new RecordScanCommand(subject.subjectId(), post));

            final Contract subjects = network.connect(officer).getNetwork(TestNetwork.CHANNEL)
                    .getContract("safepassage", "subject");
            for (final String smuggled : smuggledRegistrations()) {
                assertThatThrownBy(() -> subjects.submitTransaction("RegisterSubject", smuggled))
                        .isInstanceOfSatisfying(EndorseException.class, e -> assertThat(e.getDetails())
                                .anySatisfy(detail -> assertThat(detail.getMessage()).contains("INVALID_ARGUMENT")));
            }
            // an access-audit anchor: a count and a hash; a name smuggled in beside them is refused
            network.chaincode(officer).auditAnchors().anchor(new AnchorAuditHeadCommand(42, "cd".repeat(32)));
            final Contract audit = network.connect(officer).getNetwork(TestNetwork.CHANNEL)
                    .getContract("safepassage", "audit");
            assertThatThrownBy(() -> audit.submitTransaction("AnchorAuditHead", "{\"headHash\":\"" + "cd".repeat(32)
                    + "\",\"readBy\":\"Ion Popescu\",\"rowCount\":43}"))
                    .isInstanceOfSatisfying(EndorseException.class, e -> assertThat(e.getDetails())
                            .anySatisfy(detail -> assertThat(detail.getMessage()).contains("INVALID_ARGUMENT")));
            network.chaincode(dpo).subjects().erase(
                    new EraseSubjectCommand(subject.subjectId(), Commands.newId("erasure")));
        }

        final String blocks = new String(Files.readAllBytes(data.resolve("blocks.log")), StandardCharsets.ISO_8859_1);
        assertThat(blocks).contains("SubjectErased").contains("CrossingRecorded").contains("SubjectScanned")
                .contains("RedFlagRaised").contains("AnchorAuditHead");
        for (final String personal : PERSONAL_DATA) {
            assertThat(blocks).as("blocks contain %s", personal).doesNotContain(personal);
        }
        assertThat(PHONE_NUMBER.matcher(blocks).find()).as("a phone number in a block").isFalse();
    }

    /** A valid registration with personal data added as extra fields, one field at a time. */
    private static List<String> smuggledRegistrations() {
        final RegisterSubjectCommand valid = Commands.minor(1, 1);
        final String json = CanonicalJson.toJson(valid);
        return List.of(
                json.replace("{", "{\"name\":\"Ana Popescu\","),
                json.replace("{", "{\"birthDate\":\"2015-03-14\","),
                json.replace("{", "{\"guardianPhone\":\"+37369123456\","),
                json.replace("{", "{\"documentNumber\":\"MD1234567\","),
                json.replace("{", "{\"guardian\":{\"name\":\"Ion Popescu\",\"city\":\"Chisinau\"},"));
    }
}
