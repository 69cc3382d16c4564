/** What the services' error answers have alike. */
package org.safepassage.service.api;
