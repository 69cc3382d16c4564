/** Plain JDBC for the services with a database. */
package org.safepassage.service.db;
