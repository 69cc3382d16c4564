package org.safepassage.enrollment.subject.ui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;
import org.safepassage.enrollment.biometrics.iris.IrisQualityPolicy;
import org.safepassage.enrollment.ledger.LedgerOutbox;
import org.safepassage.enrollment.subject.SubjectListing;
import org.safepassage.enrollment.subject.SubjectProfile;

/** The screens' templates (src/main/resources/templates/ui), checked against these parameters at build time. */
@CheckedTemplate(basePath = "ui")
final class Pages {
    private Pages() {}

    static native TemplateInstance subjects(Screen screen, List<SubjectListing> subjects, String query, int window,
            int offset, int pageSize, boolean hasOlder);

    static native TemplateInstance subject(Screen screen, SubjectProfile profile, Actions actions);

    static native TemplateInstance missing(Screen screen, String subjectId, boolean dpo);

    static native TemplateInstance enroll(Screen screen, int maxGuardians, int maxFingerprints, int maxImageMb,
            int irisOnlyBelowAge, int maxIrisMb, IrisQualityPolicy iris);

    static native TemplateInstance referrals(Screen screen, List<ReferralView> referrals);

    static native TemplateInstance outbox(Screen screen, int pending, List<LedgerOutbox.Row> dead);
}
