package org.safepassage.network.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.safepassage.chaincode.model.Endorsers;

/** The real network commits the chaincode with the chaincode-level policy the chaincode's own table names. */
class ChaincodePolicyTest {
    private static final Pattern DEFAULT_POLICY =
            Pattern.compile("^POLICY=\\$\\{SAFEPASSAGE_ENDORSEMENT_POLICY:-\"(.*)\"}$", Pattern.MULTILINE);

    @Test
    void up_approves_the_chaincode_with_the_endorsement_tables_chaincode_level_policy() throws Exception {
        final Matcher matcher = DEFAULT_POLICY.matcher(Files.readString(Path.of("up")));

        assertThat(matcher.find()).as("network/fabric/up sets a default POLICY").isTrue();
        assertThat(matcher.group(1)).isEqualTo(Endorsers.chaincodePolicy());
    }
}
