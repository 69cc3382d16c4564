/** Border checks: {@link org.safepassage.gateway.scan.ScanResource}, {@code POST /api/v1/scans}. */
package org.safepassage.gateway.scan;
