package io.pergola.server.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

/** The session store behind the shell's login, as the filter sees it: last access recorded coarsely, the rest as is. */
class CoarseLastAccessSessionsTest {

  private final MapSessionRepository stored = new MapSessionRepository(new ConcurrentHashMap<>());
  private final CoarseLastAccessSessions<?> sessions = new CoarseLastAccessSessions<>(stored, Duration.ofMinutes(1));
  private final Instant start = Instant.now();

  private String savedAt(Instant lastAccess) {
    Session session = sessions.createSession();
    session.setLastAccessedTime(lastAccess);
    sessions.save(session);
    return session.getId();
  }

  private void accessAt(String id, Instant when) {
    Session session = sessions.findById(id);
    session.setLastAccessedTime(when);
    sessions.save(session);
  }

  @Test
  void aRequestWithinTheGranularityLeavesTheRecordedLastAccessAlone() {
    String id = savedAt(start);

    accessAt(id, start.plusSeconds(59));

    assertThat(stored.findById(id).getLastAccessedTime()).isEqualTo(start);
  }

  @Test
  void aRequestOnceTheGranularityHasPassedRecordsIt() {
    String id = savedAt(start);

    accessAt(id, start.plusSeconds(60));
    accessAt(id, start.plusSeconds(90));

    assertThat(stored.findById(id).getLastAccessedTime()).isEqualTo(start.plusSeconds(60));
  }

  @Test
  void attributesAreSavedWhateverTheLastAccess() {
    String id = savedAt(start);

    Session session = sessions.findById(id);
    session.setLastAccessedTime(start.plusSeconds(1));
    session.setAttribute("tokens", "renewed");
    sessions.save(session);

    assertThat(stored.findById(id).<String>getAttribute("tokens")).isEqualTo("renewed");
  }

  @Test
  void aDeletedSessionIsGone() {
    String id = savedAt(start);

    sessions.deleteById(id);

    assertThat(sessions.findById(id)).isNull();
  }
}
