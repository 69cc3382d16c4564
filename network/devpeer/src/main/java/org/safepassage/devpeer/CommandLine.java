package org.safepassage.devpeer;

import java.nio.file.Path;
import java.time.Duration;
import org.safepassage.ledger.sim.SignaturePolicy;

/** The devpeer's command-line options. */
final class CommandLine {
    static final String USAGE = "usage: devpeer [--port 7051] [--data DIR] [--crypto DIR] [--channel safepassage]"
            + " [--chaincode safepassage] [--block-size 50] [--batch-timeout-ms 100]"
            + " [--policy \"AND('BorderMSP.peer','ChildProtectionMSP.peer','RegistryMSP.peer')\"]";

    private CommandLine() {}

    static DevPeerConfig parse(final String[] args) {
        int port = DevPeerConfig.DEFAULT_PORT;
        Path data = Path.of("devpeer-data");
        Path crypto = Path.of("devpeer-crypto");
        String channel = DevPeerConfig.DEFAULT_CHANNEL;
        String chaincode = DevPeerConfig.DEFAULT_CHAINCODE;
        int blockSize = 50;
        long batchMillis = 100;
        SignaturePolicy policy = DevPeerConfig.DEFAULT_POLICY;
        for (int i = 0; i < args.length; i++) {
            final String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + option);
            }
            final String value = args[++i];
            try {
                switch (option) {
                    case "--port" -> port = Integer.parseInt(value);
                    case "--data" -> data = Path.of(value);
                    case "--crypto" -> crypto = Path.of(value);
                    case "--channel" -> channel = value;
                    case "--chaincode" -> chaincode = value;
                    case "--block-size" -> blockSize = Integer.parseInt(value);
                    case "--batch-timeout-ms" -> batchMillis = Long.parseLong(value);
                    case "--policy" -> policy = SignaturePolicy.compile(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, got " + value);
            }
        }
        return new DevPeerConfig(port, data, crypto, channel, chaincode, blockSize, Duration.ofMillis(batchMillis),
                policy);
    }
}
