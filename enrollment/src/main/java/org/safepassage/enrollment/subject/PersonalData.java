package org.safepassage.enrollment.subject;

import java.time.LocalDate;
import java.util.List;
import org.safepassage.service.api.ApiException;

/**
 * Who the subject is, as the enrollment officer recorded it. Lives only encrypted in the vault.
 *
 * @param languages languages the subject speaks (ISO 639), so the border can talk to them
 */
public record PersonalData(String givenNames, String familyName, LocalDate birthDate, Sex sex, String placeOfBirth,
        List<String> languages) {
    public PersonalData {
        givenNames = Fields.text("person.givenNames", givenNames, 200);
        familyName = Fields.text("person.familyName", familyName, 200);
        Fields.present("person.birthDate", birthDate);
        if (birthDate.isAfter(LocalDate.now()) || birthDate.isBefore(LocalDate.of(1900, 1, 1))) {
            throw ApiException.invalid("person.birthDate", "must be a past date after 1900");
        }
        Fields.present("person.sex", sex);
        placeOfBirth = Fields.optionalText("person.placeOfBirth", placeOfBirth, 200);
        languages = languages == null ? List.of() : List.copyOf(languages);
        if (languages.size() > 10) {
            throw ApiException.invalid("person.languages", "at most 10");
        }
        for (int i = 0; i < languages.size(); i++) {
            Fields.language("person.languages[" + i + "]", languages.get(i));
        }
    }
}
