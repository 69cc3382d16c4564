/** The service's PostgreSQL access: the shared plain JDBC helper over this service's data source. */
package org.safepassage.guardian.db;
