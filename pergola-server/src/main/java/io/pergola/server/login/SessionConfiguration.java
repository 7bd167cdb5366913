package io.pergola.server.login;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/** The sessions of logins, kept in the database by Spring Session so that any node serves any user (V3). */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

  /** How stale a session's recorded last access may grow before a request writes it again. */
  static final Duration LAST_ACCESS_GRANULARITY = Duration.ofMinutes(1);

  /** How often, at most, a session read is copied again to serve it through a database outage. */
  static final Duration OUTAGE_COPY_REFRESH = Duration.ofSeconds(30);

  /**
   * How many sessions a node keeps copies of for database outages, the most recently used: some
   * kilobytes each (the person's claims and tokens). Beyond them, a person gets the 503 then.
   */
  static final int OUTAGE_COPIES = 2_000;

  /** How many signed-in sessions' security contexts are kept deserialized. */
  static final int REMEMBERED_CONTEXTS = 1_000;

  /**
   * How Spring Session's JDBC store turns attributes into bytes and back: Java serialization, as
   * by default, with the security contexts it reads remembered by their bytes. Found by its
   * name only: not a candidate where a conversion service is injected by type.
   */
  @Bean(defaultCandidate = false)
  ConversionService springSessionConversionService() {
    GenericConversionService conversions = new GenericConversionService();
    conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
    conversions.addConverter(
        byte[].class, Object.class, new RememberingDeserializer(SessionConfiguration.class.getClassLoader(), REMEMBERED_CONTEXTS));
    return conversions;
  }

  /**
   * Writes a new session attribute as an upsert. Spring Session inserts an attribute a request
   * added, so two requests of one session adding the same one at once (the runtime asks for the
   * first view's tokens side by side, and the token endpoint keeps the ID token in the session)
   * made all but one fail on the duplicate key: a 500 for a token request, measured in LoginTest
   * as five of six requests made at once right after sign-in. In the dialect of the database at
   * hand; Pergola runs on these two.
   */
  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> concurrentAttributeWrites(DataSource dataSource)
      throws MetaDataAccessException {
    String database = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    return switch (database) {
      case "PostgreSQL" -> new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
      case "H2" -> repository -> repository.setCreateSessionAttributeQuery(H2_UPSERT_ATTRIBUTE);
      default -> throw new IllegalStateException("Sessions are kept in H2 or PostgreSQL, not in " + database);
    };
  }

  @Bean
  ExpiredSessionsSweep expiredSessionsSweep(JdbcIndexedSessionRepository store) {
    return new ExpiredSessionsSweep(store::cleanUpExpiredSessions);
  }

  private static final String H2_UPSERT_ATTRIBUTE =
      "MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)"
          + " KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME) VALUES (?, ?, ?)";

  /**
   * Spring Session's filter, reading and writing Boot's JDBC session store through {@link
   * CoarseLastAccessSessions} and {@link StaleIfUnreachableSessions}. Replacing the filter, not the
   * store: Boot sets up no JDBC store at all once the application declares a session repository
   * of its own.
   */
  @Bean
  static BeanPostProcessor coarseLastAccessSessionFilter(
      ObjectProvider<JdbcIndexedSessionRepository> store,
      ObjectProvider<HttpSessionIdResolver> idResolvers,
      ObjectProvider<CookieSerializer> cookies) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof SessionRepositoryFilter<?>)) {
          return bean;
        }
        SessionRepositoryFilter<Session> filter =
            new SessionRepositoryFilter<>(new StaleIfUnreachableSessions(
                new CoarseLastAccessSessions<>(store.getObject(), LAST_ACCESS_GRANULARITY),
                OUTAGE_COPY_REFRESH, OUTAGE_COPIES, Clock.systemUTC()));
        // The session id travels as Spring Session's own filter would have it: by the resolver
        // the application declares, else by the cookie Boot configures (PERGOLA_SESSION).
        filter.setHttpSessionIdResolver(
            idResolvers.getIfAvailable(
                () -> {
                  CookieHttpSessionIdResolver byCookie = new CookieHttpSessionIdResolver();
                  cookies.ifAvailable(byCookie::setCookieSerializer);
                  return byCookie;
                }));
        return filter;
      }
    };
  }
}
