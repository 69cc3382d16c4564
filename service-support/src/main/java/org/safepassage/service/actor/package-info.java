/**
 * Who a service acts for: {@link org.safepassage.service.actor.ActingPerson} names the actor of each ledger write and
 * the person of each audited read, the same way in every service.
 */
package org.safepassage.service.actor;
