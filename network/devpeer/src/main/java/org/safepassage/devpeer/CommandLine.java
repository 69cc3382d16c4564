package org.safepassage.devpeer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import org.safepassage.ledger.sim.SignaturePolicy;

/** The devpeer's command-line options. */
final class CommandLine {
    static final String USAGE = "usage: devpeer [--port 7051] [--data DIR] [--crypto DIR] [--channel safepassage]"
            + " [--chaincode safepassage] [--block-size 50] [--batch-timeout-ms 100]"
            + " [--policy \"AND('BorderMSP.peer','ChildProtectionMSP.peer','RegistryMSP.peer')\"]"
            + " [--listen 127.0.0.1] [--tls]";

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
        InetAddress listen = InetAddress.getLoopbackAddress();
        boolean tls = false;
        for (int i = 0; i < args.length; i++) {
            final String option = args[i];
            if (option.equals("--tls")) {
                tls = true;
                continue;
            }
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
                    case "--listen" -> listen = address(value);
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a number, got " + value);
            }
        }
        return new DevPeerConfig(port, data, crypto, channel, chaincode, blockSize, Duration.ofMillis(batchMillis),
                policy, listen, tls);
    }

    /** An IP literal only: a host name would be resolved here, and could resolve to something else tomorrow. */
    private static InetAddress address(final String value) {
        if (!value.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
            throw new IllegalArgumentException("--listen needs an IP address, got " + value);
        }
        try {
            return InetAddress.getByName(value);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--listen needs an IP address, got " + value);
        }
    }
}
