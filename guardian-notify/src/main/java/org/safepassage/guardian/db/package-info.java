/** The service's PostgreSQL access: plain JDBC that joins the caller's transaction. */
package org.safepassage.guardian.db;
