package org.safepassage.guardian.redflag;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.YearMonth;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.client.LedgerConnection;
import org.safepassage.chaincode.client.LedgerGateway;
import org.safepassage.chaincode.model.CommitmentScheme;
import org.safepassage.chaincode.model.EventType;
import org.safepassage.chaincode.model.ProtectionClass;
import org.safepassage.chaincode.model.RedFlagCommand;
import org.safepassage.chaincode.model.RedFlagEvidence;
import org.safepassage.chaincode.model.RedFlagRule;
import org.safepassage.chaincode.model.RegisterSubjectCommand;
import org.safepassage.guardian.crossing.CrossingTestEnvironment;

/** No person asks for a red flag: the ledger names guardian-notify itself beside it, never nobody. */
@QuarkusTest
@QuarkusTestResource(CrossingTestEnvironment.class)
class RedFlagAttributionTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AnalyticsLedger ledger;

    @Test
    void a_red_flag_names_guardian_notify_as_its_actor() throws Exception {
        final String subjectId = "subject-" + UUID.randomUUID().toString().replace("-", "");
        final byte[] commitment = new byte[32];
        RANDOM.nextBytes(commitment);
        try (LedgerGateway officer = LedgerGateway.connect(
                LedgerConnection.read(CrossingTestEnvironment.ledgerConnection()), "RegistryMSP", "officer")) {
            officer.chaincode().subjects().register(new RegisterSubjectCommand(subjectId,
                    HexFormat.of().formatHex(commitment), CommitmentScheme.FP_V1, ProtectionClass.MINOR,
                    List.of("guardian-" + UUID.randomUUID().toString().replace("-", "")), 1,
                    YearMonth.now().plusYears(10)));
        }
        final byte[] tx = new byte[32];
        RANDOM.nextBytes(tx);
        ledger.chaincode().alerts().raiseRedFlag(new RedFlagCommand(RedFlagRule.FREQUENT_EXITS, subjectId,
                "MD-LEUSENI", List.of(new RedFlagEvidence(HexFormat.of().formatHex(tx), subjectId,
                        EventType.CROSSING_RECORDED))));

        final String chain = new String(Files.readAllBytes(CrossingTestEnvironment.WORK.resolve("ledger")
                .resolve("blocks.log")), StandardCharsets.ISO_8859_1);
        final Matcher attribution = Pattern.compile("\\{\"actor\":\"([^\"]+)\",\"at\":[^,]+,\"by\":\"([^\"]+)\","
                + "\"transaction\":\"alert:RaiseRedFlag\"").matcher(chain);
        assertThat(attribution.find()).as("an attribution beside the red flag").isTrue();
        assertThat(attribution.group(1)).isEqualTo("service:guardian-notify");
        assertThat(attribution.group(2)).startsWith("ChildProtectionMSP/").contains("analytics");
    }
}
