package org.safepassage.guardian.crossing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.safepassage.chaincode.model.Decision;
import org.safepassage.chaincode.model.Direction;
import org.safepassage.service.sms.SmsLanguage;

/**
 * The texts a guardian receives about a crossing, in their language. They name the post, the direction, the time and
 * whether an adult accompanies the child (by the opaque reference of the adult's checked document), never the child:
 * the guardian knows which child they are guardian for, and a text may be read by others. Replies are two words, a
 * keyword and the code, because carriers answer single words like YES or STOP themselves.
 */
enum GuardianLanguage {
    EN("APPROVE", "REFUSE", "leaving the country", "entering the country",
            "SafePassage: a child you are guardian for is at border post %1$s, %2$s, at %3$s.%4$s "
                    + "To approve reply APPROVE %5$s, to refuse reply REFUSE %5$s. Code valid %6$d min.",
            " Accompanied by the adult with document ref %s.",
            "SafePassage: your decision (%s) was recorded. Thank you.", "APPROVE", "REFUSE",
            "SafePassage: border crossing approvals for children you are guardian for. Reply APPROVE or REFUSE "
                    + "followed by the code from our text. Text STOP to opt out. Help: your child-protection office."),
    RO("APROB", "REFUZ", "ieșire din țară", "intrare în țară",
            "SafePassage: un copil al cărui tutore sunteți este la punctul de frontieră %1$s, %2$s, la %3$s.%4$s "
                    + "Pentru aprobare răspundeți APPROVE %5$s (sau APROB %5$s), pentru refuz REFUSE %5$s "
                    + "(sau REFUZ %5$s). Cod valabil %6$d min.",
            " Însoțit de adultul cu documentul ref %s.",
            "SafePassage: decizia dvs. (%s) a fost înregistrată. Mulțumim.", "APROBARE", "REFUZ",
            "SafePassage: aprobări de trecere a frontierei pentru copiii al căror tutore sunteți. Răspundeți APPROVE "
                    + "sau REFUSE urmat de cod. STOP pentru dezabonare. Ajutor: biroul de protecție a copilului."),
    RU("ОДОБРИТЬ", "ОТКЛОНИТЬ", "выезд из страны", "въезд в страну",
            "SafePassage: ребёнок, опекуном которого вы являетесь, находится на пограничном пункте %1$s, %2$s, "
                    + "в %3$s.%4$s Чтобы одобрить, ответьте APPROVE %5$s (или ОДОБРИТЬ %5$s), чтобы отказать — "
                    + "REFUSE %5$s (или ОТКЛОНИТЬ %5$s). Код действует %6$d мин.",
            " С сопровождающим взрослым, документ ref %s.",
            "SafePassage: ваше решение (%s) записано. Спасибо.", "ОДОБРЕНО", "ОТКЛОНЕНО",
            "SafePassage: разрешения на пересечение границы детьми, опекуном которых вы являетесь. Ответьте APPROVE "
                    + "или REFUSE и код. STOP — отписаться. Помощь: служба защиты детей."),
    UK("СХВАЛИТИ", "ВІДХИЛИТИ", "виїзд з країни", "в'їзд у країну",
            "SafePassage: дитина, опікуном якої ви є, перебуває на прикордонному пункті %1$s, %2$s, о %3$s.%4$s "
                    + "Щоб схвалити, відповідайте APPROVE %5$s (або СХВАЛИТИ %5$s), щоб відмовити — REFUSE %5$s "
                    + "(або ВІДХИЛИТИ %5$s). Код дійсний %6$d хв.",
            " Із супровідним дорослим, документ ref %s.",
            "SafePassage: ваше рішення (%s) записано. Дякуємо.", "СХВАЛЕНО", "ВІДХИЛЕНО",
            "SafePassage: дозволи на перетин кордону дітьми, опікуном яких ви є. Відповідайте APPROVE або REFUSE "
                    + "і код. STOP — відписатися. Допомога: служба захисту дітей.");

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final String approveKeyword;
    private final String refuseKeyword;
    private final String exit;
    private final String entry;
    private final String request;
    private final String companion;
    private final String confirmation;
    private final String approved;
    private final String refused;
    private final String help;

    GuardianLanguage(final String approveKeyword, final String refuseKeyword, final String exit, final String entry,
            final String request, final String companion, final String confirmation, final String approved,
            final String refused, final String help) {
        this.approveKeyword = approveKeyword;
        this.refuseKeyword = refuseKeyword;
        this.exit = exit;
        this.entry = entry;
        this.request = request;
        this.companion = companion;
        this.confirmation = confirmation;
        this.approved = approved;
        this.refused = refused;
        this.help = help;
    }

    /** The language with this tag (en, ro, ru, uk, any case); English for an unknown or missing tag. */
    static GuardianLanguage of(final String tag) {
        return SmsLanguage.parse(tag).map(language -> valueOf(language.name())).orElse(EN);
    }

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    String approveKeyword() {
        return approveKeyword;
    }

    String refuseKeyword() {
        return refuseKeyword;
    }

    String requestText(final String post, final Direction direction, final Instant at, final String companionRef,
            final String code, final long validMinutes) {
        final String way = direction == Direction.EXIT ? exit : entry;
        final String with = companionRef == null ? "" : String.format(Locale.ROOT, companion, shortRef(companionRef));
        return String.format(Locale.ROOT, request, post, way, TIME.format(at), with, code, validMinutes);
    }

    /**
     * The alert to the child-protection duty officer about a request no guardian could be reached for or none
     * answered: post, direction, time, the request's id and why. Never the child's name or id.
     */
    String dutyOfficerText(final String requestId, final String post, final Direction direction, final Instant at,
            final boolean noGuardianReachable) {
        final String way = direction == Direction.EXIT ? exit : entry;
        final String template;
        final String reachable;
        final String answer;
        switch (this) {
            case RO -> {
                template = "SafePassage, ofițer de serviciu: cererea de trecere %4$s la punctul de frontieră %1$s, "
                        + "%2$s, la %3$s, este în așteptare: %5$s. Verificați cererea.";
                reachable = "niciun tutore nu poate fi contactat";
                answer = "niciun tutore nu a răspuns";
            }
            case RU -> {
                template = "SafePassage, дежурному: запрос на пересечение %4$s на пограничном пункте %1$s, %2$s, "
                        + "в %3$s, ожидает решения: %5$s. Проверьте запрос.";
                reachable = "ни с одним опекуном нет связи";
                answer = "ни один опекун не ответил";
            }
            case UK -> {
                template = "SafePassage, черговому: запит на перетин %4$s на прикордонному пункті %1$s, %2$s, "
                        + "о %3$s, очікує рішення: %5$s. Перевірте запит.";
                reachable = "жоден опікун недосяжний";
                answer = "жоден опікун не відповів";
            }
            default -> {
                template = "SafePassage duty officer: crossing request %4$s at border post %1$s, %2$s, at %3$s is "
                        + "pending: %5$s. Please follow up.";
                reachable = "no guardian reachable";
                answer = "no guardian answered";
            }
        }
        return String.format(Locale.ROOT, template, post, way, TIME.format(at), requestId,
                noGuardianReachable ? reachable : answer);
    }

    String confirmationText(final Decision decision) {
        return String.format(Locale.ROOT, confirmation, decision == Decision.APPROVE ? approved : refused);
    }

    String helpText() {
        return help;
    }

    private static String shortRef(final String ref) {
        return ref.length() <= 8 ? ref : ref.substring(0, 8);
    }
}
