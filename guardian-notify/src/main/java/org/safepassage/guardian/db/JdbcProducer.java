package org.safepassage.guardian.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.safepassage.service.db.Jdbc;

/** The one {@link Jdbc} of this service, over its data source, for every store. */
class JdbcProducer {
    @Produces
    @Singleton
    Jdbc jdbc(final AgroalDataSource dataSource) {
        return new Jdbc(dataSource);
    }
}
