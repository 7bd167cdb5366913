package io.pergola.server.login;

import io.pergola.server.web.DatabaseOutages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * A session store that keeps serving the sessions it has read when the database is out of reach,
 * as an HTTP cache serves stale-if-error. Sessions live in the database so that any node serves
 * any person; without this, a database outage of a second turned every signed-in page into a
 * 503, although the shell has all it needs for a page in memory (the revision, the person's
 * claims and tokens). Each session this node reads is copied into a bounded per-node store of
 * serialized copies, at once when a request changed it (a sign-in, a renewed token), else at
 * most once per {@code refresh} (its last access moves); while the database cannot be reached, a
 * request gets a fresh copy of the session as it was then (expired ones excepted), and what the
 * request changes in it is not written anywhere: a token renewed meanwhile is renewed again
 * after. A session this node never read, or one it forgot, still gets the 503. Signing out drops
 * the copy first, so a person who signs out during an outage is signed out on this node even if
 * the database cannot be told.
 */
final class StaleIfUnreachableSessions implements SessionRepository<Session> {

  private static final Logger log = LoggerFactory.getLogger(StaleIfUnreachableSessions.class);

  private final SessionRepository<Session> sessions;
  private final Duration refresh;
  private final Clock clock;
  private final Map<String, Copy> copies;
  private final SerializingConverter serializer = new SerializingConverter();
  private final DeserializingConverter deserializer;

  StaleIfUnreachableSessions(SessionRepository<Session> sessions, Duration refresh, int kept, Clock clock) {
    this.sessions = sessions;
    this.refresh = refresh;
    this.clock = clock;
    this.deserializer = new DeserializingConverter(StaleIfUnreachableSessions.class.getClassLoader());
    this.copies = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Copy> eldest) {
        return size() > kept;
      }
    };
  }

  @Override
  public Session createSession() {
    return sessions.createSession();
  }

  @Override
  public void save(Session session) {
    switch (session) {
      case Kept kept -> {
        // Served because the database is out of reach: what this request changed is not kept.
      }
      case Read read -> {
        sessions.save(read.session());
        if (!read.getId().equals(read.readAs)) {
          forget(read.readAs); // a new id at sign-in: the old one must not serve what it had
        }
        // A change (a sign-in, a renewed token) is copied at once; the read refreshes the copy
        // otherwise.
        if (read.changed) {
          remember(read);
        }
      }
      default -> {
        // New: copied once it is read back, so visitors who never return (or a client that drops
        // its cookies) take no place among the copies.
        sessions.save(session);
      }
    }
  }

  @Override
  public Session findById(String id) {
    Session session;
    try {
      session = sessions.findById(id);
    } catch (RuntimeException failure) {
      Session kept = DatabaseOutages.unreachable(failure) ? kept(id) : null;
      if (kept == null) {
        throw failure;
      }
      return kept;
    }
    if (session == null) {
      forget(id);
      return null;
    }
    if (due(id)) {
      remember(session);
    }
    return new Read(session, id);
  }

  @Override
  public void deleteById(String id) {
    forget(id);
    sessions.deleteById(id);
  }

  private synchronized boolean due(String id) {
    Copy copy = copies.get(id);
    return copy == null || !clock.instant().isBefore(copy.taken().plus(refresh));
  }

  private synchronized void forget(String id) {
    copies.remove(id);
  }

  private void remember(Session session) {
    Map<String, byte[]> attributes = new LinkedHashMap<>();
    try {
      for (String name : session.getAttributeNames()) {
        Object value = session.getAttribute(name);
        if (value != null) {
          attributes.put(name, serializer.convert(value));
        }
      }
    } catch (RuntimeException notSerializable) {
      // The database store serializes every attribute the same way, so this is not expected;
      // if it happens, the session simply has no copy to fall back on.
      log.warn("Session {} not kept for database outages: {}", session.getId(), notSerializable.toString());
      return;
    }
    Copy copy = new Copy(session.getCreationTime(), session.getLastAccessedTime(),
        session.getMaxInactiveInterval(), Map.copyOf(attributes), clock.instant());
    synchronized (this) {
      copies.put(session.getId(), copy);
    }
  }

  private Session kept(String id) {
    Copy copy;
    synchronized (this) {
      copy = copies.get(id);
    }
    if (copy == null) {
      return null;
    }
    MapSession session = new MapSession(id);
    session.setCreationTime(copy.created());
    session.setLastAccessedTime(copy.lastAccessed());
    session.setMaxInactiveInterval(copy.maxInactive());
    if (session.isExpired()) {
      forget(id);
      return null;
    }
    copy.attributes().forEach((name, bytes) -> session.setAttribute(name, deserializer.convert(bytes)));
    return new Kept(session);
  }

  /** A session as it was when read, its attributes serialized: each use gets objects of its own. */
  private record Copy(
      Instant created, Instant lastAccessed, Duration maxInactive, Map<String, byte[]> attributes, Instant taken) {}

  /** A session read from the store, which tells whether the request changed it. */
  private static final class Read extends ForwardingSession {

    private final String readAs;
    private boolean changed;

    Read(Session session, String readAs) {
      super(session);
      this.readAs = readAs;
    }

    @Override
    public String changeSessionId() {
      changed = true;
      return super.changeSessionId();
    }

    @Override
    public void setAttribute(String name, Object value) {
      changed = true;
      super.setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      changed = true;
      super.removeAttribute(name);
    }
  }

  /** A session served from its copy, in memory only. */
  private static final class Kept extends ForwardingSession {
    Kept(MapSession session) {
      super(session);
    }
  }
}
