package org.safepassage.gateway.scan.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The guard's screen speaks four languages from one dictionary: no key may be missing from any of them. */
class GuardDictionaryTest {
    private static final List<String> LANGUAGES = List.of("en", "ro", "ru", "uk");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

    @Test
    void has_exactly_the_four_languages() throws IOException {
        final List<String> names = new ArrayList<>();
        dictionary().fieldNames().forEachRemaining(names::add);

        assertThat(names).containsExactlyElementsOf(LANGUAGES);
    }

    @Test
    void every_key_exists_in_every_language_with_a_text() throws IOException {
        final JsonNode dictionary = dictionary();
        final Set<String> english = keys(dictionary.get("en"));
        for (String language : LANGUAGES) {
            final JsonNode texts = dictionary.get(language);
            assertThat(keys(texts)).as(language).isEqualTo(english);
            texts.fields().forEachRemaining(entry -> assertThat(entry.getValue().asText()).as(language + " "
                    + entry.getKey()).isNotBlank());
        }
    }

    @Test
    void translations_keep_the_placeholders() throws IOException {
        final JsonNode dictionary = dictionary();
        dictionary.get("en").fields().forEachRemaining(entry -> {
            for (String language : LANGUAGES) {
                assertThat(placeholders(dictionary.get(language).get(entry.getKey()).asText()))
                        .as(language + " " + entry.getKey()).isEqualTo(placeholders(entry.getValue().asText()));
            }
        });
    }

    @Test
    void every_key_the_page_uses_is_in_the_dictionary() throws IOException {
        final Set<String> english = keys(dictionary().get("en"));
        final Matcher used = Pattern.compile("data-i18n=\"([^\"{]+)\"").matcher(resource("/templates/GuardScreen/guard.html"));
        final Set<String> keys = new TreeSet<>(Set.of("role.guard", "role.supervisor"));
        while (used.find()) {
            keys.add(used.group(1));
        }
        for (String decision : List.of("CLEAR", "WAITING", "REFUSED", "ALERT", "NOT_ENROLLED", "EXPIRED")) {
            keys.add("decision." + decision);
        }

        assertThat(english).containsAll(keys);
    }

    @Test
    void has_the_decision_words_in_english() throws IOException {
        final JsonNode english = dictionary().get("en");

        assertThat(english.get("decision.CLEAR").asText()).isEqualTo("CLEAR");
        assertThat(english.get("decision.WAITING").asText()).isEqualTo("WAITING FOR GUARDIANS");
        assertThat(english.get("decision.REFUSED").asText()).isEqualTo("REFUSED");
        assertThat(english.get("decision.ALERT").asText()).isEqualTo("ALERT");
        assertThat(english.get("decision.NOT_ENROLLED").asText()).isEqualTo("NOT ENROLLED");
    }

    /** The object literal after {@code GUARD_I18N =} in the screen's dictionary script, which is kept strict JSON. */
    static JsonNode dictionary() throws IOException {
        final String script = resource("/META-INF/resources/guard/i18n.js");
        final int start = script.indexOf('{', script.indexOf("GUARD_I18N ="));
        final int end = script.lastIndexOf('}');
        return new ObjectMapper().readTree(script.substring(start, end + 1));
    }

    private static Set<String> keys(final JsonNode texts) {
        final Set<String> keys = new TreeSet<>();
        texts.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Set<String> placeholders(final String text) {
        final Set<String> names = new TreeSet<>();
        final Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static String resource(final String path) throws IOException {
        try (InputStream in = GuardDictionaryTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
