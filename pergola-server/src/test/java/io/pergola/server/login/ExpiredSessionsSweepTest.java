package io.pergola.server.login;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class ExpiredSessionsSweepTest {

  @Test
  void aDatabaseOutIsLeftToTheNextRun() {
    ExpiredSessionsSweep sweep = new ExpiredSessionsSweep(() -> {
      throw new DataAccessResourceFailureException("Failed to obtain JDBC Connection");
    });

    assertThatCode(sweep::sweep).doesNotThrowAnyException();
    assertThatCode(sweep::sweep).doesNotThrowAnyException();
  }

  @Test
  void anyOtherFailureIsReported() {
    ExpiredSessionsSweep sweep = new ExpiredSessionsSweep(() -> {
      throw new IllegalStateException("a bug");
    });

    assertThatThrownBy(sweep::sweep).isInstanceOf(IllegalStateException.class);
  }
}
