/**
 * The analyst's screens under {@code /analyst/} (Qute templates in {@code templates/analyst/}, the shared UI kit):
 * {@link org.safepassage.guardian.oversight.ui.AnalystPages}. Role {@code analyst} only.
 */
package org.safepassage.guardian.oversight.ui;
