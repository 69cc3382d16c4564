package org.safepassage.enrollment.subject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import org.safepassage.service.api.ApiException;

/**
 * Who the subject is, as the enrollment officer recorded it. Lives only encrypted in the vault.
 *
 * @param languages languages the subject speaks (ISO 639), so the border can talk to them
 */
public record PersonalData(
        @Schema(required = true, minLength = 1, maxLength = Fields.NAME_MAX, examples = "Ana Maria") String givenNames,
        @Schema(required = true, minLength = 1, maxLength = Fields.NAME_MAX, examples = "Popescu") String familyName,
        @Schema(required = true, description = "a past date after 1900", examples = "2016-04-12") LocalDate birthDate,
        @Schema(required = true) Sex sex,
        @Schema(maxLength = Fields.NAME_MAX) String placeOfBirth,
        @Schema(maxItems = PersonalData.MAX_LANGUAGES, description = "ISO 639 codes, each ^[a-z]{2,3}$")
                List<String> languages) {
    /** The most languages a subject's record lists. */
    public static final int MAX_LANGUAGES = 10;

    public PersonalData {
        givenNames = Fields.text("person.givenNames", givenNames, Fields.NAME_MAX);
        familyName = Fields.text("person.familyName", familyName, Fields.NAME_MAX);
        Fields.present("person.birthDate", birthDate);
        if (birthDate.isAfter(LocalDate.now()) || birthDate.isBefore(LocalDate.of(1900, 1, 1))) {
            throw ApiException.invalid("person.birthDate", "must be a past date after 1900");
        }
        Fields.present("person.sex", sex);
        placeOfBirth = Fields.optionalText("person.placeOfBirth", placeOfBirth, Fields.NAME_MAX);
        languages = languages == null ? List.of() : List.copyOf(languages);
        if (languages.size() > MAX_LANGUAGES) {
            throw ApiException.invalid("person.languages", "at most " + MAX_LANGUAGES);
        }
        for (int i = 0; i < languages.size(); i++) {
            Fields.language("person.languages[" + i + "]", languages.get(i));
        }
    }
}
