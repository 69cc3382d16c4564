/**
 * Oversight for the child-protection analyst. {@link org.safepassage.guardian.oversight.ActivityProjection} turns every
 * chaincode event the crossing consumer reads into rows of {@code subject_activity}, in the consumer's transaction
 * (with its checkpoint), and deletes a subject's rows on erasure. {@link org.safepassage.guardian.oversight.Oversight}
 * answers the screens: open alerts and a subject's state from the ledger (as the notifier), a subject's timeline and
 * the statistics ({@link org.safepassage.guardian.oversight.OversightStatistics}, drawn by
 * {@link org.safepassage.guardian.oversight.SvgChart}) from the projection.
 */
package org.safepassage.guardian.oversight;
