package org.safepassage.ledger.sim;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.hyperledger.fabric.protos.common.MSPPrincipal;
import org.hyperledger.fabric.protos.common.MSPRole;
import org.hyperledger.fabric.protos.common.SignaturePolicyEnvelope;

/**
 * A Fabric signature policy ({@code common.SignaturePolicyEnvelope}): what a chaincode-level endorsement policy
 * compiles to, and what a key-level validation parameter holds. Evaluated as Fabric's {@code cauthdsl} does: the
 * signers are deduplicated by identity, each one can satisfy one principal only, and an n-out-of rule tries its
 * sub-rules in order, keeping the identities a satisfied sub-rule used.
 */
public final class SignaturePolicy {
    private final SignaturePolicyEnvelope envelope;

    private SignaturePolicy(final SignaturePolicyEnvelope envelope) {
        this.envelope = Objects.requireNonNull(envelope, "envelope");
    }

    /**
     * @param serialized a serialized {@code SignaturePolicyEnvelope}, as a key's validation parameter holds it
     * @return the policy
     * @throws IllegalArgumentException if the bytes are not one
     */
    public static SignaturePolicy parse(final byte[] serialized) {
        try {
            return new SignaturePolicy(SignaturePolicyEnvelope.parseFrom(serialized));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a signature policy envelope: " + e.getMessage(), e);
        }
    }

    /**
     * Compiles Fabric's policy language, as {@code peer lifecycle chaincode approveformyorg --signature-policy}
     * takes it: {@code AND(...)}, {@code OR(...)}, {@code OutOf(n, ...)} over principals {@code 'MSP.role'} (role
     * {@code member}, {@code peer}, {@code client}, {@code admin} or {@code orderer}).
     *
     * @param expression the policy text
     * @return the policy
     * @throws IllegalArgumentException if it does not parse
     */
    public static SignaturePolicy compile(final String expression) {
        return new SignaturePolicy(new Compiler(expression).compile());
    }

    /** @return the serialized envelope */
    public byte[] toByteArray() {
        return envelope.toByteArray();
    }

    /** @return the MSP ids the policy's principals name, sorted */
    public Set<String> mspIds() {
        final Set<String> msps = new TreeSet<>();
        for (MSPPrincipal principal : envelope.getIdentitiesList()) {
            msps.add(role(principal).getMspIdentifier());
        }
        return msps;
    }

    /**
     * @param signers the identities whose endorsement signatures verified
     * @return whether they satisfy the policy
     */
    public boolean isSatisfiedBy(final Collection<Signer> signers) {
        final List<Signer> distinct = signers.stream().distinct().toList();
        return evaluate(envelope.getRule(), distinct, new boolean[distinct.size()]);
    }

    private boolean evaluate(final org.hyperledger.fabric.protos.common.SignaturePolicy rule,
            final List<Signer> signers, final boolean[] used) {
        if (rule.hasSignedBy()) {
            final int index = rule.getSignedBy();
            if (index < 0 || index >= envelope.getIdentitiesCount()) {
                return false;
            }
            final MSPRole principal = role(envelope.getIdentities(index));
            for (int i = 0; i < signers.size(); i++) {
                if (!used[i] && satisfies(signers.get(i), principal)) {
                    used[i] = true;
                    return true;
                }
            }
            return false;
        }
        int verified = 0;
        final boolean[] trial = new boolean[used.length];
        for (org.hyperledger.fabric.protos.common.SignaturePolicy sub : rule.getNOutOf().getRulesList()) {
            System.arraycopy(used, 0, trial, 0, used.length);
            if (evaluate(sub, signers, trial)) {
                verified++;
                System.arraycopy(trial, 0, used, 0, used.length);
            }
        }
        return verified >= rule.getNOutOf().getN();
    }

    private static boolean satisfies(final Signer signer, final MSPRole principal) {
        if (!signer.mspId().equals(principal.getMspIdentifier())) {
            return false;
        }
        return switch (principal.getRole()) {
            case MEMBER -> true;
            case PEER -> signer.role().equals("peer");
            case CLIENT -> signer.role().equals("client");
            case ADMIN -> signer.role().equals("admin");
            case ORDERER -> signer.role().equals("orderer");
            default -> false;
        };
    }

