/** What every SafePassage service has alike. */
package org.safepassage.service;
