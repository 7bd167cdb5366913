package io.pergola.server.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Sessions served through a database outage from the copies a node took while it could read
 * them; the outage itself is DatabaseOutageTest's, with a real PostgreSQL stopped.
 */
class StaleIfUnreachableSessionsTest {

  /** A store in memory that can be made to fail as a database out of reach does. */
  private static final class Store implements SessionRepository<Session> {
    final MapSessionRepository sessions = new MapSessionRepository(new ConcurrentHashMap<>());
    RuntimeException failing; // what every call throws, if anything

    private void reach() {
      if (failing != null) {
        throw failing;
      }
    }

    @Override
    public Session createSession() {
      return sessions.createSession();
    }

    @Override
    public void save(Session session) {
      reach();
      // Stored as a copy, as a database would: what a caller changes later is not stored.
      sessions.save(new MapSession(session));
    }

    @Override
    public Session findById(String id) {
      reach();
      return sessions.findById(id);
    }

    @Override
    public void deleteById(String id) {
      reach();
      sessions.deleteById(id);
    }
  }

  private static final RuntimeException OUTAGE =
      new DataAccessResourceFailureException("Failed to obtain JDBC Connection");

  private final Store store = new Store();
  private final MutableClock clock = new MutableClock();
  private final StaleIfUnreachableSessions sessions =
      new StaleIfUnreachableSessions(store, Duration.ofSeconds(30), 2, clock);

  private String signedIn(String who) {
    Session session = store.createSession();
    session.setAttribute("who", who);
    session.setAttribute("tokens", new ArrayList<>(List.of("token-of-" + who)));
    store.save(session);
    return session.getId();
  }

  /** Signs {@code who} in, has the node read the session, then loses the database. */
  private String readBeforeTheOutage(String who) {
    String id = signedIn(who);
    sessions.findById(id);
    store.failing = OUTAGE;
    return id;
  }

  @Test
  void aSessionReadBeforeTheOutageIsServedThroughIt() {
    String id = readBeforeTheOutage("alice");

    Session kept = sessions.findById(id);

    assertThat(kept.getId()).isEqualTo(id);
    assertThat((String) kept.getAttribute("who")).isEqualTo("alice");
    assertThat((List<String>) kept.getAttribute("tokens")).containsExactly("token-of-alice");
  }

  @Test
  void aSessionThisNodeNeverReadStillFails() {
    String id = signedIn("bob");

    store.failing = OUTAGE;

    assertThatThrownBy(() -> sessions.findById(id)).isInstanceOf(DataAccessResourceFailureException.class);
  }

  @Test
  void whatARequestChangesDuringTheOutageIsNeitherWrittenNorSeenByTheNext() {
    String id = readBeforeTheOutage("alice");

    Session first = sessions.findById(id);
    first.<List<String>>getAttribute("tokens").add("renewed");
    first.setAttribute("who", "mallory");
    sessions.save(first); // nothing to write to, and no failure for it

    Session second = sessions.findById(id);
    assertThat((String) second.getAttribute("who")).isEqualTo("alice");
    assertThat((List<String>) second.getAttribute("tokens")).containsExactly("token-of-alice");
  }

  @Test
  void theCopyIsTakenAgainOnlyAfterTheRefreshAndAfterAWrite() {
    String id = signedIn("alice");
    Session read = sessions.findById(id);
    read.setAttribute("who", "alice, renamed");
    store.save(read); // written behind this node's back: its copy stays as it was, for 30 s

    store.failing = OUTAGE;
    assertThat((String) sessions.findById(id).getAttribute("who")).isEqualTo("alice");

    store.failing = null;
    clock.advance(Duration.ofSeconds(30));
    sessions.findById(id);
    store.failing = OUTAGE;
    assertThat((String) sessions.findById(id).getAttribute("who")).isEqualTo("alice, renamed");

    store.failing = null;
    Session written = sessions.findById(id);
    written.setAttribute("who", "alice, once more");
    sessions.save(written);
    sessions.findById(id); // a write through this node: copied again at the next read
    store.failing = OUTAGE;
    assertThat((String) sessions.findById(id).getAttribute("who")).isEqualTo("alice, once more");
  }

  @Test
  void aSignInIsCopiedAtOnceUnderTheNewIdAndNothingStaysUnderTheOldOne() {
    String before = signedIn("nobody yet");
    Session read = sessions.findById(before);
    String after = read.changeSessionId();
    read.setAttribute("who", "alice");
    sessions.save(read);

    store.failing = OUTAGE;

    assertThat((String) sessions.findById(after).getAttribute("who")).isEqualTo("alice");
    assertThatThrownBy(() -> sessions.findById(before)).isInstanceOf(DataAccessResourceFailureException.class);
  }

  @Test
  void anExpiredCopyIsNotServed() {
    Session session = store.createSession();
    session.setMaxInactiveInterval(Duration.ofSeconds(1));
    session.setLastAccessedTime(Instant.now().minusSeconds(5));
    store.sessions.save((MapSession) session);
    sessions.findById(session.getId());

    store.failing = OUTAGE;

    assertThatThrownBy(() -> sessions.findById(session.getId()))
        .isInstanceOf(DataAccessResourceFailureException.class);
  }

  @Test
  void signingOutDuringTheOutageDropsTheCopy() {
    String id = readBeforeTheOutage("alice");

    assertThatThrownBy(() -> sessions.deleteById(id)).isInstanceOf(DataAccessResourceFailureException.class);

    assertThatThrownBy(() -> sessions.findById(id)).isInstanceOf(DataAccessResourceFailureException.class);
  }

  @Test
  void aSessionGoneFromTheStoreLosesItsCopy() {
    String id = signedIn("alice");
    sessions.findById(id);
    store.sessions.deleteById(id); // signed out through another node

    assertThat(sessions.findById(id)).isNull();
    store.failing = OUTAGE;
    assertThatThrownBy(() -> sessions.findById(id)).isInstanceOf(DataAccessResourceFailureException.class);
  }

  @Test
  void onlyTheMostRecentlyUsedSessionsAreKept() {
    String alice = signedIn("alice");
    String bob = signedIn("bob");
    String carol = signedIn("carol");
    sessions.findById(alice);
    sessions.findById(bob);
    clock.advance(Duration.ofSeconds(1));
    sessions.findById(alice); // used again: bob's is now the oldest
    sessions.findById(carol); // two kept at most: bob's goes

    store.failing = OUTAGE;

    assertThat(sessions.findById(alice)).isNotNull();
    assertThat(sessions.findById(carol)).isNotNull();
    assertThatThrownBy(() -> sessions.findById(bob)).isInstanceOf(DataAccessResourceFailureException.class);
  }

  @Test
  void otherFailuresAreNotOutages() {
    String id = signedIn("alice");
    sessions.findById(id);

    store.failing = new IllegalStateException("a bug, not an outage");

    assertThatThrownBy(() -> sessions.findById(id)).isInstanceOf(IllegalStateException.class);
  }

  /** A clock the test moves. */
  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-12-02T12:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
