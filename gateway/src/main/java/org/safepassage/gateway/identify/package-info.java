/** Identification through enrollment's internal API: entry point {@link org.safepassage.gateway.identify.Identifier}. */
package org.safepassage.gateway.identify;
