package org.safepassage.devpeer;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which organisations must endorse a transaction, per transaction family: the longest configured prefix of
 * {@code contract:Transaction} names the MSP ids that must all have endorsed; a function no prefix matches needs any
 * one endorsement from a channel organisation.
 *
 * @param requirements prefix of {@code contract:Transaction} to the MSP ids that must all endorse
 */
public record EndorsementPolicy(Map<String, Set<String>> requirements) {

    /** The design's default: a crossing record needs the border and the child-protection organisation. */
    public static final EndorsementPolicy DEFAULT =
            new EndorsementPolicy(Map.of("crossing:RecordCrossing", Set.of("BorderMSP", "ChildProtectionMSP")));

    /** Copies the map and sets. */
    public EndorsementPolicy {
        Objects.requireNonNull(requirements, "requirements");
        final Map<String, Set<String>> copy = new LinkedHashMap<>();
        requirements.forEach((prefix, msps) -> {
            if (prefix.isBlank() || msps.isEmpty()) {
                throw new IllegalArgumentException("a policy entry needs a prefix and at least one MSP id: " + prefix);
            }
            copy.put(prefix, Set.copyOf(msps));
        });
        requirements = Map.copyOf(copy);
    }

    /**
     * Parses {@code prefix=MSP1+MSP2,prefix2=MSP3}, as given on the command line.
     *
     * @param text the policy text
     * @return the policy
     */
    public static EndorsementPolicy parse(final String text) {
        final Map<String, Set<String>> requirements = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            final String[] parts = entry.split("=", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("policy entry must be prefix=MSP+MSP: " + entry);
            }
            requirements.put(parts[0].strip(), Set.of(parts[1].strip().split("\\+")));
        }
        return new EndorsementPolicy(requirements);
    }

    /**
     * @param function {@code contract:Transaction}
     * @return the MSP ids that must all endorse it; empty when any one endorsement will do
     */
    public Set<String> required(final String function) {
        return requirements.entrySet().stream()
                .filter(entry -> function.startsWith(entry.getKey()))
                .max(Comparator.comparingInt(entry -> entry.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse(Set.of());
    }

    /**
     * @param function {@code contract:Transaction}
     * @param endorsers MSP ids whose endorsement signatures verified
     * @return whether they satisfy the policy
     */
    public boolean isSatisfied(final String function, final Collection<String> endorsers) {
        final Set<String> required = required(function);
        return required.isEmpty() ? !endorsers.isEmpty() : endorsers.containsAll(required);
    }
}
