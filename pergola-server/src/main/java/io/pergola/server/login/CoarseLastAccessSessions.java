package io.pergola.server.login;

import java.time.Duration;
import java.time.Instant;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A session store that records a session's last access at most once per {@code granularity}.
 * Spring Session marks a session changed on every request to move its last access, so every
 * signed-in request (each shell page, each token) rewrote the session's row in a transaction of
 * its own; bench/assets measured it as a large share of a signed-in page's cost. Writing it only
 * when it is {@code granularity} old changes nothing but this: a session left alone expires up to
 * {@code granularity} before its timeout would have ended it (one minute of an 8 h login).
 * Everything else, attributes and ids, is read and written as before.
 */
final class CoarseLastAccessSessions<S extends Session> implements SessionRepository<Session> {

  private final SessionRepository<S> sessions;
  private final Duration granularity;

  CoarseLastAccessSessions(SessionRepository<S> sessions, Duration granularity) {
    this.sessions = sessions;
    this.granularity = granularity;
  }

  @Override
  public Session createSession() {
    return sessions.createSession();
  }

  @Override
  @SuppressWarnings("unchecked")
  public void save(Session session) {
    sessions.save(session instanceof CoarseSession coarse ? (S) coarse.session() : (S) session);
  }

  @Override
  public Session findById(String id) {
    S session = sessions.findById(id);
    return session == null ? null : new CoarseSession(session, granularity);
  }

  @Override
  public void deleteById(String id) {
    sessions.deleteById(id);
  }

  /** A stored session whose last access moves only in steps of {@code granularity}. */
  private static final class CoarseSession extends ForwardingSession {

    private final Duration granularity;

    CoarseSession(Session session, Duration granularity) {
      super(session);
      this.granularity = granularity;
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
      if (!lastAccessedTime.isBefore(getLastAccessedTime().plus(granularity))) {
        super.setLastAccessedTime(lastAccessedTime);
      }
    }
  }
}