    private static MSPRole role(final MSPPrincipal principal) {
        if (principal.getPrincipalClassification() != MSPPrincipal.Classification.ROLE) {
            throw new IllegalArgumentException("only MSP role principals are supported: "
                    + principal.getPrincipalClassification());
        }
        try {
            return MSPRole.parseFrom(principal.getPrincipal());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("malformed MSP role principal", e);
        }
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof SignaturePolicy other && envelope.equals(other.envelope);
    }

    @Override
    public int hashCode() {
        return envelope.hashCode();
    }

    @Override
    public String toString() {
        return "SignaturePolicy" + mspIds();
    }

    /** A recursive-descent compiler of Fabric's policy language. */
    private static final class Compiler {
        private final String text;
        private final SignaturePolicyEnvelope.Builder envelope = SignaturePolicyEnvelope.newBuilder().setVersion(0);
        private int position;

        Compiler(final String text) {
            this.text = Objects.requireNonNull(text, "expression");
        }

        SignaturePolicyEnvelope compile() {
            final org.hyperledger.fabric.protos.common.SignaturePolicy rule = expression();
            skipSpaces();
            if (position != text.length()) {
                throw error("unexpected text");
            }
            return envelope.setRule(rule).build();
        }

        private org.hyperledger.fabric.protos.common.SignaturePolicy expression() {
            skipSpaces();
            if (position < text.length() && (text.charAt(position) == '\'' || text.charAt(position) == '"')) {
                return principal();
            }
            final int start = position;
            while (position < text.length() && Character.isLetter(text.charAt(position))) {
                position++;
            }
            final String operator = text.substring(start, position);
            expect('(');
            int n = -1;
            if (operator.equalsIgnoreCase("OutOf")) {
                skipSpaces();
                final int digits = position;
                while (position < text.length() && Character.isDigit(text.charAt(position))) {
                    position++;
                }
                if (digits == position) {
                    throw error("OutOf needs a number first");
                }
                n = Integer.parseInt(text.substring(digits, position));
                expect(',');
            } else if (!operator.equals("AND") && !operator.equals("OR")) {
                throw error("unknown operator '" + operator + "'");
            }
            final List<org.hyperledger.fabric.protos.common.SignaturePolicy> rules = new ArrayList<>();
            rules.add(expression());
            skipSpaces();
            while (position < text.length() && text.charAt(position) == ',') {
                position++;
                rules.add(expression());
                skipSpaces();
            }
            expect(')');
            if (operator.equals("AND")) {
                n = rules.size();
            } else if (operator.equals("OR")) {
                n = 1;
            }
            return org.hyperledger.fabric.protos.common.SignaturePolicy.newBuilder()
                    .setNOutOf(org.hyperledger.fabric.protos.common.SignaturePolicy.NOutOf.newBuilder()
                            .setN(n).addAllRules(rules))
                    .build();
        }

        private org.hyperledger.fabric.protos.common.SignaturePolicy principal() {
            final char quote = text.charAt(position++);
            final int end = text.indexOf(quote, position);
            if (end < 0) {
                throw error("unterminated principal");
            }
            final String principal = text.substring(position, end);
            position = end + 1;
            final int dot = principal.lastIndexOf('.');
            if (dot <= 0) {
                throw error("a principal is 'MSP.role': " + principal);
            }
            final MSPRole.MSPRoleType role;
            try {
                role = MSPRole.MSPRoleType.valueOf(principal.substring(dot + 1).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error("unknown role in " + principal);
            }
            envelope.addIdentities(MSPPrincipal.newBuilder()
                    .setPrincipalClassification(MSPPrincipal.Classification.ROLE)
                    .setPrincipal(MSPRole.newBuilder().setMspIdentifier(principal.substring(0, dot)).setRole(role)
                            .build().toByteString()));
            return org.hyperledger.fabric.protos.common.SignaturePolicy.newBuilder()
                    .setSignedBy(envelope.getIdentitiesCount() - 1).build();
        }

        private void expect(final char c) {
            skipSpaces();
            if (position >= text.length() || text.charAt(position) != c) {
                throw error("expected '" + c + "'");
            }
            position++;
        }

        private void skipSpaces() {
            while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        private IllegalArgumentException error(final String message) {
            return new IllegalArgumentException("policy " + text + ": " + message + " at " + position);
        }
    }
}
