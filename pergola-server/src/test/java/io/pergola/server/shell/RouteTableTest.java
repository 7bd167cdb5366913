package io.pergola.server.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteTableTest {

  @ParameterizedTest
  @CsvSource({
    "/billing, /billing, true",
    "/billing, /billing/invoices/42, true",
    "/billing, /billingx, false",
    "/billing, /, false",
    "/billing/:id, /billing/42, true",
    "/billing/:id, /billing, false",
    "/docs/*, /docs/a/b/c, true",
    "/, /anything, true",
    "/billing, //billing//invoices/, true",
  })
  void matchesBySegmentAsTheRuntimeDoes(String pattern, String path, boolean matches) {
    assertThat(RouteTable.matches(pattern, path)).isEqualTo(matches);
  }

  @Test
  void segmentsAreTheNonEmptyPartsBetweenSlashes() {
    assertThat(RouteTable.segments("//a//b/")).containsExactly("a", "b");
    assertThat(RouteTable.segments("/")).isEmpty();
    assertThat(RouteTable.segments("")).isEmpty();
    assertThat(RouteTable.segments("a")).containsExactly("a");
  }

  @Test
  void theMostSpecificRouteWins() {
    RouteTable table =
        new RouteTable(
            List.of(
                new ShellProperties.Route("/billing", "billing"),
                new ShellProperties.Route("/billing/reports", "reports"),
                new ShellProperties.Route("/:anything", "catch-all")));

    assertThat(table.appFor("/billing/reports/2026")).isEqualTo("reports");
    assertThat(table.appFor("/billing/invoices")).isEqualTo("billing");
    assertThat(table.appFor("/profile")).isEqualTo("catch-all");
    assertThat(table.appFor("/")).isNull();
  }
}
