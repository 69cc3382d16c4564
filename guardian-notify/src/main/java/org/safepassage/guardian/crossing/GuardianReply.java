package org.safepassage.guardian.crossing;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.safepassage.chaincode.model.Decision;

/**
 * What a guardian's text says: a decision with a code ({@code APPROVE 483921}, {@code REFUSE 483921} or a localized
 * keyword), a carrier keyword (STOP, START, HELP and their synonyms), or nothing this service understands.
 *
 * @param kind what the text is
 * @param code the digits after a decision keyword, else {@code null}
 */
record GuardianReply(Kind kind, String code) {
    enum Kind {
        APPROVE,
        REFUSE,
        STOP,
        START,
        HELP,
        UNKNOWN
    }

    // Twilio's default opt-out, opt-in and help keywords, which carriers require to work.
    private static final Set<String> STOP = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "REVOKE", "OPTOUT");
    private static final Set<String> START = Set.of("START", "UNSTOP", "OPTIN");
    private static final Set<String> HELP = Set.of("HELP", "INFO");
    private static final Pattern CODE = Pattern.compile("[0-9]{6,8}");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    /** Parses a text; never fails. */
    static GuardianReply parse(final String body) {
        if (body == null) {
            return new GuardianReply(Kind.UNKNOWN, null);
        }
        final String normalized = body.strip().toUpperCase(Locale.ROOT).replaceAll("[.!]+$", "");
        if (normalized.isEmpty()) {
            return new GuardianReply(Kind.UNKNOWN, null);
        }
        final String[] words = SPACE.split(normalized);
        if (words.length == 1) {
            if (STOP.contains(words[0])) {
                return new GuardianReply(Kind.STOP, null);
            }
            if (START.contains(words[0])) {
                return new GuardianReply(Kind.START, null);
            }
            if (HELP.contains(words[0])) {
                return new GuardianReply(Kind.HELP, null);
            }
            return new GuardianReply(Kind.UNKNOWN, null);
        }
        if (words.length == 2 && CODE.matcher(words[1]).matches()) {
            for (final GuardianLanguage language : GuardianLanguage.values()) {
                if (words[0].equals("APPROVE") || words[0].equals(language.approveKeyword())) {
                    return new GuardianReply(Kind.APPROVE, words[1]);
                }
                if (words[0].equals("REFUSE") || words[0].equals(language.refuseKeyword())) {
                    return new GuardianReply(Kind.REFUSE, words[1]);
                }
            }
        }
        return new GuardianReply(Kind.UNKNOWN, null);
    }

    boolean isDecision() {
        return kind == Kind.APPROVE || kind == Kind.REFUSE;
    }

    Decision decision() {
        return kind == Kind.APPROVE ? Decision.APPROVE : Decision.REFUSE;
    }
}
