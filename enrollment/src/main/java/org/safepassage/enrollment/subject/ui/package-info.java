/**
 * The enrollment officers', supervisors' and data-protection officer's screens under {@code /ui/}: Qute pages
 * ({@code templates/ui}) styled by the shared UI kit, whose scripts ({@code META-INF/resources/ui/assets}) call the
 * service's own JSON API. Entry points: {@link org.safepassage.enrollment.subject.ui.SubjectPages} (the list and a
 * subject), {@link org.safepassage.enrollment.subject.ui.EnrollPage} (the step-by-step enrollment) and
 * {@link org.safepassage.enrollment.subject.ui.ReferralPages} (duplicate referrals). Every page checks the role
 * itself, as the API does; the header's links only mirror it.
 */
package org.safepassage.enrollment.subject.ui;
