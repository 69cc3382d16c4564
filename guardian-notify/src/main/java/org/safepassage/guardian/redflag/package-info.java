/**
 * Trafficking red-flag rules over the ledger's event stream, run by the child-protection agency. {@link
 * org.safepassage.guardian.redflag.RedFlagEngine} turns events into facts and applies the rules ({@code
 * CompanionRule}, {@code ExitRules}, {@code PostShoppingRule}, {@code PhoneRule}); {@link
 * org.safepassage.guardian.redflag.RedFlagConsumer} feeds it from the ledger and raises each hit as a RED_FLAG alert
 * as the {@code analytics} identity. Thresholds: {@link org.safepassage.guardian.redflag.RedFlagSettings}.
 */
package org.safepassage.guardian.redflag;
